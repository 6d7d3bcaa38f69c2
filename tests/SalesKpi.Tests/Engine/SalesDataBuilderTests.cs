using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Engine;

/// <summary>A snapshot built as columns (<see cref="SalesDataBuilder"/>) against the same records given as objects.</summary>
public sealed partial class ColumnarScanTests
{
    [Theory]
    [InlineData(11, "Europe/Istanbul", PeriodUnit.Week)]
    [InlineData(12, "America/New_York", PeriodUnit.Month)]
    [InlineData(13, "Australia/Lord_Howe", PeriodUnit.Quarter)]
    public void Evaluate_SnapshotBuiltAsColumns_GivesWhatTheObjectsGive(int seed, string zone, PeriodUnit per)
    {
        var data = RandomSalesData.Create(seed, size: 2_000);
        var built = Build(data);
        var settings = KpiSettings.Default.WithZone(zone);
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20));

        foreach (var grouping in new[] { KpiGrouping.None, KpiGrouping.ByRep, KpiGrouping.ByTeam, KpiGrouping.BySource, KpiGrouping.ByTool })
        {
            var query = new KpiQuery(range, [.. Kpis.All, .. Extra], grouping, per);
            AssertSame(Columnar(settings).Evaluate(data, query), Columnar(settings).Evaluate(built, query));
            AssertSame(General(settings).Evaluate(data, query), General(settings).Evaluate(built, query));
        }

        // The objects are made again from the columns only now, equal to the ones added, in order.
        Assert.Equal(data, built);
    }

    [Fact]
    public void Build_CountsAndLatestInstant_AreReadWithoutMakingObjects()
    {
        var data = RandomSalesData.Create(14, size: 500);
        var built = Build(data);

        // Every lead, activity, opportunity (with its stages), deal, spend record and rep, counted.
        var expected = new SalesDataCounts(
            data.Leads.Length, data.Opportunities.Length, data.Opportunities.Sum(o => o.StageHistory.Length), data.Deals.Length, data.Activities.Length, data.Spend.Length, data.Roster.Reps.Length);
        Assert.Equal(expected, built.Counts);
        Assert.Equal(data.LatestInstant, built.LatestInstant);
        Assert.Equal(data.Counts, built.Counts);
    }

    [Fact]
    public void AddActivity_InvalidValues_AreRefusedAsTheConstructorRefusesThem()
    {
        var builder = new SalesDataBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddActivity(default, SalesActivityKind.Call, new RepId("r1"), Instant.FromUtc(2025, 1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddActivity(new ActivityId("a1"), SalesActivityKind.Call, new RepId("r1"), Instant.FromUtc(2025, 1, 1, 0, 0), (ActivityOutcomes)1024));
        Assert.Throws<ArgumentException>(() => builder.AddLead(new LeadId("l1"), Instant.FromUtc(2025, 1, 2, 0, 0), "web", qualifiedAt: Instant.FromUtc(2025, 1, 1, 0, 0)));
        Assert.Equal(0, builder.Counts.Activities + builder.Counts.Leads);
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new SalesDataBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddLead(new LeadId("l1"), Instant.FromUtc(2025, 1, 1, 0, 0), "web"));
    }

    /// <summary>The same records through the builder: half the leads and activities from their values, half as objects.</summary>
    private static SalesData Build(SalesData data)
    {
        var builder = new SalesDataBuilder();
        for (var i = 0; i < data.Leads.Length; i++)
        {
            var lead = data.Leads[i];
            _ = i % 2 == 0 ? builder.Add(lead) : builder.AddLead(lead.Id, lead.CreatedAt, lead.Source, lead.Owner, lead.QualifiedAt, lead.ConvertedAt, lead.Dimensions);
        }

        for (var i = 0; i < data.Activities.Length; i++)
        {
            var a = data.Activities[i];
            _ = i % 2 == 0 ? builder.Add(a) : builder.AddActivity(a.Id, a.Kind, a.Owner, a.OccurredAt, a.Outcomes, a.Lead, a.Opportunity, a.Tool, a.Dimensions);
        }

        foreach (var opportunity in data.Opportunities)
        {
            builder.Add(opportunity);
        }

        foreach (var deal in data.Deals)
        {
            builder.Add(deal);
        }

        foreach (var spend in data.Spend)
        {
            builder.Add(spend);
        }

        foreach (var rep in data.Roster.Reps)
        {
            builder.Add(rep);
        }

        foreach (var account in data.Accounts)
        {
            builder.Add(account);
        }

        return builder.Build();
    }
}
