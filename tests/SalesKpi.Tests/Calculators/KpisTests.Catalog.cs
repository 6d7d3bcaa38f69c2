using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

public partial class KpisTests
{
    public static TheoryData<string> BuiltInIds() => [.. Kpis.All.Select(k => k.Id)];

    /// <summary>The built-in KPIs that declare a <see cref="KpiMeasure"/> (most of the catalog).</summary>
    public static TheoryData<string> MeasureIds() =>
        [.. Kpis.All.OfType<AggregateKpiCalculator>().Where(k => k.Measure is not null).Select(k => k.Id)];

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Description_EveryBuiltInKpi_IsASentenceOtherThanItsId(string id)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));

        // A description says what is measured: not blank, and more than the id repeated.
        Assert.False(string.IsNullOrWhiteSpace(kpi.Description), $"{id} has a blank description");
        Assert.NotEqual(id, kpi.Description);
    }

    [Fact]
    public void Description_EmailRates_NameTheOutcomeOverItsBase()
    {
        Assert.Equal("delivered / sent emails", Kpis.EmailDeliveryRate.Description);
        Assert.Equal("opened / delivered emails", Kpis.EmailOpenRate.Description);
        Assert.Equal("replied / delivered emails", Kpis.EmailReplyRate.Description);
        Assert.Equal("positive / delivered emails", Kpis.PositiveReplyRate.Description);
    }

    [Fact]
    public void Description_CalculatorsWithOtherOptions_SayWhatTheOptionsMeasure()
    {
        // The catalog holds the default options; a user who changes them reads the change in the description
        // (and in `saleskpi kpis`).
        Assert.Equal("won / (won + lost) of opportunities closed in the period", Kpis.CloseRate.Description);
        Assert.Equal(
            "won / created of opportunities created in the period",
            new CloseRateCalculator(new CloseRateOptions { Population = CloseRatePopulation.Cohort }).Description);
        Assert.Equal(
            "days spent in Proposal (all stays)",
            new TimeInStageCalculator(new TimeInStageOptions { Stage = OpportunityStage.Proposal, Mode = TimeInStageMode.Cumulative }).Description);
        Assert.Equal(
            "share of opportunities that reached Qualification in the period and later reached Negotiation",
            new StageConversionCalculator(new StageConversionOptions { From = OpportunityStage.Qualification, To = OpportunityStage.Negotiation }).Description);
        Assert.Equal(
            "open opportunities at period end past Proposal",
            new QualifiedPipelineCalculator(new QualifiedPipelineOptions { QualifyingStage = OpportunityStage.Proposal }).Description);
    }

    [Fact]
    public void TryGet_UnknownOrNullId_FindsNothing()
    {
        Assert.False(Kpis.TryGet("no-such-kpi", out var kpi));
        Assert.Null(kpi);
        Assert.False(Kpis.TryGet(null, out _));
    }

    [Fact]
    public void Description_BuiltInKpis_AreDistinct()
    {
        var duplicates = Kpis.All.GroupBy(k => k.Description).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(MeasureIds))]
    public void Inputs_BuiltInKpiWithAMeasure_AreTheMeasuresInputs(string id)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));
        var aggregate = Assert.IsAssignableFrom<AggregateKpiCalculator>(kpi);

        Assert.NotEmpty(aggregate.Inputs);
        Assert.Equal(aggregate.Measure!.Inputs, aggregate.Inputs);
    }

    [Theory]
    [MemberData(nameof(MeasureIds))]
    public void CreateAccumulator_BuiltInKpiOnNoRecords_GivesWhatTheEngineGivesOnNoRecords(string id)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));
        var aggregate = Assert.IsAssignableFrom<AggregateKpiCalculator>(kpi);

        var accumulator = aggregate.CreateAccumulator(new KpiCalculatorContext(KpiSettings.Default, SalesData.Empty));
        var expected = kpi.Evaluate(SalesData.Empty, KpiTestData.March2025);

        Assert.Equal(expected, accumulator.GetValue());
    }
}
