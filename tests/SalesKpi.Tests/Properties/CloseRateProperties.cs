using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Engine;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// The two populations of <c>close-rate</c> — opportunities closed in the period, or created in it (the cohort) — agree
/// when every opportunity is created and closed in the same period: both are then won / (won + lost) of the same set.
/// </summary>
public sealed class CloseRateProperties
{
    private static readonly KpiCalculator[] Views =
    [
        new CloseRateCalculator(new CloseRateOptions { Id = "by-period", Population = CloseRatePopulation.Period }),
        new CloseRateCalculator(new CloseRateOptions { Id = "by-cohort", Population = CloseRatePopulation.Cohort }),
        new CloseRateCalculator(new CloseRateOptions { Id = "value-by-period", Population = CloseRatePopulation.Period, Basis = CloseRateBasis.Value }),
        new CloseRateCalculator(new CloseRateOptions { Id = "value-by-cohort", Population = CloseRatePopulation.Cohort, Basis = CloseRateBasis.Value }),
    ];

    [Property(MaxTest = 150, Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_EveryOpportunityCreatedAndClosedInOnePeriod_CohortAndPeriodCloseRatesAgree(Scenario s)
    {
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query(Views));

        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                foreach (var basis in new[] { string.Empty, "value-" })
                {
                    var byPeriod = report.Get(basis + "by-period", group, p);
                    var byCohort = report.Get(basis + "by-cohort", group, p);
                    Assert.True(
                        byPeriod.Value == byCohort.Value && byPeriod.Numerator == byCohort.Numerator && byPeriod.Denominator == byCohort.Denominator,
                        $"{basis}close rate of {group} in {report.Periods[p].Label}: by period {byPeriod}, by cohort {byCohort} ({s}).");
                }
            }
        }
    }

    [Fact]
    public void Generator_SampledCases_HaveWonAndLostOpportunitiesInSeveralPeriods()
    {
        // The law is not vacuous: the generated opportunities are closed (won and lost), in more than one period.
        var cases = Arbitraries.SamePeriodScenario().Sample(60, new Rnd(8UL), 60);

        Assert.Contains(cases, s => s.Data.Opportunities.Any(o => o.Status == OpportunityStatus.Won) && s.Data.Opportunities.Any(o => o.Status == OpportunityStatus.Lost));
        Assert.All(cases, s => Assert.DoesNotContain(s.Data.Opportunities, o => o.Status == OpportunityStatus.Open));
        Assert.Contains(cases, s => s.Data.Opportunities.Select(o => o.CreatedAt.InZone(s.Zone).Month).Distinct().Count() > 1);
    }

    /// <summary>Generates cases whose opportunities are all closed, each in the period it was created in.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<Scenario> Scenario() => Arb.From(SamePeriodScenario());

        public static Gen<Scenario> SamePeriodScenario() =>
            from s in SalesDataGen.Scenario()
            let periods = PeriodPlan.Create(s.Range, s.Per, s.Settings, includePrevious: false).Periods
            from count in Gen.Choose(0, 30)
            from opportunities in SalesDataGen.Many(count, i => Opportunity(i, periods, s.Data.Leads.Length))
            select s.WithData(s.Data.WithOpportunities(opportunities));

        private static Gen<Opportunity> Opportunity(int i, KpiPeriod[] periods, int leadCount) =>
            from period in Gen.Elements(periods)
            let seconds = (int)(period.End - period.Start).TotalSeconds
            from created in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, seconds - 1))).Select(c => period.Start + Duration.FromSeconds(c))
            from closed in Gen.Frequency(
                (1, Gen.Constant(period.End - Duration.Epsilon)),
                (1, Gen.Constant(created)),
                (4, Gen.Choose(0, (int)(period.End - created).TotalSeconds - 1).Select(c => created + Duration.FromSeconds(c))))
            from won in Gen.Elements(true, false)
            from owner in Gen.Elements(SalesDataGen.Reps)
            from amount in SalesDataGen.Usd()
            from lead in Gen.Choose(-1, leadCount - 1)
            select new Opportunity(
                new OpportunityId($"O{i}"), new AccountId("acc"), owner, created, amount,
                won ? OpportunityStatus.Won : OpportunityStatus.Lost, closed, lead >= 0 ? new Leads.LeadId($"L{lead}") : null);
    }
}
