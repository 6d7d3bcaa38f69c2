using System.Globalization;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>
/// Makes document sections of the forecasting results (docs/forecasting.md): the accuracy of forecast submissions and the
/// projected attainment of a period.
/// </summary>
public static class ForecastDocuments
{
    /// <summary>Returns a table of each submitter's forecast of each period: the forecast that counts, the actual and the accuracy (actual / forecast).</summary>
    /// <param name="result">The accuracy, such as <see cref="ForecastAccuracyCalculator.Evaluate"/>'s.</param>
    /// <param name="groupLabel">Returns the text shown for a submitter's key; null shows the keys.</param>
    /// <returns>The table, headed <c>Forecast accuracy</c>, a footnote for each undefined accuracy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static TableSection Accuracy(ForecastAccuracyResult result, Func<string, string>? groupLabel = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var label = groupLabel ?? (g => g);
        var rows = result.Submitters.Select(s => (IReadOnlyList<string>)
        [
            s.PeriodLabel,
            label(s.Submitter),
            KpiValueText.Short(s.Forecast),
            KpiValueText.Short(s.Actual),
            KpiValueText.Short(s.Accuracy),
        ]).ToList();
        var reasons = result.Submitters.Where(s => s.Accuracy.Value is null)
            .Select(s => $"{s.PeriodLabel} {label(s.Submitter)}: {s.Accuracy.UndefinedReason}").ToList();
        return new TableSection(
            "Forecast accuracy",
            [new("Period"), new("Submitter"), new("Forecast", ColumnAlignment.Right), new("Actual", ColumnAlignment.Right), new("Accuracy", ColumnAlignment.Right)],
            rows,
            ["accuracy = actual / forecast; the forecast is the latest submission before the cutoff", .. reasons]);
    }

    /// <summary>Returns a table of each period's forecast error across its submitters: MAPE, bias and how many submitters each counts.</summary>
    /// <param name="result">The accuracy, such as <see cref="ForecastAccuracyCalculator.Evaluate"/>'s.</param>
    /// <returns>The table, headed <c>Forecast error</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static TableSection Error(ForecastAccuracyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Periods.Select(p => (IReadOnlyList<string>)
        [
            p.PeriodLabel,
            p.Grouping.Dimension,
            KpiValueText.Short(p.Mape),
            KpiValueText.SignedPercent(p.Bias),
            Whole(p.JudgedCount),
            Whole(p.ZeroActualCount),
            Whole(p.WithoutForecastCount),
        ]).ToList();
        return new TableSection(
            "Forecast error",
            [
                new("Period"), new("By"), new("MAPE", ColumnAlignment.Right), new("Bias", ColumnAlignment.Right), new("Judged", ColumnAlignment.Right),
                new("Zero actual", ColumnAlignment.Right), new("Without forecast", ColumnAlignment.Right),
            ],
            rows,
            ["MAPE = mean |actual − forecast| / actual over the judged with a non-zero actual; bias = Σ(forecast − actual) / Σ actual, positive when over-forecast"]);
    }

    /// <summary>Returns a table of projected attainments: per group, won so far, weighted pipeline, projected, run rate, quota and both attainments.</summary>
    /// <param name="projections">The projections, such as <see cref="AttainmentProjectionCalculator.Evaluate"/>'s.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>The table, headed <c>Attainment projection</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="projections"/> or one of them is null.</exception>
    public static TableSection Projections(IEnumerable<AttainmentProjection> projections, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(projections, nameof(projections));
        var label = groupLabel ?? (g => g);
        var rows = items.Select(p => (IReadOnlyList<string>)
        [
            label(p.Group),
            FormattableString.Invariant($"{p.ElapsedDays} / {p.PeriodDays}"),
            KpiValueText.Short(p.WonSoFar),
            KpiValueText.Short(p.WeightedPipeline),
            KpiValueText.Short(p.Projected),
            KpiValueText.Short(p.RunRate),
            p.Quota is { } q ? KpiValueText.Short(KpiValue.FromMoney(q)) : KpiValueText.Undefined,
            KpiValueText.Short(p.ProjectedAttainment),
            KpiValueText.Short(p.RunRateAttainment),
        ]).ToList();
        var notes = items.Select(p => FormattableString.Invariant($"{p.Period.Start:uuuu-MM-dd} to {p.Period.End:uuuu-MM-dd} as of {p.AsOf}")).Distinct(StringComparer.Ordinal).ToList();
        notes.Add("projected = won so far + weighted pipeline; run rate = won so far × period days / elapsed days; attainment = / quota");
        return new TableSection(
            "Attainment projection",
            [
                new("Group"), new("Days", ColumnAlignment.Right), new("Won so far", ColumnAlignment.Right), new("Weighted pipeline", ColumnAlignment.Right),
                new("Projected", ColumnAlignment.Right), new("Run rate", ColumnAlignment.Right), new("Quota", ColumnAlignment.Right),
                new("Projected attainment", ColumnAlignment.Right), new("Run-rate attainment", ColumnAlignment.Right),
            ],
            rows,
            notes);
    }

    private static string Whole(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
