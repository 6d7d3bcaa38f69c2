using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpisTests
{
    [Fact]
    public void CustomerAcquisitionCost_SpendAndDeals_DividesProratedSpendByAccountsWinningNewBusiness()
    {
        var data = SalesData.Create(
            spend:
            [
                Spend("web", March2025, Usd(3_100m)),
                Spend("events", Dates(2025, 3, 15, 2025, 4, 11), Usd(2_800m)), // 28 days, 17 of them in March
            ],
            deals:
            [
                Deal("r1", Mar(3), account: "acme"),
                Deal("r1", Mar(9), account: "acme"), // acme again: one new customer
                Deal("r2", Mar(10), account: "globex"),
                Deal("r2", Mar(11), kind: DealKind.AddOn, account: "initech"), // not new business
                Deal("r2", Mar(12), kind: DealKind.Renewal, account: "hooli"),
                Deal("r2", Apr(1), account: "umbrella"), // April
            ]);

        var value = Kpis.CustomerAcquisitionCost.Evaluate(data, March2025);

        // Spend 3,100 + 2,800 × 17 / 28 = 3,100 + 1,700 = 4,800 USD; new customers acme and globex = 2 → 2,400 USD.
        Assert.Equal(2_400m, value.Value);
        Assert.Equal(4_800m, value.Numerator);
        Assert.Equal(2m, value.Denominator);
        Assert.Equal(Currency.USD, value.Currency);
    }

    [Fact]
    public void CustomerAcquisitionCost_NoNewBusiness_IsUndefined_AndByRepIsUndefinedAsCostPerLead()
    {
        var data = SalesData.Create(
            spend: [Spend("web", March2025, Usd(1_000m))],
            deals: [Deal("r1", Mar(3), kind: DealKind.Renewal)]);

        var value = Kpis.CustomerAcquisitionCost.Evaluate(data, March2025);
        var byRep = Kpis.CustomerAcquisitionCost.Evaluate(data, March2025, KpiGrouping.ByRep);

        Assert.False(value.IsDefined);
        Assert.Equal("no new customers won in the period", value.UndefinedReason);
        // Spend has no rep: grouped by rep the KPI reads an unsupported collection, so no group is found from records
        // (docs/kpis.md, "Which groups are reported"), as for cost-per-lead.
        Assert.Empty(byRep.Groups);
        Assert.Empty(Kpis.CostPerLead.Evaluate(data, March2025, KpiGrouping.ByRep).Groups);
    }

    [Fact]
    public void LeadResponseTime_TouchedAndUntouchedLeads_IsTheMedianOfTheTouchedOnesInDays()
    {
        var data = SalesData.Create(
            leads:
            [
                Lead(Mar(2, 9, 0), id: "L1"),
                Lead(Mar(3, 9, 0), id: "L2"),
                Lead(Mar(4, 9, 0), id: "L3"),
                Lead(Mar(31, 18, 0), id: "L4"),
                Lead(Mar(5, 9, 0), id: "L5"), // never touched: left out
                Lead(Feb(27, 9, 0), id: "L6"), // created in February
            ],
            activities:
            [
                Call("r1", Mar(2, 8, 0), lead: "L1"), // before creation: not a response
                Call("r1", Mar(2, 10, 0), lead: "L1"), // L1: 1 hour
                Email("r1", Mar(2, 15, 0), lead: "L1"), // later than the first
                Email("r1", Mar(3, 15, 0), lead: "L2"), // L2: 6 hours
                Call("r1", Mar(6, 9, 0), lead: "L3"), // L3: 2 days
                Call("r1", Apr(1, 6, 0), lead: "L4"), // L4: 12 hours, touched in April
                Call("r1", Mar(1, 9, 0), lead: "L6"),
            ]);

        var median = Kpis.LeadResponseTime.Evaluate(data, March2025);
        var p90 = Kpis.LeadResponseTimeP90.Evaluate(data, March2025);

        // Sorted days: 1/24, 6/24, 12/24, 2. Median rank (4 − 1) × 0.5 = 1.5: (6/24 + 12/24) / 2 = 9/24 = 0.375 days.
        Assert.Equal(KpiUnit.Days, median.Unit);
        Assert.Equal(0.375m, median.Value);
        Assert.Equal(4, median.SampleSize);
        // p90 rank 3 × 0.9 = 2.7: 0.5 + 0.7 × (2 − 0.5) = 0.5 + 1.05 = 1.55 days.
        Assert.Equal(1.55m, p90.Value);
        Assert.Equal(0.375m, p90.Median);
    }

    [Fact]
    public void LeadResponseTime_NoTouchedLead_IsUndefined()
    {
        var data = SalesData.Create(leads: [Lead(Mar(2), id: "L1")], activities: [Call("r1", Mar(3))]);

        var value = Kpis.LeadResponseTime.Evaluate(data, March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no lead created in the period was touched by an activity", value.UndefinedReason);
        Assert.Equal(KpiDirection.LowerIsBetter, Kpis.LeadResponseTime.Direction);
    }

    [Fact]
    public void LeadResponseTimeOptions_PercentileOutsideZeroToOne_Throws()
    {
        var options = new LeadResponseTimeOptions();

        Assert.Throws<ArgumentOutOfRangeException>("value", () => options.Percentile = 1.01m);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => options.Percentile = -0.1m);
    }

    [Fact]
    public void LeadResponseSla_DefaultHour_CountsUntouchedLeadsAsMissed()
    {
        var data = SalesData.Create(
            leads:
            [
                Lead(Mar(2, 9, 0), id: "L1"),
                Lead(Mar(3, 9, 0), id: "L2"),
                Lead(Mar(4, 9, 0), id: "L3"),
                Lead(Mar(5, 9, 0), id: "L4"),
            ],
            activities:
            [
                Call("r1", Mar(2, 10, 0), lead: "L1"), // exactly 1 hour: met
                Call("r1", Mar(3, 10, 1), lead: "L2"), // 61 minutes: missed
                Call("r1", Mar(4, 9, 15), lead: "L3"), // 15 minutes: met
            ]);

        var hour = Kpis.LeadResponseSla.Evaluate(data, March2025);
        var quarterHour = new LeadResponseSlaCalculator(new LeadResponseSlaOptions { Id = "lead-response-sla-15m", Threshold = Duration.FromMinutes(15) })
            .Evaluate(data, March2025);

        // Within an hour: L1, L3 of L1–L4 (L4 never touched) → 2 / 4 = 0.5. Within 15 minutes: L3 → 1 / 4 = 0.25.
        Assert.Equal(KpiValue.Ratio(2, 4), hour);
        Assert.Equal(KpiValue.Ratio(1, 4), quarterHour);
    }

    [Fact]
    public void LeadResponseSla_NoLeads_IsUndefined_AndThresholdMustBePositive()
    {
        var value = Kpis.LeadResponseSla.Evaluate(SalesData.Empty, March2025);
        var options = new LeadResponseSlaOptions();

        Assert.Equal("no leads created in the period", value.UndefinedReason);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => options.Threshold = Duration.Zero);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => options.Threshold = Duration.FromMinutes(-5));
    }

    [Fact]
    public void NextAppointmentRate_Conversations_IsTheShareWithTheNextAppointmentSet()
    {
        SalesActivity[] activities =
        [
            Call("r1", Mar(2), ActivityOutcomes.Connected | ActivityOutcomes.NextAppointmentSet),
            Call("r1", Mar(3), ActivityOutcomes.Connected),
            Call("r1", Mar(4), ActivityOutcomes.Connected),
            Meeting("r1", Mar(5), ActivityOutcomes.NextAppointmentSet), // implies connected: a conversation with one set
            Call("r1", Mar(6)), // not answered: no conversation
            Email("r1", Mar(7), ActivityOutcomes.NextAppointmentSet), // an email is no conversation
            Call("r1", Apr(1), ActivityOutcomes.Connected | ActivityOutcomes.NextAppointmentSet), // April
        ];

        var value = Kpis.NextAppointmentRate.Evaluate(activities, March2025);

        // Conversations in March: the calls of Mar 2, 3, 4 and the meeting of Mar 5 = 4; with the next appointment set:
        // Mar 2 and Mar 5 = 2 → 2 / 4 = 0.5.
        Assert.Equal(KpiValue.Ratio(2, 4), value);
        Assert.Equal("no conversations in the period", Kpis.NextAppointmentRate.Evaluate([Call("r1", Mar(2))], March2025).UndefinedReason);
    }

    [Fact]
    public void EmailsPerContact_EmailsToLeadsAndOpportunities_DividesLinkedEmailsByDistinctContacts()
    {
        SalesActivity[] activities =
        [
            Email("r1", Mar(2), lead: "L1"),
            Email("r1", Mar(3), lead: "L1"),
            Email("r1", Mar(4), lead: "L2"),
            SalesActivity(SalesActivityKind.Email, "r1", Mar(5), opportunity: "O1"),
            SalesActivity(SalesActivityKind.Email, "r1", Mar(6), opportunity: "O1"),
            SalesActivity(SalesActivityKind.Email, "r1", Mar(7), lead: "L2", opportunity: "O9"), // the lead is the contact
            Email("r1", Mar(8)), // no contact: left out
            Call("r1", Mar(9), lead: "L3"), // not an email
            Email("r1", Apr(1), lead: "L4"), // April
        ];

        var value = Kpis.EmailsPerContact.Evaluate(activities, March2025);

        // Linked March emails: 6; contacts L1, L2, O1 = 3 → 6 / 3 = 2 emails per contact.
        Assert.Equal(KpiUnit.Number, value.Unit);
        Assert.Equal(2m, value.Value);
        Assert.Equal(6m, value.Numerator);
        Assert.Equal(3m, value.Denominator);
    }

    [Fact]
    public void EmailsPerContact_OnlyUnlinkedEmails_IsUndefined()
    {
        var value = Kpis.EmailsPerContact.Evaluate([Email("r1", Mar(2))], March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no emails to a lead or opportunity in the period", value.UndefinedReason);
    }
}
