using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class SalesVelocityCalculatorTests
{
    private static readonly DateInterval Q1 = Dates(Date(2025, 1, 1), Date(2025, 3, 31));

    /// <summary>
    /// Q1 2025: won w1 (created 2 Jan, won 1 Feb: 30 days) and w2 (created 10 Jan, won 21 Mar: 31 + 28 + 11 = 70 days),
    /// mean cycle (30 + 70) / 2 = 50 days; deals 12,000 + 8,000 = 20,000 USD, 10,000 on average; 6 lost: close rate
    /// 2 / 8 = 0.25; open at the end of March: 39 created in Q1 + 1 created in December = 40.
    /// </summary>
    private static SalesData Data()
    {
        var won = OpportunityStatus.Won;
        var lost = OpportunityStatus.Lost;
        List<Opportunity> opportunities =
        [
            Opportunity("w1", "ayse", At(2025, 1, 2), status: won, closed: At(2025, 2, 1)),
            Opportunity("w2", "ayse", At(2025, 1, 10), status: won, closed: At(2025, 3, 21)),
            .. Enumerable.Range(1, 6).Select(i => Opportunity($"l{i}", "ayse", At(2025, 1, 5), status: lost, closed: At(2025, 1, 20))),
            .. Enumerable.Range(1, 39).Select(i => Opportunity($"o{i}", "ayse", At(2025, 2, 1).Plus(Duration.FromHours(i)))),
            Opportunity("december", "ayse", At(2024, 12, 15)),
            Opportunity("april", "ayse", At(2025, 4, 5)),
        ];
        return SalesData.Create(opportunities: opportunities, deals: [Deal("w1", "ayse", At(2025, 2, 1), 12_000m), Deal("w2", "ayse", At(2025, 3, 21), 8_000m)]);
    }

    [Fact]
    public void Evaluate_OpenTimesCloseRateTimesDealSizeOverCycleDays()
    {
        // 40 × 0.25 × 10,000 USD = 100,000 USD; / 50 days = 2,000 USD per day.
        var velocity = Kpis.SalesVelocity.Evaluate(Data(), Q1);

        Assert.Equal(KpiUnit.MoneyPerDay, velocity.Unit);
        Assert.Equal(2_000m, velocity.Value);
        Assert.Equal((100_000m, 50m), (velocity.Numerator, velocity.Denominator));
        Assert.Equal(Currency.USD, velocity.Currency);
        Assert.Equal("2,000.00 USD per day", velocity.ToString());
    }

    [Fact]
    public void Evaluate_NothingClosed_IsUndefinedWithTheComponentsReason()
    {
        var velocity = Kpis.SalesVelocity.Evaluate(SalesData.Empty, Q1);
        Assert.Equal("close-rate is undefined: no opportunities closed in the period", velocity.UndefinedReason);
    }

    [Fact]
    public void Calculate_ZeroCycle_IsUndefined()
    {
        var velocity = SalesVelocityCalculator.Calculate(40m, 0.25m, Usd(10_000m), 0m);
        Assert.Equal("the mean sales cycle is 0 days", velocity.UndefinedReason);
    }

    [Fact]
    public void Calculate_HandWorked()
    {
        // 12 × 0.5 × 3,000 = 18,000; / 45 days = 400 per day.
        Assert.Equal(400m, SalesVelocityCalculator.Calculate(12m, 0.5m, Usd(3_000m), 45m).Value);
    }

    [Fact]
    public void Calculate_NegativeArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("openOpportunities", () => SalesVelocityCalculator.Calculate(-1m, 0.25m, Usd(1m), 1m));
        Assert.Throws<ArgumentOutOfRangeException>("closeRate", () => SalesVelocityCalculator.Calculate(1m, -0.25m, Usd(1m), 1m));
        Assert.Throws<ArgumentOutOfRangeException>("averageDealSize", () => SalesVelocityCalculator.Calculate(1m, 0.25m, Usd(-1m), 1m));
        Assert.Throws<ArgumentOutOfRangeException>("meanCycleDays", () => SalesVelocityCalculator.Calculate(1m, 0.25m, Usd(1m), -1m));
    }

    [Fact]
    public void IsInTheCatalog()
    {
        Assert.True(Kpis.TryGet(KpiIds.SalesVelocity, out var kpi));
        Assert.Same(Kpis.SalesVelocity, kpi);
        Assert.Equal(
            ["open-opportunities", KpiIds.CloseRate, KpiIds.AverageDealSize, KpiIds.SalesCycleLength],
            ((SalesVelocityCalculator)kpi).Components.Select(c => c.Id));
    }
}
