using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// Regression tests for the members the null-argument sweep (issue #8) found unguarded: each accepted null, threw
/// <see cref="NullReferenceException"/> or another exception later, or named the wrong parameter.
/// </summary>
public sealed class NullArgumentRegressionTests
{
    private static readonly SalesData Data = SalesData.Create(roster: TestData.CreateRoster());

    private static readonly KpiCalculatorContext Context = new(KpiSettings.Default, Data);

    private static readonly KpiPeriod Period =
        new KpiEvaluator().Evaluate(Data, new KpiQuery(TestData.January, [Kpis.CloseRate])).Periods[0];

    /// <summary>Gets every built-in KPI that accumulates records itself.</summary>
    public static TheoryData<string> AggregateKpiIds => [.. Kpis.All.OfType<AggregateKpiCalculator>().Select(k => k.Id)];

    /// <summary>Gets the built-in groupings.</summary>
    public static TheoryData<string> Groupings => ["none", "rep", "team", "source", "deal-kind", "tool", "custom"];

    [Theory]
    [MemberData(nameof(AggregateKpiIds))]
    public void Regression_NullArguments_AccumulatorOfEveryBuiltInKpi_RefusesNullRecordPeriodAndOther(string id)
    {
        // Before: the accumulators dereferenced the record (NullReferenceException), counted it (a null lead was a
        // lead), or threw InvalidOperationException for a record type they do not read, whatever the argument.
        var accumulator = Aggregate(id).CreateAccumulator(Context);

        Assert.Throws<ArgumentNullException>("lead", () => accumulator.Add((Lead)null!, Period));
        Assert.Throws<ArgumentNullException>("opportunity", () => accumulator.Add((Opportunity)null!, Period));
        Assert.Throws<ArgumentNullException>("deal", () => accumulator.Add((Deal)null!, Period));
        Assert.Throws<ArgumentNullException>("activity", () => accumulator.Add((SalesActivity)null!, Period));
        Assert.Throws<ArgumentNullException>("spend", () => accumulator.Add((MarketingSpend)null!, Period));
        Assert.Throws<ArgumentNullException>("period", () => accumulator.Add(TestData.CreateLead(), null!));
        Assert.Throws<ArgumentNullException>("period", () => accumulator.Add(TestData.CreateOpportunity(), null!));
        Assert.Throws<ArgumentNullException>("period", () => accumulator.Add(TestData.CreateDeal(), null!));
        Assert.Throws<ArgumentNullException>("period", () => accumulator.Add(TestData.CreateActivity(), null!));
        Assert.Throws<ArgumentNullException>("period", () => accumulator.Add(TestData.CreateSpend(), null!));
        Assert.Throws<ArgumentNullException>("other", () => accumulator.Merge(null!));
    }

    [Theory]
    [MemberData(nameof(AggregateKpiIds))]
    public void Regression_NullArguments_CreateAccumulatorOfEveryBuiltInKpi_RefusesNullContext(string id) =>
        Assert.Throws<ArgumentNullException>("context", () => Aggregate(id).CreateAccumulator(null!));

    [Theory]
    [MemberData(nameof(Groupings))]
    public void Regression_NullArguments_KeyOfEveryGrouping_RefusesNullRecordAndData(string dimension)
    {
        // Before: RepGrouping and others dereferenced the record; the base and the rest returned a key for null.
        var grouping = Grouping(dimension);

        Assert.Throws<ArgumentNullException>("lead", () => grouping.KeyOf((Lead)null!, Data));
        Assert.Throws<ArgumentNullException>("opportunity", () => grouping.KeyOf((Opportunity)null!, Data));
        Assert.Throws<ArgumentNullException>("deal", () => grouping.KeyOf((Deal)null!, Data));
        Assert.Throws<ArgumentNullException>("activity", () => grouping.KeyOf((SalesActivity)null!, Data));
        Assert.Throws<ArgumentNullException>("spend", () => grouping.KeyOf((MarketingSpend)null!, Data));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KeyOf(TestData.CreateLead(), null!));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KeyOf(TestData.CreateOpportunity(), null!));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KeyOf(TestData.CreateDeal(), null!));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KeyOf(TestData.CreateActivity(), null!));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KeyOf(TestData.CreateSpend(), null!));
        Assert.Throws<ArgumentNullException>("data", () => grouping.KnownKeys(null!));
    }

    [Fact]
    public void Regression_NullArguments_PeriodOverPeriod_NamesKpiNotSource() =>
        Assert.Throws<ArgumentNullException>("kpi", () => ((KpiCalculator)null!).PeriodOverPeriod("revenue-change"));

    [Fact]
    public void Regression_NullArguments_EvaluateGrouped_RefusesNullGrouping() =>
        Assert.Throws<ArgumentNullException>("groupBy", () => Kpis.CloseRate.Evaluate(Data, TestData.January, (KpiGrouping)null!));

    [Fact]
    public void Regression_NullArguments_HasGroup_RefusesNullInsteadOfAnsweringFalse()
    {
        var report = new KpiEvaluator().Evaluate(Data, new KpiQuery(TestData.January, [Kpis.CloseRate]));

        Assert.Throws<ArgumentNullException>("group", () => report.HasGroup(null!));
    }

    [Fact]
    public void Regression_NullArguments_RequireClock_RefusesNullKpiIdInsteadOfAnEmptyMessage() =>
        Assert.Throws<ArgumentNullException>("kpiId", () => Context.RequireClock(null!));

    [Fact]
    public void Regression_NullArguments_KpiValueReasons_RefuseNull()
    {
        // Before: an undefined value could be built with a null reason, which the report writers print as empty.
        Assert.Throws<ArgumentNullException>("zeroDenominatorReason", () => KpiValue.Ratio(1m, 0m, null!));
        Assert.Throws<ArgumentNullException>("zeroDenominatorReason", () => KpiValue.MoneyRatio(TestData.Usd(1m), 0m, null!));
        Assert.Throws<ArgumentNullException>("emptyReason", () => KpiValue.Durations([], null!));
    }

    [Fact]
    public void Regression_NullArguments_OptionsSetters_RefuseNullNamingTheSetting()
    {
        // Before: the setters took null and the calculator constructor (or nothing) failed later, far from the cause.
        (string Setting, Action Set)[] setters =
        [
            ("Id", () => new CloseRateOptions().Id = null!),
            ("Id", () => new StageConversionOptions().Id = null!),
            ("StageOrder", () => new StageConversionOptions().StageOrder = null!),
            ("Id", () => new TimeInStageOptions().Id = null!),
            ("Id", () => new WeightedPipelineOptions().Id = null!),
            ("Probabilities", () => new WeightedPipelineOptions().Probabilities = null!),
            ("Id", () => new QualifiedPipelineOptions().Id = null!),
            ("StageOrder", () => new QualifiedPipelineOptions().StageOrder = null!),
            ("Id", () => new MagicNumberOptions().Id = null!),
            ("AverageRevenuePerSaleKpi", () => new MagicNumberOptions().AverageRevenuePerSaleKpi = null!),
            ("CloseRatioKpi", () => new MagicNumberOptions().CloseRatioKpi = null!),
            ("FirstAppointmentToProposalKpi", () => new MagicNumberOptions().FirstAppointmentToProposalKpi = null!),
            ("Id", () => new QuotaAttainmentOptions().Id = null!),
            ("Measure", () => new QuotaAttainmentOptions().Measure = null!),
            ("Id", () => new PipelineCoverageOptions().Id = null!),
            ("TimeZone", () => new KpiSettingsOptions().TimeZone = null!),
            ("WorkingDays", () => new KpiSettingsOptions().WorkingDays = null!),
        ];

        Assert.All(setters, s =>
            Assert.Contains($"The {s.Setting} setting must not be null.", Assert.Throws<ArgumentNullException>("value", s.Set).Message, StringComparison.Ordinal));
    }

    private static AggregateKpiCalculator Aggregate(string id) =>
        Kpis.All.OfType<AggregateKpiCalculator>().Single(k => k.Id == id);

    private static KpiGrouping Grouping(string dimension) => dimension switch
    {
        "none" => KpiGrouping.None,
        "rep" => KpiGrouping.ByRep,
        "team" => KpiGrouping.ByTeam,
        "source" => KpiGrouping.BySource,
        "deal-kind" => KpiGrouping.ByDealKind,
        "tool" => KpiGrouping.ByTool,
        _ => KpiGrouping.Custom("custom", leads: l => l.Source),
    };
}
