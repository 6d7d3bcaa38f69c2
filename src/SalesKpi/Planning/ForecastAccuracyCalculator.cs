using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Options of <see cref="ForecastAccuracyCalculator"/>.</summary>
public sealed class ForecastAccuracyOptions
{
    /// <summary>Gets or sets what a forecast is compared with: a KPI of unit money, evaluated for the submitter's group over the forecast's period.</summary>
    /// <value>The default value is <see cref="Kpis.Revenue"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator Measure { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.Revenue;

    /// <summary>Gets or sets the category of the forecasts that are judged; submissions of other categories are left out.</summary>
    /// <value>The default value is <see cref="ForecastCategory.Commit"/>.</value>
    public ForecastCategory Category { get; set; } = ForecastCategory.Commit;

    /// <summary>
    /// Gets or sets the cutoff of the submission that counts, as an offset from the start of the forecast's period: the
    /// latest submission strictly before <c>period start + offset</c> (local time in the settings' zone) counts.
    /// </summary>
    /// <value>The default value is <see cref="Period.Zero"/>: the latest forecast submitted before the period started.
    /// <c>Period.FromDays(7)</c> lets a forecast of the period's first week count; a negative offset asks for a forecast
    /// called that long before the period.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public Period CutoffOffset { get; set => field = Preconditions.CheckSetNotNull(value); } = Period.Zero;
}

/// <summary>
/// Forecast accuracy: for each submitter (a rep, a team, the company) and period, the actual — revenue by default —
/// divided by the forecast that counts; and across the submitters of a period, the mean absolute percentage error (MAPE)
/// and the bias.
/// </summary>
/// <remarks>
/// <para>The forecast that counts is the latest <see cref="ForecastSubmission"/> of the submitter, period and
/// <see cref="ForecastAccuracyOptions.Category"/> submitted strictly before the cutoff: the start of the period in the
/// settings' zone by default, later or earlier by <see cref="ForecastAccuracyOptions.CutoffOffset"/>. Submissions of the
/// same instant: the last in the input counts. The actual is the measure (<see cref="ForecastAccuracyOptions.Measure"/>)
/// for the submitter's group over the whole period, as the data holds it — for a period still running, what is won so
/// far.</para>
/// <para><b>Accuracy</b> = actual / forecast: 1 is a perfect forecast, below 1 an over-forecast. It is undefined, with the
/// reason, when no submission counts, the forecast is zero, or the actual is undefined (a group the data does not know).
/// <b>Absolute percentage error</b> = |actual − forecast| / actual, undefined when the actual is zero.</para>
/// <para>Across the submitters of one grouping and period that have a forecast and an actual:
/// <b>MAPE</b> = the mean of their absolute percentage errors, those with an actual of zero left out (counted in
/// <see cref="ForecastErrorSummary.ZeroActualCount"/>); <b>bias</b> = Σ(forecast − actual) / Σ actual — positive when the
/// submitters over-forecast, negative when they under-forecast, undefined when the actuals sum to zero.</para>
/// <para>Money follows the measure's rules (<see cref="MoneyTotal"/>): a forecast in another currency than the actual is
/// converted with the settings' exchange rates at the date it was submitted, is undefined when the provider has no
/// rate, and is an <see cref="InvalidOperationException"/> naming the submission when no rates are configured.</para>
/// </remarks>
/// <example>
/// <code>
/// var accuracy = new ForecastAccuracyCalculator();
/// ForecastAccuracyResult result = accuracy.Evaluate(new KpiEvaluator(settings), data, submissions);
/// // 250,000 USD won against a commit of 300,000: accuracy 0.8333, error 0.2, bias +0.2.
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ForecastAccuracyCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The measure is not of unit money.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The category is not pipeline, best case or commit.</exception>
    public ForecastAccuracyCalculator(ForecastAccuracyOptions? options = null)
    {
        options ??= new ForecastAccuracyOptions();
        Measure = options.Measure;
        Preconditions.CheckArgument(
            Measure.Unit == KpiUnit.Money,
            "options.Measure",
            $"KPI '{Measure.Id}' is of unit {Measure.Unit}; a forecast is an amount, compared with a KPI of unit money.");
        Preconditions.CheckRange(
            options.Category is ForecastCategory.Pipeline or ForecastCategory.BestCase or ForecastCategory.Commit,
            options.Category,
            "A forecast is of the category commit, best-case or pipeline.",
            "options.Category");
        Category = options.Category;
        CutoffOffset = options.CutoffOffset;
    }

    /// <summary>Gets what a forecast is compared with.</summary>
    public KpiCalculator Measure { get; }

    /// <summary>Gets the category of the forecasts judged.</summary>
    public ForecastCategory Category { get; }

    /// <summary>Gets the offset of the cutoff from the start of a period.</summary>
    public Period CutoffOffset { get; }

    /// <summary>Returns the accuracy of a forecast: actual / forecast.</summary>
    /// <param name="actual">What was achieved.</param>
    /// <param name="forecast">What was forecast; not negative.</param>
    /// <returns>A ratio; undefined when the forecast is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="forecast"/> is negative.</exception>
    public static KpiValue Accuracy(decimal actual, decimal forecast)
    {
        Preconditions.CheckRange(forecast >= 0m, forecast, "A forecast must not be negative.", nameof(forecast));
        return KpiValue.Ratio(actual, forecast, "the forecast is zero");
    }

    /// <summary>Returns the absolute percentage error of a forecast: |actual − forecast| / actual.</summary>
    /// <param name="actual">What was achieved.</param>
    /// <param name="forecast">What was forecast.</param>
    /// <returns>A ratio; undefined when the actual is zero.</returns>
    public static KpiValue AbsolutePercentageError(decimal actual, decimal forecast) =>
        KpiValue.Ratio(Math.Abs(actual - forecast), Math.Abs(actual), "the actual is zero");

    /// <summary>Returns the instant before which a submission for a period must be made to count.</summary>
    /// <param name="period">The period's dates.</param>
    /// <param name="settings">The settings whose zone the dates are in.</param>
    /// <returns>The start of the period plus <see cref="CutoffOffset"/>, in the settings' zone.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Instant CutoffOf(DateInterval period, KpiSettings settings)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(settings);
        if (CutoffOffset == Period.Zero)
        {
            return settings.SaturatingStartOf(period.Start);
        }

        return settings.Zone.AtLeniently(period.Start.AtMidnight() + CutoffOffset).ToInstant();
    }

    /// <summary>Evaluates the submissions against the data.</summary>
    /// <param name="evaluator">The evaluator; its settings decide the zone, the reporting currency and the exchange rates.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="submissions">The submissions, of any submitters, periods and categories.</param>
    /// <returns>
    /// One <see cref="ForecastAccuracy"/> per submitter and period with a submission of <see cref="Category"/> (ordered
    /// by period, then grouping, then submitter), and one <see cref="ForecastErrorSummary"/> per grouping and period.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument or a submission is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed, or a forecast in
    /// another currency than its actual cannot be converted (no exchange rates); the message names the submission.</exception>
    public ForecastAccuracyResult Evaluate(KpiEvaluator evaluator, SalesData data, IEnumerable<ForecastSubmission> submissions)
    {
        Preconditions.CheckNotNull(evaluator);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(submissions);
        var list = submissions.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            _ = list[i] ?? throw new ArgumentNullException(nameof(submissions), $"Submission {i} is null.");
        }

        var settings = evaluator.Settings;
        var rows = new List<ForecastAccuracy>();
        var summaries = new List<ForecastErrorSummary>();
        var byPeriod = list.Where(s => s.Category == Category)
            .GroupBy(s => (s.Grouping, s.Period))
            .OrderBy(g => g.Key.Period.Start)
            .ThenBy(g => g.Key.Period.End)
            .ThenBy(g => g.Key.Grouping.Dimension, StringComparer.Ordinal);
        foreach (var batch in byPeriod)
        {
            var (grouping, period) = batch.Key;
            var report = evaluator.Evaluate(data, new KpiQuery(period, [Measure], grouping, includeAllKnownGroups: grouping != KpiGrouping.None));
            var cutoff = CutoffOf(period, settings);
            var periodRows = new List<ForecastAccuracy>();
            foreach (var submitter in batch.GroupBy(s => s.Submitter, StringComparer.Ordinal).OrderBy(g => g.Key, grouping.KeyOrder))
            {
                var all = submitter.ToList();
                ForecastSubmission? counts = null;
                foreach (var s in all)
                {
                    if (s.SubmittedAt < cutoff && (counts is null || s.SubmittedAt >= counts.SubmittedAt))
                    {
                        counts = s;
                    }
                }

                var label = (counts ?? all[^1]).PeriodLabel;
                var actual = report.HasGroup(submitter.Key)
                    ? report.Get(Measure.Id, submitter.Key)
                    : KpiValue.Undefined(KpiUnit.Money, $"the data has no {grouping.Dimension} '{submitter.Key}'");
                periodRows.Add(Judge(grouping, submitter.Key, period, label, all.Count, cutoff, counts, actual, settings));
            }

            rows.AddRange(periodRows);
            summaries.Add(Summarize(grouping, period, periodRows[0].PeriodLabel, periodRows));
        }

        return new ForecastAccuracyResult([.. rows], [.. summaries]);
    }

    private ForecastAccuracy Judge(
        KpiGrouping grouping,
        string submitter,
        DateInterval period,
        string label,
        int count,
        Instant cutoff,
        ForecastSubmission? counts,
        KpiValue actual,
        KpiSettings settings)
    {
        var name = ForecastCategories.ToName(Category);
        if (counts is null)
        {
            var none = string.Create(CultureInfo.InvariantCulture, $"no {name} forecast of {grouping.Dimension} '{submitter}' for {label} was submitted before {cutoff}");
            return new ForecastAccuracy(grouping, submitter, period, label, count, cutoff, null, KpiValue.Undefined(KpiUnit.Money, none), actual, KpiValue.Undefined(KpiUnit.Ratio, none), KpiValue.Undefined(KpiUnit.Ratio, none));
        }

        var forecast = ForecastValue(counts, actual, settings);
        string? why = !forecast.IsDefined ? "the forecast is undefined: " + forecast.UndefinedReason
            : !actual.IsDefined ? $"{Measure.Id} is undefined: {actual.UndefinedReason}"
            : null;
        if (why is not null)
        {
            return new ForecastAccuracy(grouping, submitter, period, label, count, cutoff, counts, forecast, actual, KpiValue.Undefined(KpiUnit.Ratio, why), KpiValue.Undefined(KpiUnit.Ratio, why));
        }

        var (a, f) = (actual.Value!.Value, forecast.Value!.Value);
        return new ForecastAccuracy(grouping, submitter, period, label, count, cutoff, counts, forecast, actual, Accuracy(a, f), AbsolutePercentageError(a, f));
    }

    /// <summary>Returns the forecast in the actual's currency, converted by the settings' rates at the submission's date.</summary>
    private static KpiValue ForecastValue(ForecastSubmission submission, KpiValue actual, KpiSettings settings)
    {
        var target = actual.Currency is { } c && c != Currency.None ? c : settings.ReportingCurrency;
        if (target is not { } currency || currency == submission.Amount.Currency)
        {
            return KpiValue.FromMoney(submission.Amount);
        }

        var total = new MoneyTotal(settings.WithReportingCurrency(currency, settings.ExchangeRates, settings.FixedRateDate));
        var date = settings.LocalDateOf(submission.SubmittedAt);
        try
        {
            total.Add(submission.Amount, date);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"The forecast {submission} is in {submission.Amount.Currency}, the actual in {currency}: {e.Message}", e);
        }

        return total.UnpricedCount > 0
            ? KpiValue.Undefined(KpiUnit.Money, string.Create(CultureInfo.InvariantCulture, $"no exchange rate from {submission.Amount.Currency} to {currency} on {date:uuuu-MM-dd}"))
            : KpiValue.FromMoney(total.ToMoney());
    }

    private static ForecastErrorSummary Summarize(KpiGrouping grouping, DateInterval period, string label, List<ForecastAccuracy> rows)
    {
        var judged = rows.Where(r => r.Forecast.IsDefined && r.Actual.IsDefined).ToList();
        var nonZero = judged.Where(r => r.Actual.Value != 0m).ToList();
        var sumActual = judged.Sum(r => r.Actual.Value!.Value);
        var sumError = judged.Sum(r => r.Forecast.Value!.Value - r.Actual.Value!.Value);
        var mape = nonZero.Count == 0
            ? KpiValue.Undefined(KpiUnit.Ratio, judged.Count == 0 ? "no submitter has both a forecast and an actual" : "every submitter's actual is zero")
            : KpiValue.Ratio(nonZero.Sum(r => r.AbsolutePercentageError.Value!.Value), nonZero.Count);
        var bias = judged.Count == 0
            ? KpiValue.Undefined(KpiUnit.Ratio, "no submitter has both a forecast and an actual")
            : KpiValue.Ratio(sumError, sumActual, "the actuals sum to zero");
        return new ForecastErrorSummary(grouping, period, label, mape, bias, judged.Count, judged.Count - nonZero.Count, rows.Count - judged.Count);
    }
}

/// <summary>One submitter's forecast of one period, judged: the forecast that counts, the actual, the accuracy and the error.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ForecastAccuracy
{
    internal ForecastAccuracy(
        KpiGrouping grouping,
        string submitter,
        DateInterval period,
        string periodLabel,
        int submissionCount,
        Instant cutoff,
        ForecastSubmission? submission,
        KpiValue forecast,
        KpiValue actual,
        KpiValue accuracy,
        KpiValue absolutePercentageError)
    {
        Grouping = grouping;
        Submitter = submitter;
        Period = period;
        PeriodLabel = periodLabel;
        SubmissionCount = submissionCount;
        Cutoff = cutoff;
        Submission = submission;
        Forecast = forecast;
        Actual = actual;
        Accuracy = accuracy;
        AbsolutePercentageError = absolutePercentageError;
    }

    /// <summary>Gets the dimension of <see cref="Submitter"/>.</summary>
    [JsonConverter(typeof(Serialization.KpiGroupingJsonConverter))]
    public KpiGrouping Grouping { get; }

    /// <summary>Gets the submitter's group key.</summary>
    public string Submitter { get; }

    /// <summary>Gets the period's dates.</summary>
    [JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Period { get; }

    /// <summary>Gets how the period is named: the label of the submission that counts (else of the last one).</summary>
    public string PeriodLabel { get; }

    /// <summary>Gets how many submissions of the category the submitter made for the period, whether they count or not.</summary>
    public int SubmissionCount { get; }

    /// <summary>Gets the instant before which a submission had to be made to count.</summary>
    [JsonConverter(typeof(Serialization.InstantJsonConverter))]
    public Instant Cutoff { get; }

    /// <summary>Gets the submission that counts.</summary>
    /// <value>The latest submission before <see cref="Cutoff"/>, or null when none was made before it.</value>
    public ForecastSubmission? Submission { get; }

    /// <summary>Gets the forecast in the actual's currency; undefined when no submission counts or it cannot be converted.</summary>
    public KpiValue Forecast { get; }

    /// <summary>Gets the measure of the submitter's group over the period.</summary>
    public KpiValue Actual { get; }

    /// <summary>Gets actual / forecast; undefined with the reason when no submission counts, the forecast is zero or the actual is undefined.</summary>
    public KpiValue Accuracy { get; }

    /// <summary>Gets |actual − forecast| / actual; undefined when the accuracy is, or the actual is zero.</summary>
    public KpiValue AbsolutePercentageError { get; }
}

/// <summary>The forecast error across the submitters of one grouping and period: MAPE and bias.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ForecastErrorSummary
{
    internal ForecastErrorSummary(KpiGrouping grouping, DateInterval period, string periodLabel, KpiValue mape, KpiValue bias, int judgedCount, int zeroActualCount, int withoutForecastCount)
    {
        Grouping = grouping;
        Period = period;
        PeriodLabel = periodLabel;
        Mape = mape;
        Bias = bias;
        JudgedCount = judgedCount;
        ZeroActualCount = zeroActualCount;
        WithoutForecastCount = withoutForecastCount;
    }

    /// <summary>Gets the dimension of the submitters.</summary>
    [JsonConverter(typeof(Serialization.KpiGroupingJsonConverter))]
    public KpiGrouping Grouping { get; }

    /// <summary>Gets the period's dates.</summary>
    [JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Period { get; }

    /// <summary>Gets how the period is named.</summary>
    public string PeriodLabel { get; }

    /// <summary>Gets the mean absolute percentage error: the mean of |actual − forecast| / actual over the submitters judged whose actual is not zero.</summary>
    public KpiValue Mape { get; }

    /// <summary>Gets the bias: Σ(forecast − actual) / Σ actual over the submitters judged; positive when they over-forecast.</summary>
    public KpiValue Bias { get; }

    /// <summary>Gets the number of submitters with both a forecast and an actual: those in <see cref="Bias"/>.</summary>
    public int JudgedCount { get; }

    /// <summary>Gets the number of submitters judged whose actual is zero: in <see cref="Bias"/>, left out of <see cref="Mape"/>.</summary>
    public int ZeroActualCount { get; }

    /// <summary>Gets the number of submitters left out of both: no submission counts, or the forecast or the actual is undefined.</summary>
    public int WithoutForecastCount { get; }
}

/// <summary>What <see cref="ForecastAccuracyCalculator.Evaluate"/> returns: each submitter's accuracy and each period's summary.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ForecastAccuracyResult
{
    internal ForecastAccuracyResult(ImmutableArray<ForecastAccuracy> submitters, ImmutableArray<ForecastErrorSummary> periods)
    {
        Submitters = submitters;
        Periods = periods;
    }

    /// <summary>Gets one entry per submitter and period, ordered by period, then grouping, then submitter.</summary>
    public ImmutableArray<ForecastAccuracy> Submitters { get; }

    /// <summary>Gets one summary per grouping and period, in the same order.</summary>
    public ImmutableArray<ForecastErrorSummary> Periods { get; }
}
