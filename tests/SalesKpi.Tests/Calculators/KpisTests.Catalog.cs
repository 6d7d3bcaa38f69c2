using SalesKpi.Calculators;

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
