using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

/// <summary>A threshold per KPI, its attainment and status.</summary>
public class KpiTargetTests
{
    [Theory]
    [InlineData(80, 0.8, KpiTargetStatus.Below)] // 80 / 100
    [InlineData(100, 1, KpiTargetStatus.Met)] // exactly on the floor meets it
    [InlineData(120, 1.2, KpiTargetStatus.Met)] // 120 / 100
    public void Evaluate_AtLeast_AttainmentIsValueOverThreshold(int calls, double attainment, KpiTargetStatus status)
    {
        var result = new KpiTarget(KpiIds.Calls, 100m).Evaluate(KpiValue.Count(calls), "r1");

        Assert.Equal((decimal)attainment, result.Attainment.Value);
        Assert.Equal(status, result.Status);
        Assert.Equal("r1", result.Group);
    }

    [Theory]
    [InlineData(62.5, 0.8, KpiTargetStatus.Below)] // 50 / 62.5
    [InlineData(50, 1, KpiTargetStatus.Met)] // exactly on the ceiling meets it
    [InlineData(40, 1.25, KpiTargetStatus.Met)] // 50 / 40
    public void Evaluate_AtMost_AttainmentIsThresholdOverValue(double cost, double attainment, KpiTargetStatus status)
    {
        var value = KpiValue.MoneyRatio(new Money((decimal)cost, Currency.USD), 1m);

        var result = new KpiTarget(KpiIds.CostPerLead, 50m, TargetComparison.AtMost).Evaluate(value);

        Assert.Equal((decimal)attainment, result.Attainment.Value);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void Evaluate_UndefinedValue_IsUndefinedWithTheValuesReason()
    {
        var result = new KpiTarget(KpiIds.EmailOpenRate, 0.2m).Evaluate(KpiValue.Ratio(0m, 0m, "no emails delivered in the period"));

        Assert.Equal(KpiTargetStatus.Undefined, result.Status);
        Assert.Equal("the value is undefined: no emails delivered in the period", result.Attainment.UndefinedReason);
    }

    [Fact]
    public void Evaluate_ZeroDivisor_IsUndefinedSayingWhichSideIsZero()
    {
        // At least 0 calls: 5 / 0 has no attainment (met all the same); at most 50 per lead with a cost of 0: 50 / 0.
        var atLeast = new KpiTarget(KpiIds.Calls, 0m).Evaluate(KpiValue.Count(5));
        var atMost = new KpiTarget(KpiIds.CostPerLead, 50m, TargetComparison.AtMost).Evaluate(KpiValue.Number(0m, KpiUnit.Count));

        Assert.Equal("the threshold is zero", atLeast.Attainment.UndefinedReason);
        Assert.Equal(KpiTargetStatus.Met, atLeast.Status);
        Assert.Equal("the value is zero", atMost.Attainment.UndefinedReason);
        Assert.Equal(KpiTargetStatus.Met, atMost.Status);
    }

    [Fact]
    public void Constructor_InvalidArguments_ThrowNamingThem()
    {
        Assert.Throws<ArgumentNullException>("kpiId", () => new KpiTarget(null!, 1m));
        Assert.Throws<ArgumentException>("kpiId", () => new KpiTarget("Close Rate", 1m));
        Assert.Throws<ArgumentOutOfRangeException>("comparison", () => new KpiTarget("calls", 1m, (TargetComparison)9));
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        Assert.Equal("close-rate at least 0.65", new KpiTarget(KpiIds.CloseRate, 0.65m).ToString());
        Assert.Equal("cost-per-lead at most 50", new KpiTarget(KpiIds.CostPerLead, 50m, TargetComparison.AtMost).ToString());
    }
}
