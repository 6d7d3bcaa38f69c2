using SalesKpi.Leads;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpisTests
{
    [Fact]
    public void NewLeads_LeadsAroundMarch_CountsTheLeadsCreatedInMarch()
    {
        Lead[] leads =
        [
            Lead(Mar(1, 0, 0)), Lead(Mar(2), qualifiedAt: Apr(2)), Lead(Mar(15), convertedAt: Mar(20)),
            Lead(Mar(20), source: "referral"), Lead(Mar(31, 23, 59)),
            Lead(Feb(28, 23, 59), qualifiedAt: Mar(2)), // created in February: not new in March though qualified then
            Lead(Apr(1, 0, 0)),
        ];

        var value = Kpis.NewLeads.Evaluate(leads, March2025);

        // Created March 1, 2, 15, 20 and 31 = 5; Feb 28 and Apr 1 are outside.
        Assert.Equal(KpiValue.Count(5), value);
    }

    [Fact]
    public void NewLeads_GroupedBySourceAndByRep_CountsEachGroupAndPutsUnownedLeadsInNone()
    {
        var data = SalesData.Create(leads:
        [
            Lead(Mar(1), "web", "r1"), Lead(Mar(2), "web", "r2"), Lead(Mar(3), "web"),
            Lead(Mar(4), "referral", "r1"), Lead(Mar(5), "referral", "r1"),
        ]);

        var bySource = Kpis.NewLeads.Evaluate(data, March2025, KpiGrouping.BySource);
        var byRep = Kpis.NewLeads.Evaluate(data, March2025, KpiGrouping.ByRep);

        // By source: referral 2, web 3. By rep: r1 = 1 web + 2 referral = 3; r2 = 1; the unowned web lead in "(none)".
        Assert.Equal<string>(["referral", "web"], bySource.Groups);
        Assert.Equal(KpiValue.Count(2), bySource.Get(KpiIds.NewLeads, "referral"));
        Assert.Equal(KpiValue.Count(3), bySource.Get(KpiIds.NewLeads, "web"));
        Assert.Equal<string>(["r1", "r2", KpiGrouping.NoKey], byRep.Groups);
        Assert.Equal(KpiValue.Count(3), byRep.Get(KpiIds.NewLeads, "r1"));
        Assert.Equal(KpiValue.Count(1), byRep.Get(KpiIds.NewLeads, "r2"));
        Assert.Equal(KpiValue.Count(1), byRep.Get(KpiIds.NewLeads, KpiGrouping.NoKey));
    }

    [Fact]
    public void SqlCount_LeadsAroundMarch_CountsTheLeadsQualifiedInMarchWhenEverCreated()
    {
        Lead[] leads =
        [
            Lead(Feb(20), qualifiedAt: Mar(5)), // created in February, qualified in March: counts
            Lead(Mar(1), qualifiedAt: Mar(2)), // counts
            Lead(Mar(10), qualifiedAt: Apr(2)), // qualified in April: not in March
            Lead(Mar(11)), // never qualified
            Lead(Mar(12), qualifiedAt: Mar(31, 23, 59)), // counts
        ];

        var value = Kpis.SqlCount.Evaluate(leads, March2025);

        // Decided by qualified at: Mar 5, Mar 2, Mar 31 = 3.
        Assert.Equal(KpiValue.Count(3), value);
    }

    [Fact]
    public void SqlCount_GroupedBySource_CountsEachSourcesQualifiedLeads()
    {
        var data = SalesData.Create(leads:
        [
            Lead(Mar(1), "web", qualifiedAt: Mar(2)), Lead(Mar(1), "web", qualifiedAt: Mar(3)), Lead(Mar(1), "web"),
            Lead(Mar(1), "referral", qualifiedAt: Mar(9)),
        ]);

        var report = Kpis.SqlCount.Evaluate(data, March2025, KpiGrouping.BySource);

        // web: 2 of its 3 leads qualified in March; referral: 1.
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.SqlCount, "web"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.SqlCount, "referral"));
    }

    [Fact]
    public void LeadToOpportunityRate_MarchCohort_IsTheShareOfMarchLeadsEverConverted()
    {
        Lead[] leads =
        [
            Lead(Mar(2), convertedAt: Mar(9)), // converted in March
            Lead(Mar(20), convertedAt: Apr(15)), // converted in April: still a March lead that converted (cohort)
            Lead(Mar(21)), Lead(Mar(22), qualifiedAt: Mar(23)), // not converted
            Lead(Feb(25), convertedAt: Mar(3)), // converted in March but a February lead: not in the cohort
        ];

        var value = Kpis.LeadToOpportunityRate.Evaluate(leads, March2025);

        // Cohort of the 4 leads created in March; 2 of them converted (whenever): 2 / 4 = 0.5
        Assert.Equal(0.5m, value.Value);
        Assert.Equal(2m, value.Numerator);
        Assert.Equal(4m, value.Denominator);
    }

    [Fact]
    public void LeadToOpportunityRate_NoLeadsCreated_IsUndefinedWithReason()
    {
        var value = Kpis.LeadToOpportunityRate.Evaluate([Lead(Feb(25), convertedAt: Mar(3))], March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no leads created in the period", value.UndefinedReason);
    }

    [Fact]
    public void LeadToOpportunityRate_GroupedBySource_IsEachSourcesRate()
    {
        var data = SalesData.Create(leads:
        [
            Lead(Mar(1), "web", convertedAt: Mar(5)), Lead(Mar(1), "web"), Lead(Mar(1), "web"), Lead(Mar(1), "web"),
            Lead(Mar(1), "referral", convertedAt: Mar(5)), Lead(Mar(1), "referral", convertedAt: Mar(6)), Lead(Mar(1), "referral"),
            Lead(Feb(1), "events", convertedAt: Mar(1)),
        ]);

        var report = Kpis.LeadToOpportunityRate.Evaluate(data, March2025, KpiGrouping.BySource);

        // web: 1 / 4 = 0.25; referral: 2 / 3. The events lead was created in February, so "events" has no group.
        Assert.Equal<string>(["referral", "web"], report.Groups);
        Assert.Equal(2m / 3m, report.Get(KpiIds.LeadToOpportunityRate, "referral").Value);
        Assert.Equal(0.25m, report.Get(KpiIds.LeadToOpportunityRate, "web").Value);
    }
}
