using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class WeightedPipelineTests
{
    // Default probabilities: Prospecting 0.1, Qualification 0.2, FirstAppointment 0.3, Proposal 0.5, Negotiation 0.7;
    // any other stage, and no stage at all, 0. The period is decided by the expected close date.
    private static readonly Opportunity[] Data1 =
    [
        Open("w1", At(2025, 5, 1), 10_000m, Ayse, Date(2025, 6, 10), Stage(FirstAppointment, At(2025, 5, 1)), Stage(Proposal, At(2025, 5, 2))),
        Open("w2", At(2025, 5, 1), 4_000m, Budi, Date(2025, 6, 30), Stage(Negotiation, At(2025, 5, 3))),
        Open("w3", At(2025, 5, 1), 2_000m, Budi, Date(2025, 6, 15), Stage(new OpportunityStage("Demo"), At(2025, 5, 4))),
        Open("w4", At(2025, 5, 1), 1_000m, Olga, Date(2025, 6, 5)),
        Won("w5", At(2025, 5, 1), At(2025, 6, 3), 50_000m, Olga, Stage(Proposal, At(2025, 5, 2))),
        Open("w6", At(2025, 5, 1), 3_000m, Ayse, Date(2025, 7, 1), Stage(Proposal, At(2025, 5, 2))),
        Open("w7", At(2025, 5, 1), 6_000m, Ayse, null, Stage(Proposal, At(2025, 5, 2))),
    ];

    private static readonly NodaTime.DateInterval June = Month(2025, 6);

    [Fact]
    public void Evaluate_June_WeighsEachOpenOpportunityByItsCurrentStage()
    {
        // Expected to close in June and open: w1 10,000 × 0.5 (Proposal, its current stage) = 5,000;
        // w2 4,000 × 0.7 = 2,800; w3 in the custom stage Demo × 0 = 0; w4 with no stage × 0 = 0.
        // w5 is won, w6 is expected in July, w7 has no expected close date. 5,000 + 2,800 = 7,800 USD.
        var value = Evaluate(Kpis.WeightedPipeline, Data(Data1), June);

        Assert.Equal(KpiUnit.Money, value.Unit);
        Assert.Equal(7_800m, value.Value);
        Assert.Equal(Currency.USD, value.Currency);
        Assert.Equal("7,800.00 USD", value.ToString());
    }

    [Fact]
    public void Evaluate_WithOwnProbabilitiesAndADefault_UsesThem()
    {
        // Proposal 0.5, Negotiation 0.7, Demo 0.4, anything else (and no stage) 0.1:
        // w1 5,000 + w2 2,800 + w3 2,000 × 0.4 = 800 + w4 1,000 × 0.1 = 100 → 8,700 USD.
        var kpi = new WeightedPipelineCalculator(new WeightedPipelineOptions
        {
            Id = "weighted-pipeline-custom",
            Probabilities = new Dictionary<OpportunityStage, decimal> { [Proposal] = 0.5m, [Negotiation] = 0.7m, [new("Demo")] = 0.4m },
            DefaultProbability = 0.1m,
        });

        Assert.Equal(8_700m, Evaluate(kpi, Data(Data1), June).Value);
    }

    [Fact]
    public void Evaluate_PerMonth_BucketsByExpectedCloseDate()
    {
        // June 7,800 USD (as above); July: w6 3,000 × 0.5 = 1,500 USD.
        var report = Report(Kpis.WeightedPipeline, Data(Data1), Between(Date(2025, 6, 1), Date(2025, 7, 31)), KpiGrouping.None, PeriodUnit.Month);

        Assert.Equal(7_800m, report.Get(KpiIds.WeightedPipeline, KpiGrouping.AllKey, 0).Value);
        Assert.Equal(1_500m, report.Get(KpiIds.WeightedPipeline, KpiGrouping.AllKey, 1).Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersWeightedAmount()
    {
        // ayse: w1 5,000. budi: w2 2,800 + w3 0 = 2,800. olga: w4 0 (w5 is won).
        var report = Report(Kpis.WeightedPipeline, Data(Data1), June, KpiGrouping.ByRep);

        Assert.Equal("5,000.00 USD", report.Get(KpiIds.WeightedPipeline, "ayse").ToString());
        Assert.Equal("2,800.00 USD", report.Get(KpiIds.WeightedPipeline, "budi").ToString());
        Assert.Equal("0.00 USD", report.Get(KpiIds.WeightedPipeline, "olga").ToString());
    }

    [Fact]
    public void Evaluate_GroupedByDealKind_IsUndefinedWithTheReason()
    {
        var report = Report(Kpis.WeightedPipeline, Data(Data1), June, KpiGrouping.ByDealKind, allGroups: true);

        var value = report.Get(KpiIds.WeightedPipeline, "add-on");
        Assert.False(value.IsDefined);
        Assert.Equal("weighted-pipeline reads opportunities, which cannot be grouped by deal-kind", value.UndefinedReason);
    }

    [Fact]
    public void Evaluate_WonOpportunityStillCarryingAnExpectedCloseDate_IsNotPipeline()
    {
        // Won in June with an expected close date of 10 June left from when it was open: 10,000 × 0.5 would be 5,000,
        // but only open opportunities are pipeline, so June is 0.
        var won = new Opportunity(
            new OpportunityId("w8"), new AccountId("acc-w8"), Ayse, At(2025, 5, 1), Usd(10_000m), OpportunityStatus.Won, At(2025, 6, 3), null,
            [Stage(Proposal, At(2025, 5, 2))], Date(2025, 6, 10));

        Assert.Equal(0m, Evaluate(Kpis.WeightedPipeline, Data([won]), June).Value);
    }

    [Fact]
    public void Evaluate_ProbabilitiesAtZeroAndOne_AreAcceptedAndUsed()
    {
        // Proposal 1, Negotiation 0, anything else 1: w1 10,000 × 1 + w2 4,000 × 0 + w3 2,000 × 1 + w4 1,000 × 1 = 13,000.
        var kpi = new WeightedPipelineCalculator(new WeightedPipelineOptions
        {
            Id = "weighted-pipeline-edges",
            Probabilities = new Dictionary<OpportunityStage, decimal> { [Proposal] = 1m, [Negotiation] = 0m },
            DefaultProbability = 1m,
        });

        Assert.Equal(13_000m, Evaluate(kpi, Data(Data1), June).Value);
    }

    [Fact]
    public void Merge_TwoPartitions_AddsTheirWeightedAmounts()
    {
        // w1 5,000 in one partition, w2 2,800 and w3..w7 (0 in June) in the other: 7,800 USD, as unpartitioned.
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);
        var query = new KpiQuery(June, [Kpis.WeightedPipeline]);
        var merged = evaluator.Accumulate(Data(Data1[..1]), query);
        merged.Merge(evaluator.Accumulate(Data(Data1[1..]), query));

        Assert.Equal(7_800m, merged.ToReport().Get(KpiIds.WeightedPipeline).Value);
    }

    [Fact]
    public void Inputs_ReadOpportunitiesByExpectedCloseDate() =>
        Assert.Equal("opportunities by expected close date", Assert.Single(new WeightedPipelineCalculator().Inputs).Description);

    [Fact]
    public void Constructor_ProbabilityAboveOne_Throws()
    {
        var options = new WeightedPipelineOptions { Probabilities = new Dictionary<OpportunityStage, decimal> { [Proposal] = 1.5m } };

        Assert.Throws<ArgumentOutOfRangeException>("options.Probabilities", () => new WeightedPipelineCalculator(options));
    }

    [Fact]
    public void Evaluate_ByForecastCategory_IsTheWeightedPipelinePerCategory()
    {
        // June, as above, with w1 in commit and w2 in best case: commit 10,000 × 0.5 = 5,000; best-case 4,000 × 0.7 =
        // 2,800; pipeline (the default of an open opportunity) w3 × 0 + w4 × 0 = 0; closed and omitted hold no open
        // opportunity: 0. The five categories are known groups, in key order.
        var data = Data(Data1.Select(o => o.Id.Value switch
        {
            "w1" => o.WithForecastCategory(ForecastCategory.Commit),
            "w2" => o.WithForecastCategory(ForecastCategory.BestCase),
            _ => o,
        }));

        var report = Report(Kpis.WeightedPipeline, data, June, KpiGrouping.FromName("forecast-category"), allGroups: true);

        Assert.Equal(["best-case", "closed", "commit", "omitted", "pipeline"], report.Groups.AsEnumerable());
        Assert.Equal(5_000m, report.Get(KpiIds.WeightedPipeline, "commit").Value);
        Assert.Equal(2_800m, report.Get(KpiIds.WeightedPipeline, "best-case").Value);
        Assert.Equal(0m, report.Get(KpiIds.WeightedPipeline, "pipeline").Value);
        Assert.Equal(0m, report.Get(KpiIds.WeightedPipeline, "closed").Value);
    }

    [Fact]
    public void ByForecastCategory_KeysAnOpportunityByItsCategorysName_AndSupportsOpportunitiesOnly()
    {
        // A won opportunity is always closed, a lost one omitted, an open one without a category pipeline.
        var data = Data(Data1);
        var grouping = KpiGrouping.ByForecastCategory;

        Assert.Same(grouping, KpiGrouping.FromName("Forecast-Category"));
        Assert.Equal("forecast-category", grouping.Dimension);
        Assert.Equal("closed", grouping.KeyOf(Data1[4], data));
        Assert.Equal("pipeline", grouping.KeyOf(Data1[0], data));
        Assert.Equal("best-case", grouping.KeyOf(Data1[0].WithForecastCategory(ForecastCategory.BestCase), data));
        Assert.True(grouping.Supports(KpiRecordType.Opportunities));
        Assert.False(grouping.Supports(KpiRecordType.Deals));
        Assert.False(grouping.Supports(KpiRecordType.Leads));
    }
}
