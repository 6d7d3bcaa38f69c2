using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class PipelineCoverageCalculatorTests
{
    private static readonly DateInterval Q2 = Dates(Date(2025, 4, 1), Date(2025, 6, 30));

    private static readonly Dictionary<string, Money> Targets = new()
    {
        ["ayse"] = Usd(300_000m),
        ["bora"] = Usd(100_000m),
    };

    private static PipelineCoverageCalculator Create() =>
        new(new PipelineCoverageOptions { Target = (rep, _) => Targets.TryGetValue(rep, out var t) ? t : null });

    /// <summary>
    /// ayse in Q2 2025: won 60,000 + 40,000 = 100,000 USD; open and expected to close in Q2: 350,000 (20 May) + 250,000
    /// (15 June) = 600,000 USD. Not counted: open but expected in July, lost though expected in May, open with no expected date.
    /// bora won 120,000 USD, above his 100,000 target. cem has an open opportunity and no target.
    /// </summary>
    private static SalesData Data() => SalesData.Create(
        opportunities:
        [
            Opportunity("p1", "ayse", At(2025, 3, 1), 350_000m, expectedClose: Date(2025, 5, 20)),
            Opportunity("p2", "ayse", At(2025, 3, 2), 250_000m, expectedClose: Date(2025, 6, 15)),
            Opportunity("july", "ayse", At(2025, 3, 3), 500_000m, expectedClose: Date(2025, 7, 10)),
            Opportunity("lost", "ayse", At(2025, 3, 4), 500_000m, OpportunityStatus.Lost, At(2025, 4, 2), expectedClose: Date(2025, 5, 1)),
            Opportunity("undated", "ayse", At(2025, 3, 5), 500_000m),
            Opportunity("c1", "cem", At(2025, 3, 5), 10_000m, expectedClose: Date(2025, 5, 1)),
        ],
        deals:
        [
            Deal("d1", "ayse", At(2025, 4, 10), 60_000m),
            Deal("d2", "ayse", At(2025, 5, 10), 40_000m),
            Deal("d3", "bora", At(2025, 4, 11), 120_000m),
        ]);

    [Fact]
    public void Description_Coverage_SaysPipelineOverTheRemainingTarget()
    {
        var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => Usd(40_000m) });

        Assert.Equal("open pipeline expected to close in the period / (target − revenue already won)", coverage.Description);
        Assert.Equal(KpiUnit.Ratio, coverage.Unit);
    }

    [Fact]
    public void Evaluate_PipelineOverTheTargetStillToWin()
    {
        // 600,000 / (300,000 − 100,000) = 3.
        var report = Create().Evaluate(Data(), Q2, KpiGrouping.ByRep, PeriodUnit.Quarter);

        var ayse = report.Get(KpiIds.PipelineCoverage, "ayse");
        Assert.Equal(3m, ayse.Value);
        Assert.Equal((600_000m, 200_000m), (ayse.Numerator, ayse.Denominator));
    }

    [Fact]
    public void Evaluate_TargetAlreadyMet_IsUndefined()
    {
        var report = Create().Evaluate(Data(), Q2, KpiGrouping.ByRep, PeriodUnit.Quarter);
        Assert.Equal(
            "the target is already met (120,000.00 USD won of 100,000.00 USD): no revenue remains to cover",
            report.Get(KpiIds.PipelineCoverage, "bora").UndefinedReason);
    }

    [Fact]
    public void Evaluate_NoTarget_IsUndefined()
    {
        var report = Create().Evaluate(Data(), Q2, KpiGrouping.ByRep, PeriodUnit.Quarter);
        Assert.Equal("no target is set for group 'cem' in 2025-Q2", report.Get(KpiIds.PipelineCoverage, "cem").UndefinedReason);
    }

    [Fact]
    public void Evaluate_NothingWonYet_CoversTheWholeTarget()
    {
        // cem: 10,000 expected in May, target 40,000, nothing won: 10,000 / 40,000 = 0.25.
        var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => Usd(40_000m) });
        var report = coverage.Evaluate(Data(), Q2, KpiGrouping.ByRep);
        Assert.Equal(0.25m, report.Get(KpiIds.PipelineCoverage, "cem").Value);
    }

    [Fact]
    public void Evaluate_TargetInAnotherCurrency_Throws()
    {
        var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => new Money(1m, Currency.EUR) });
        Assert.Throws<InvalidOperationException>(() => coverage.Evaluate(Data(), Q2, KpiGrouping.ByRep));
    }

    [Fact]
    public void Calculate_HandWorked_AndArguments()
    {
        // 450,000 / (500,000 − 200,000) = 1.5.
        Assert.Equal(1.5m, PipelineCoverageCalculator.Calculate(Usd(450_000m), Usd(500_000m), Usd(200_000m)).Value);
        Assert.Throws<ArgumentException>("target", () => PipelineCoverageCalculator.Calculate(Usd(1m), new Money(1m, Currency.EUR), Usd(0m)));
        Assert.Throws<ArgumentException>("won", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(1m), new Money(0m, Currency.EUR)));
        Assert.Throws<ArgumentOutOfRangeException>("openPipeline", () => PipelineCoverageCalculator.Calculate(Usd(-1m), Usd(1m), Usd(0m)));
        Assert.Throws<ArgumentOutOfRangeException>("target", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(-1m), Usd(0m)));
        Assert.Throws<ArgumentOutOfRangeException>("won", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(1m), Usd(-1m)));
    }

    [Fact]
    public void Constructor_Validates()
    {
        Assert.Throws<ArgumentNullException>("options", () => new PipelineCoverageCalculator(null!));
        Assert.Throws<ArgumentNullException>("options.Target", () => new PipelineCoverageCalculator(new PipelineCoverageOptions()));
        Assert.Equal(KpiIds.PipelineCoverage, Create().Id);
    }
}
