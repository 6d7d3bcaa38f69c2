using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.Calculators;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

/// <summary>
/// Forecasts of 2025-Q1 by four reps. Won in Q1: ayse 70,000 + 50,000 = 120,000 USD, bora 30,000, cem and dana
/// nothing; ayse's 40,000 of April is not Q1's.
/// </summary>
public class ForecastAccuracyCalculatorTests
{
    private static readonly DateInterval Q1 = Dates(Date(2025, 1, 1), Date(2025, 3, 31));

    private static readonly Roster Reps = new([
        new Rep(new RepId("ayse"), "Ayşe", new TeamId("north")), new Rep(new RepId("bora"), "Bora", new TeamId("north")),
        new Rep(new RepId("cem"), "Cem", new TeamId("south")), new Rep(new RepId("dana"), "Dana", new TeamId("south")),
    ]);

    private static SalesData Data() => SalesData.Create(
        deals:
        [
            Deal("a1", "ayse", At(2025, 1, 20), 70_000m), Deal("a2", "ayse", At(2025, 3, 3), 50_000m),
            Deal("a3", "ayse", At(2025, 4, 2), 40_000m), Deal("b1", "bora", At(2025, 2, 14), 30_000m),
        ],
        roster: Reps);

    private static ForecastSubmission Rep(string rep, decimal amount, Instant at, ForecastCategory category = ForecastCategory.Commit, Currency? currency = null) =>
        new(KpiGrouping.ByRep, rep, Q1, new Money(amount, currency ?? Currency.USD), at, category) { PeriodLabel = "2025-Q1" };

    /// <summary>
    /// ayse: 100,000 on 12-10, 150,000 on 12-28 (the latest before Q1: it counts), 90,000 on 01-05 (too late), and a best
    /// case of 200,000 (another category). bora 40,000 on 12-20; cem 20,000 on 12-15; dana only 10,000 on 01-02.
    /// </summary>
    private static ForecastSubmission[] Submissions() =>
    [
        Rep("ayse", 100_000m, Instant.FromUtc(2024, 12, 10, 9, 0)),
        Rep("ayse", 150_000m, Instant.FromUtc(2024, 12, 28, 9, 0)),
        Rep("ayse", 90_000m, Instant.FromUtc(2025, 1, 5, 9, 0)),
        Rep("ayse", 200_000m, Instant.FromUtc(2024, 12, 28, 9, 0), ForecastCategory.BestCase),
        Rep("bora", 40_000m, Instant.FromUtc(2024, 12, 20, 9, 0)),
        Rep("cem", 20_000m, Instant.FromUtc(2024, 12, 15, 9, 0)),
        Rep("dana", 10_000m, Instant.FromUtc(2025, 1, 2, 9, 0)),
    ];

    private static ForecastAccuracyResult Evaluate(ForecastAccuracyOptions? options = null, KpiSettings? settings = null, IEnumerable<ForecastSubmission>? submissions = null) =>
        new ForecastAccuracyCalculator(options).Evaluate(new KpiEvaluator(settings ?? KpiSettings.Default.WithReportingCurrency(Currency.USD)), Data(), submissions ?? Submissions());

    [Fact]
    public void Evaluate_EachRep_TheLatestCommitBeforeThePeriodAgainstItsRevenue()
    {
        var result = Evaluate();

        // One row per rep with a commit, in key order; the best case is left out.
        Assert.Equal(["ayse", "bora", "cem", "dana"], result.Submitters.Select(r => r.Submitter));
        var ayse = result.Submitters[0];
        // ayse: 150,000 (12-28) counts; 120,000 / 150,000 = 0.8; |120,000 − 150,000| / 120,000 = 0.25.
        Assert.Equal(150_000m, ayse.Forecast.Value);
        Assert.Equal(Instant.FromUtc(2024, 12, 28, 9, 0), ayse.Submission!.SubmittedAt);
        Assert.Equal(3, ayse.SubmissionCount);
        Assert.Equal(120_000m, ayse.Actual.Value);
        Assert.Equal(0.8m, ayse.Accuracy.Value);
        Assert.Equal(0.25m, ayse.AbsolutePercentageError.Value);
        Assert.Equal("2025-Q1", ayse.PeriodLabel);
        Assert.Equal(Instant.FromUtc(2025, 1, 1, 0, 0), ayse.Cutoff);
        // bora: 30,000 / 40,000 = 0.75; error 10,000 / 30,000 = 1/3.
        Assert.Equal(0.75m, result.Submitters[1].Accuracy.Value);
        Assert.Equal(0.333333m, Math.Round(result.Submitters[1].AbsolutePercentageError.Value!.Value, 6));
        // cem: 0 / 20,000 = 0; the error is undefined: nothing was won.
        Assert.Equal(0m, result.Submitters[2].Accuracy.Value);
        Assert.Equal("the actual is zero", result.Submitters[2].AbsolutePercentageError.UndefinedReason);
    }

    [Fact]
    public void Evaluate_NoSubmissionBeforeTheCutoff_IsUndefinedWithTheReason()
    {
        var dana = Evaluate().Submitters[3];

        Assert.Null(dana.Submission);
        Assert.Equal(1, dana.SubmissionCount);
        Assert.Equal("no commit forecast of rep 'dana' for 2025-Q1 was submitted before 2025-01-01T00:00:00Z", dana.Accuracy.UndefinedReason);
        Assert.False(dana.Forecast.IsDefined);
        Assert.Equal(0m, dana.Actual.Value);
    }

    [Fact]
    public void Evaluate_AcrossTheReps_MapeLeavesOutAZeroActual_AndBiasIsOverForecastOverActual()
    {
        var summary = Assert.Single(Evaluate().Periods);

        // Judged: ayse, bora, cem (dana has no forecast). MAPE over ayse and bora (cem's actual is 0):
        // (0.25 + 1/3) / 2 = 0.291667. Bias: ((150,000 − 120,000) + (40,000 − 30,000) + (20,000 − 0)) / (120,000 + 30,000 + 0)
        // = 60,000 / 150,000 = 0.4: over-forecast.
        Assert.Equal(0.291667m, Math.Round(summary.Mape.Value!.Value, 6));
        Assert.Equal(0.4m, summary.Bias.Value);
        Assert.Equal((3, 1, 1), (summary.JudgedCount, summary.ZeroActualCount, summary.WithoutForecastCount));
        Assert.Equal("2025-Q1", summary.PeriodLabel);
        Assert.Same(KpiGrouping.ByRep, summary.Grouping);
    }

    [Fact]
    public void Evaluate_ACutoffAWeekIntoThePeriod_CountsTheFirstWeeksSubmissions()
    {
        var result = Evaluate(new ForecastAccuracyOptions { CutoffOffset = Period.FromDays(7) });

        // Cutoff 2025-01-08: ayse's 90,000 of 01-05 counts, 120,000 / 90,000 = 1.333333; dana's 10,000 of 01-02 counts, 0 / 10,000 = 0.
        Assert.Equal(1.333333m, Math.Round(result.Submitters[0].Accuracy.Value!.Value, 6));
        Assert.Equal(Instant.FromUtc(2025, 1, 8, 0, 0), result.Submitters[0].Cutoff);
        Assert.Equal(0m, result.Submitters[3].Accuracy.Value);
    }

    [Fact]
    public void Evaluate_BestCase_JudgesOnlyTheBestCaseSubmissions()
    {
        var result = Evaluate(new ForecastAccuracyOptions { Category = ForecastCategory.BestCase });

        // ayse's best case 200,000: 120,000 / 200,000 = 0.6; no one else has a best case.
        var ayse = Assert.Single(result.Submitters);
        Assert.Equal(0.6m, ayse.Accuracy.Value);
    }

    [Fact]
    public void Evaluate_ZeroForecast_AccuracyIsUndefined()
    {
        var result = Evaluate(submissions: [Rep("bora", 0m, Instant.FromUtc(2024, 12, 1, 0, 0))]);

        // 30,000 / 0: undefined; the error |30,000 − 0| / 30,000 = 1.
        Assert.Equal("the forecast is zero", result.Submitters[0].Accuracy.UndefinedReason);
        Assert.Equal(1m, result.Submitters[0].AbsolutePercentageError.Value);
    }

    [Fact]
    public void Evaluate_TeamForecasts_AreJudgedAgainstTheTeamsRevenue()
    {
        var north = new ForecastSubmission(KpiGrouping.ByTeam, "north", Q1, Usd(200_000m), Instant.FromUtc(2024, 12, 1, 0, 0));
        var nowhere = new ForecastSubmission(KpiGrouping.ByTeam, "west", Q1, Usd(1m), Instant.FromUtc(2024, 12, 1, 0, 0));

        var result = Evaluate(submissions: [north, nowhere]);

        // north: ayse 120,000 + bora 30,000 = 150,000; 150,000 / 200,000 = 0.75. west is no team of the data.
        Assert.Equal(0.75m, result.Submitters[0].Accuracy.Value);
        Assert.Equal("revenue is undefined: the data has no team 'west'", result.Submitters[1].Accuracy.UndefinedReason);
        // Bias over north alone: (200,000 − 150,000) / 150,000 = 0.333333.
        Assert.Equal(0.333333m, Math.Round(result.Periods[0].Bias.Value!.Value, 6));
    }

    [Fact]
    public void Evaluate_AForecastInAnotherCurrencyWithoutRates_IsAnErrorNamingIt()
    {
        var euros = Rep("bora", 40_000m, Instant.FromUtc(2024, 12, 20, 9, 0), currency: Currency.EUR);

        var e = Assert.Throws<InvalidOperationException>(() => Evaluate(submissions: [euros]));

        Assert.StartsWith("The forecast rep bora, 2025-Q1: 40,000.00 EUR (commit, submitted 2024-12-20T09:00:00Z) is in EUR, the actual in USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AForecastInAnotherCurrency_IsConvertedAtTheDateItWasSubmitted()
    {
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, Date(2024, 12, 20), 1.5m);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);
        var euros = Rep("bora", 40_000m, Instant.FromUtc(2024, 12, 20, 9, 0), currency: Currency.EUR);
        var unpriced = Rep("cem", 1_000m, Instant.FromUtc(2024, 12, 21, 9, 0), currency: Currency.EUR);

        var result = Evaluate(settings: settings, submissions: [euros, unpriced]);

        // 40,000 EUR × 1.5 = 60,000 USD; 30,000 / 60,000 = 0.5. cem's EUR of 12-21 has no rate: undefined.
        Assert.Equal(60_000m, result.Submitters[0].Forecast.Value);
        Assert.Equal(0.5m, result.Submitters[0].Accuracy.Value);
        Assert.Equal("no exchange rate from EUR to USD on 2024-12-21", result.Submitters[1].Forecast.UndefinedReason);
    }

    [Fact]
    public void Constructor_ANonMoneyMeasureOrAClosedCategory_IsRefused()
    {
        Assert.Throws<ArgumentException>("options.Measure", () => new ForecastAccuracyCalculator(new ForecastAccuracyOptions { Measure = Kpis.CloseRate }));
        Assert.Throws<ArgumentOutOfRangeException>("options.Category", () => new ForecastAccuracyCalculator(new ForecastAccuracyOptions { Category = ForecastCategory.Closed }));
    }

    [Fact]
    public void StaticFormulas_AreActualOverForecast_AndTheErrorOverTheActual()
    {
        // 90 / 120 = 0.75; |90 − 120| / 90 = 0.333333.
        Assert.Equal(0.75m, ForecastAccuracyCalculator.Accuracy(90m, 120m).Value);
        Assert.Equal(0.333333m, Math.Round(ForecastAccuracyCalculator.AbsolutePercentageError(90m, 120m).Value!.Value, 6));
        Assert.Throws<ArgumentOutOfRangeException>("forecast", () => ForecastAccuracyCalculator.Accuracy(1m, -1m));
    }
}

public class ForecastSubmissionTests
{
    private static readonly DateInterval Q1 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

    [Fact]
    public void Constructor_KeepsTheValues_AndDefaultsToACommit()
    {
        var s = new ForecastSubmission(KpiGrouping.ByTeam, "north", Q1, PlanningData.Usd(300_000m), Instant.FromUtc(2024, 12, 20, 9, 0));

        Assert.Equal(ForecastCategory.Commit, s.Category);
        Assert.Equal("2025-01-01..2025-03-31", s.PeriodLabel);
        Assert.Equal("team north, 2025-01-01..2025-03-31: 300,000.00 USD (commit, submitted 2024-12-20T09:00:00Z)", s.ToString());
    }

    [Fact]
    public void Constructor_BadValues_AreRefused()
    {
        var at = Instant.FromUtc(2024, 12, 20, 9, 0);
        Assert.Throws<ArgumentOutOfRangeException>("amount", () => new ForecastSubmission(KpiGrouping.ByRep, "ayse", Q1, PlanningData.Usd(-1m), at));
        Assert.Throws<ArgumentOutOfRangeException>("category", () => new ForecastSubmission(KpiGrouping.ByRep, "ayse", Q1, PlanningData.Usd(1m), at, ForecastCategory.Omitted));
        Assert.Throws<ArgumentException>("submitter", () => new ForecastSubmission(KpiGrouping.None, "ayse", Q1, PlanningData.Usd(1m), at));
        Assert.Throws<ArgumentException>("submitter", () => new ForecastSubmission(KpiGrouping.ByRep, " ", Q1, PlanningData.Usd(1m), at));
    }
}
