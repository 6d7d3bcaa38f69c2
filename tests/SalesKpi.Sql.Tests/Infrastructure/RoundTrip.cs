using System.Data.Common;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Csv;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>Reads a database loaded by <see cref="SqlTestDatabase"/> back with the ADO.NET importer and compares it with the snapshot.</summary>
internal static class RoundTrip
{
    public static async Task<SalesData> ReadBackAsync(DbConnection connection)
    {
        var result = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(connection, "db"), CancellationToken.None);
        Assert.Empty(result.Rejections);
        Assert.Equal(SqlTableMapping.TableNames.Select(t => "db/" + t), result.Files.Select(f => f.File));
        return result.Data;
    }

    public static void AssertSameRecords(SalesData expected, SalesData actual)
    {
        // Every collection of the sample is there, and the database gave back as many records of each.
        var counts = expected.Counts;
        Assert.All([counts.Reps, counts.Leads, counts.Opportunities, counts.StageChanges, counts.Deals, counts.Activities, counts.Spend], n => Assert.True(n > 0));
        Assert.Equal(counts.Reps, actual.Counts.Reps);
        Assert.Equal(counts.Leads, actual.Counts.Leads);
        Assert.Equal(counts.Opportunities, actual.Counts.Opportunities);
        Assert.Equal(counts.StageChanges, actual.Counts.StageChanges);
        Assert.Equal(counts.Deals, actual.Counts.Deals);
        Assert.Equal(counts.Activities, actual.Counts.Activities);
        Assert.Equal(counts.Spend, actual.Counts.Spend);

        // The first lead, field by field.
        var lead = expected.Leads[0];
        var leadBack = actual.Leads[0];
        Assert.Equal(lead.Id, leadBack.Id);
        Assert.Equal(lead.CreatedAt, leadBack.CreatedAt);
        Assert.Equal(lead.Owner, leadBack.Owner);
        Assert.Equal(lead.Source, leadBack.Source);
        Assert.Equal(lead.QualifiedAt, leadBack.QualifiedAt);
        Assert.Equal(lead.ConvertedAt, leadBack.ConvertedAt);

        // A closed opportunity that came from a lead and went through stages.
        var opportunity = expected.Opportunities.First(o => o.ClosedAt is not null && o.Lead is not null && !o.StageHistory.IsEmpty);
        var opportunityBack = Assert.Single(actual.Opportunities, o => o.Id == opportunity.Id);
        Assert.Equal(opportunity.Account, opportunityBack.Account);
        Assert.Equal(opportunity.Owner, opportunityBack.Owner);
        Assert.Equal(opportunity.CreatedAt, opportunityBack.CreatedAt);
        Assert.Equal(opportunity.Amount, opportunityBack.Amount);
        Assert.Equal(opportunity.Status, opportunityBack.Status);
        Assert.Equal(opportunity.ClosedAt, opportunityBack.ClosedAt);
        Assert.Equal(opportunity.Lead, opportunityBack.Lead);
        Assert.Equal(opportunity.ExpectedClose, opportunityBack.ExpectedClose);
        Assert.Equal(opportunity.StageHistory.ToArray(), opportunityBack.StageHistory.ToArray());

        // The field histories and forecast categories, entry by entry.
        foreach (var withHistory in expected.Opportunities.Where(o => !o.History.IsEmpty))
        {
            var back = Assert.Single(actual.Opportunities, o => o.Id == withHistory.Id);
            Assert.Equal(withHistory.History.ToArray(), back.History.ToArray());
            Assert.Equal(withHistory.ForecastCategory, back.ForecastCategory);
        }

        // An open opportunity with an expected close date.
        var open = expected.Opportunities.First(o => o.ExpectedClose is not null);
        Assert.Equal(open.ExpectedClose, Assert.Single(actual.Opportunities, o => o.Id == open.Id).ExpectedClose);

        // An activity with two outcomes or more (a ;-separated list).
        var activity = expected.Activities.First(a => a.Outcomes != ActivityOutcomes.None && (a.Outcomes & (a.Outcomes - 1)) != 0);
        var activityBack = Assert.Single(actual.Activities, a => a.Id == activity.Id);
        Assert.Equal(activity.Kind, activityBack.Kind);
        Assert.Equal(activity.Owner, activityBack.Owner);
        Assert.Equal(activity.OccurredAt, activityBack.OccurredAt);
        Assert.Equal(activity.Outcomes, activityBack.Outcomes);
        Assert.Equal(activity.Lead, activityBack.Lead);
        Assert.Equal(activity.Opportunity, activityBack.Opportunity);
        Assert.Equal(activity.Tool, activityBack.Tool);

        // A deal with a contract term and a recurring amount.
        var deal = expected.Deals.First(d => d.Term is not null && d.RecurringMonthly is not null);
        var dealBack = Assert.Single(actual.Deals, d => d.Id == deal.Id);
        Assert.Equal(deal.Account, dealBack.Account);
        Assert.Equal(deal.Owner, dealBack.Owner);
        Assert.Equal(deal.ClosedAt, dealBack.ClosedAt);
        Assert.Equal(deal.Value, dealBack.Value);
        Assert.Equal(deal.Kind, dealBack.Kind);
        Assert.Equal(deal.Opportunity, dealBack.Opportunity);
        Assert.Equal(deal.Term, dealBack.Term);
        Assert.Equal(deal.RecurringMonthly, dealBack.RecurringMonthly);

        // And every record of every collection, in order: nothing was changed on the way. (Arrays: ImmutableArray
        // equality is the identity of the array it wraps.)
        Assert.Equal(expected.Roster.Reps.ToArray(), actual.Roster.Reps.ToArray());
        Assert.Equal(expected.Leads.ToArray(), actual.Leads.ToArray());
        Assert.Equal(expected.Opportunities.ToArray(), actual.Opportunities.ToArray());
        Assert.Equal(expected.Deals.ToArray(), actual.Deals.ToArray());
        Assert.Equal(expected.Activities.ToArray(), actual.Activities.ToArray());
        Assert.Equal(expected.Spend.ToArray(), actual.Spend.ToArray());
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// A small snapshot with what the sample lacks: fractional seconds (to the microsecond), amounts with ten decimal
    /// places and none, every outcome at once, a tool, a lead without owner, a deal from an opportunity, a stage name
    /// with a space, text that needs quoting in CSV, a currency other than USD, a date far in the future, a field history
    /// (amounts, dates, categories and an owner, some fields left unchanged) and an open opportunity's forecast category.
    /// </summary>
    public static SalesData Edges()
    {
        var ana = new RepId("ana");
        var lead = new Lead(new LeadId("L1"), Instant.FromUtc(2025, 1, 6, 9, 0).PlusNanoseconds(123_456_000), "web, paid", qualifiedAt: Instant.FromUtc(2025, 1, 7, 9, 0, 30));
        var opportunity = new Opportunity(
            new OpportunityId("O1"), new AccountId("acme \"north\""), ana, Instant.FromUtc(2025, 1, 8, 9, 0), new Money(1234.5678901234m, Currency.EUR),
            OpportunityStatus.Won, Instant.FromUtc(2025, 2, 1, 17, 45).PlusNanoseconds(1_000), lead.Id,
            [new StageEntry(new OpportunityStage("First call"), Instant.FromUtc(2025, 1, 9, 9, 0)), new StageEntry(OpportunityStage.Proposal, Instant.FromUtc(2025, 1, 20, 9, 0))],
            new LocalDate(9999, 12, 31),
            history:
            [
                new OpportunityChange(Instant.FromUtc(2025, 1, 8, 9, 0), new Money(1000m, Currency.EUR), new LocalDate(2025, 3, 31), ForecastCategory.Pipeline, ana),
                new OpportunityChange(Instant.FromUtc(2025, 1, 20, 9, 0).PlusNanoseconds(7_000), new Money(1234.5678901234m, Currency.EUR), forecastCategory: ForecastCategory.Commit),
                new OpportunityChange(Instant.FromUtc(2025, 2, 1, 17, 45).PlusNanoseconds(1_000), expectedClose: new LocalDate(9999, 12, 31), forecastCategory: ForecastCategory.Closed),
            ]);
        var open = new Opportunity(
            new OpportunityId("O2"), new AccountId("initech"), ana, Instant.FromUtc(2025, 3, 1, 9, 0), new Money(50m, Currency.EUR),
            forecastCategory: ForecastCategory.BestCase,
            history: [new OpportunityChange(Instant.FromUtc(2025, 3, 1, 9, 0), forecastCategory: ForecastCategory.Pipeline), new OpportunityChange(Instant.FromUtc(2025, 3, 5, 9, 0), forecastCategory: ForecastCategory.BestCase)]);
        return SalesData.Create(
            leads: [lead],
            opportunities: [opportunity, open],
            deals:
            [
                new Deal(new DealId("D1"), opportunity.Account, ana, opportunity.ClosedAt!.Value, new Money(1_000_000_000_000_000_000m, Currency.EUR), DealKind.WinBack,
                    opportunity.Id, new DateInterval(new LocalDate(2025, 2, 1), new LocalDate(2026, 1, 31)), new Money(0.0000000001m, Currency.EUR)),
            ],
            activities:
            [
                new SalesActivity(new ActivityId("A1"), SalesActivityKind.ToolUsage, ana, Instant.FromUtc(2025, 1, 9, 10, 0), tool: "dialer"),
                new SalesActivity(new ActivityId("A2"), SalesActivityKind.Email, ana, Instant.FromUtc(2025, 1, 9, 11, 0),
                    ActivityOutcomes.Connected | ActivityOutcomes.Delivered | ActivityOutcomes.Opened | ActivityOutcomes.Replied | ActivityOutcomes.Positive | ActivityOutcomes.NextAppointmentSet, lead.Id, opportunity.Id),
                new SalesActivity(new ActivityId("A3"), new SalesActivityKind("linkedin-note"), ana, Instant.FromUtc(2025, 1, 9, 12, 0)),
            ],
            spend: [new MarketingSpend("web, paid", new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)), new Money(0m, Currency.EUR))],
            roster: new Roster([new Rep(ana, "Ana, \"the closer\"", new TeamId("north"))]));
    }
}
