using NodaTime;
using NodaTime.Testing;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class QuotaAttainmentCalculatorTests
{
    private static readonly DateInterval April = Dates(Date(2025, 4, 1), Date(2025, 4, 30));

    /// <summary>ayse won 250,000 USD in March (1 deal) and 70,000 + 50,000 = 120,000 USD in April (2 deals); bora 30,000 in April.</summary>
    private static SalesData Data() => SalesData.Create(deals:
    [
        Deal("m1", "ayse", At(2025, 3, 12), 250_000m),
        Deal("a1", "ayse", At(2025, 4, 3), 70_000m),
        Deal("a2", "ayse", At(2025, 4, 14), 50_000m),
        Deal("b1", "bora", At(2025, 4, 7), 30_000m),
    ]);

    /// <summary>ayse's quota: 200,000 USD in March, 300,000 USD in April; bora has none.</summary>
    private static QuotaAttainmentCalculator RevenueQuota() => new(new QuotaAttainmentOptions
    {
        Quota = (rep, period) => rep == "ayse" ? Usd(period.Dates.Start.Month == 3 ? 200_000m : 300_000m) : null,
    });

    [Fact]
    public void Description_RevenueQuotaAndItsPacing_NameTheMeasureAndTheAttainment()
    {
        var attainment = RevenueQuota();
        var pacing = new QuotaPacingCalculator(attainment);

        Assert.Equal("revenue / quota", attainment.Description);
        Assert.Equal("quota-attainment / elapsed share of the period", pacing.Description);
        Assert.Equal(KpiUnit.Ratio, attainment.Unit);
        Assert.Equal(KpiUnit.Ratio, pacing.Unit);
        Assert.Same(attainment, pacing.Attainment);
    }

    [Fact]
    public void Evaluate_RevenueAgainstTheQuotaOfEachMonth()
    {
        // March: 250,000 / 200,000 = 1.25; April: 120,000 / 300,000 = 0.4.
        var report = RevenueQuota().Evaluate(Data(), Dates(Date(2025, 3, 1), Date(2025, 4, 30)), KpiGrouping.ByRep, PeriodUnit.Month);

        Assert.Equal(1.25m, report.Get(KpiIds.QuotaAttainment, "ayse", 0).Value);
        var april = report.Get(KpiIds.QuotaAttainment, "ayse", 1);
        Assert.Equal(0.4m, april.Value);
        Assert.Equal((120_000m, 300_000m), (april.Numerator, april.Denominator));
    }

    [Fact]
    public void Evaluate_GroupWithoutQuota_IsUndefined()
    {
        var report = RevenueQuota().Evaluate(Data(), April, KpiGrouping.ByRep, PeriodUnit.Month);
        Assert.Equal("no quota is set for group 'bora' in 2025-04", report.Get(KpiIds.QuotaAttainment, "bora").UndefinedReason);
    }

    [Fact]
    public void Evaluate_DealsAgainstACountQuota()
    {
        // ayse won 2 deals in April, quota 4: 0.5.
        var deals = new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Id = "deal-quota", Measure = Kpis.DealsWon, CountQuota = (_, _) => 4m });
        var report = deals.Evaluate(Data(), April, KpiGrouping.ByRep);
        Assert.Equal(0.5m, report.Get("deal-quota", "ayse").Value);
    }

    [Fact]
    public void Evaluate_QuotaInAnotherCurrency_Throws()
    {
        var euro = new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Quota = (_, _) => new Money(1m, Currency.EUR) });
        Assert.Throws<InvalidOperationException>(() => euro.Evaluate(Data(), April));
    }

    [Fact]
    public void Calculate_ZeroQuota_IsUndefined_AndArgumentsAreChecked()
    {
        Assert.Equal("the quota is zero", QuotaAttainmentCalculator.Calculate(5m, 0m).UndefinedReason);
        Assert.Equal(0.75m, QuotaAttainmentCalculator.Calculate(Usd(75m), Usd(100m)).Value);
        Assert.Throws<ArgumentException>("quota", () => QuotaAttainmentCalculator.Calculate(Usd(75m), new Money(100m, Currency.EUR)));
        Assert.Throws<ArgumentOutOfRangeException>("achieved", () => QuotaAttainmentCalculator.Calculate(-1m, 1m));
        Assert.Throws<ArgumentOutOfRangeException>("quota", () => QuotaAttainmentCalculator.Calculate(1m, -1m));
    }

    [Fact]
    public void Constructor_QuotaMustMatchTheMeasuresUnit()
    {
        Assert.Throws<ArgumentNullException>("options", () => new QuotaAttainmentCalculator(null!));
        Assert.Throws<ArgumentNullException>("value", () => new QuotaAttainmentOptions { Measure = null!, Quota = (_, _) => null });
        Assert.Throws<ArgumentNullException>("options.Quota", () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions()));
        Assert.Throws<ArgumentException>("options.CountQuota", () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Quota = (_, _) => null, CountQuota = (_, _) => 1m }));
        Assert.Throws<ArgumentNullException>("options.CountQuota", () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.Calls }));
        Assert.Throws<ArgumentException>("options.Quota", () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.Calls, CountQuota = (_, _) => 1m, Quota = (_, _) => null }));
        Assert.Throws<ArgumentException>("options.Measure", () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.CloseRate, CountQuota = (_, _) => 1m }));
    }

    [Fact]
    public void Pacing_HalfwayThroughApril_IsAttainmentOverHalf()
    {
        // Now = 16 April 00:00 UTC: 15 of April's 30 days have elapsed, 0.5. Attainment 0.4 / 0.5 = 0.8.
        var attainment = RevenueQuota();
        var clock = new FakeClock(Instant.FromUtc(2025, 4, 16, 0, 0));
        var query = new KpiQuery(April, [attainment, new QuotaPacingCalculator(attainment)], KpiGrouping.ByRep, PeriodUnit.Month);
        var report = new KpiEvaluator(clock: clock).Evaluate(Data(), query);

        var pacing = report.Get(KpiIds.QuotaPacing, "ayse");
        Assert.Equal(0.8m, pacing.Value);
        Assert.Equal((0.4m, 0.5m), (pacing.Numerator, pacing.Denominator));
    }

    [Fact]
    public void Pacing_FollowsTheClock()
    {
        var attainment = RevenueQuota();
        var pacing = new QuotaPacingCalculator(attainment);
        var query = new KpiQuery(April, [pacing], KpiGrouping.ByRep, PeriodUnit.Month);
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 20, 0, 0));
        var evaluator = new KpiEvaluator(clock: clock);

        // Before April: undefined.
        Assert.Equal(
            "the period has not started: it starts at 2025-04-01T00:00:00Z, now is 2025-03-20T00:00:00Z",
            evaluator.Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "ayse").UndefinedReason);

        // At the very start nothing has elapsed: undefined too.
        clock.Reset(Instant.FromUtc(2025, 4, 1, 0, 0));
        Assert.False(evaluator.Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "ayse").IsDefined);

        // A quarter of April gone (7.5 days = 180 of 720 hours, now 8 April 12:00): 0.4 / 0.25 = 1.6.
        clock.Reset(Instant.FromUtc(2025, 4, 8, 12, 0));
        Assert.Equal(1.6m, evaluator.Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "ayse").Value);

        // After April the share clamps to 1: pacing = attainment = 0.4.
        clock.Reset(Instant.FromUtc(2025, 5, 10, 0, 0));
        Assert.Equal(0.4m, evaluator.Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "ayse").Value);

        // bora has no quota: the reason carries through.
        Assert.Equal(
            "the quota attainment is undefined: no quota is set for group 'bora' in 2025-04",
            evaluator.Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "bora").UndefinedReason);
    }

    [Fact]
    public void Pacing_MeasuresElapsedTimeInTheConfiguredZone_AcrossADaylightSavingChange()
    {
        // Europe/Berlin, March 2025: from 1 March 00:00 CET (28 Feb 23:00 UTC) to 1 April 00:00 CEST (31 March 22:00 UTC)
        // is 31 days less the hour skipped on 30 March = 743 hours. Now = 31 March 00:00 CEST (30 March 22:00 UTC):
        // 743 − 24 = 719 hours elapsed, a share of 719 / 743. Attainment 250,000 / 200,000 = 1.25; pacing 1.25 × 743 / 719.
        var settings = KpiSettings.Default.WithZone("Europe/Berlin");
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 30, 22, 0));
        var attainment = RevenueQuota();
        var query = new KpiQuery(Dates(Date(2025, 3, 1), Date(2025, 3, 31)), [new QuotaPacingCalculator(attainment)], KpiGrouping.ByRep, PeriodUnit.Month);

        var pacing = new KpiEvaluator(settings, clock).Evaluate(Data(), query).Get(KpiIds.QuotaPacing, "ayse");

        Assert.Equal(decimal.Round(719m / 743m, 12), decimal.Round(pacing.Denominator!.Value, 12));
        Assert.Equal(decimal.Round(1.25m * 743m / 719m, 12), decimal.Round(pacing.Value!.Value, 12));
    }

    [Fact]
    public void Pacing_WithoutAClock_Throws()
    {
        var query = new KpiQuery(April, [new QuotaPacingCalculator(RevenueQuota())]);
        var error = Assert.Throws<InvalidOperationException>(() => new KpiEvaluator().Evaluate(Data(), query));
        Assert.Contains("quota-pacing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElapsedShare_ClampsToZeroAndOne()
    {
        var april = new Interval(Instant.FromUtc(2025, 4, 1, 0, 0), Instant.FromUtc(2025, 5, 1, 0, 0));
        Assert.Equal(0m, QuotaPacingCalculator.ElapsedShare(april, Instant.FromUtc(2025, 3, 1, 0, 0)));
        Assert.Equal(0.5m, QuotaPacingCalculator.ElapsedShare(april, Instant.FromUtc(2025, 4, 16, 0, 0)));
        Assert.Equal(1m, QuotaPacingCalculator.ElapsedShare(april, Instant.FromUtc(2025, 6, 1, 0, 0)));
    }

    [Fact]
    public void PacingCalculate_Arguments()
    {
        var april = new Interval(Instant.FromUtc(2025, 4, 1, 0, 0), Instant.FromUtc(2025, 5, 1, 0, 0));
        Assert.Throws<ArgumentNullException>("attainment", () => QuotaPacingCalculator.Calculate(null!, april, april.Start));
        Assert.Throws<ArgumentException>("period", () => QuotaPacingCalculator.Calculate(KpiValue.Ratio(1m, 2m), new Interval(null, april.End), april.Start));
        Assert.Throws<ArgumentNullException>("attainment", () => new QuotaPacingCalculator(null!));
    }
}
