using System.Globalization;
using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// The close window of a pipeline waterfall: the expected close dates that put an open opportunity in the pipeline.
/// </summary>
/// <remarks>
/// <para>Four kinds: <see cref="All"/> (every open opportunity, whatever its expected close date or none — the default,
/// since it needs no expected close dates, and under it a period opens where the one before closed; nothing is pulled in
/// or slips out), <see cref="Period"/> (each flow period's own dates: "the pipeline of this month"),
/// <see cref="Enclosing"/> (the week, month, quarter… that holds each flow period's first day: a weekly waterfall of the
/// quarter's pipeline) and <see cref="Fixed"/> (the same dates for every period).</para>
/// <para>Under a bounded window an opportunity with no expected close date is never in the pipeline.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(PipelineWindowJsonConverter))]
public sealed class PipelineWindow : IEquatable<PipelineWindow>
{
    private static readonly (string Name, PeriodUnit Unit)[] UnitNames =
    [
        ("day", PeriodUnit.Day), ("week", PeriodUnit.Week), ("month", PeriodUnit.Month), ("quarter", PeriodUnit.Quarter),
        ("fiscal-quarter", PeriodUnit.FiscalQuarter), ("fiscal-year", PeriodUnit.FiscalYear),
    ];

    private readonly DateInterval? _dates;
    private readonly PeriodUnit _unit;
    private readonly int _kind; // 0 period, 1 all, 2 fixed, 3 enclosing

    private PipelineWindow(int kind, DateInterval? dates, PeriodUnit unit)
    {
        _kind = kind;
        _dates = dates;
        _unit = unit;
    }

    /// <summary>Gets the window of each flow period's own dates: the opportunities expected to close in the period.</summary>
    public static PipelineWindow Period { get; } = new(0, null, PeriodUnit.None);

    /// <summary>Gets the unbounded window: every open opportunity, with or without an expected close date.</summary>
    public static PipelineWindow All { get; } = new(1, null, PeriodUnit.None);

    /// <summary>Gets the fixed dates of the window, or null when it is not <see cref="Fixed"/>.</summary>
    public DateInterval? Dates => _dates;

    /// <summary>Gets the unit of an <see cref="Enclosing"/> window, or <see cref="PeriodUnit.None"/> for the other kinds.</summary>
    public PeriodUnit Unit => _unit;

    /// <summary>Gets a value indicating whether the window is <see cref="All"/>: unbounded.</summary>
    public bool IsUnbounded => _kind == 1;

    /// <summary>Returns the window of the same dates for every period, such as a quarter for each week of it.</summary>
    /// <param name="dates">The expected close dates, inclusive.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    public static PipelineWindow Fixed(DateInterval dates) => new(2, Preconditions.CheckNotNull(dates), PeriodUnit.None);

    /// <summary>Returns the window of the bucket of a unit that holds each flow period's first day: with
    /// <see cref="PeriodUnit.Quarter"/>, a weekly waterfall follows the pipeline of each week's quarter.</summary>
    /// <param name="unit">The unit: a day, week, month, quarter, fiscal quarter or fiscal year (of the settings).</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is <see cref="PeriodUnit.None"/> (use
    /// <see cref="Period"/>) or not a defined value.</exception>
    public static PipelineWindow Enclosing(PeriodUnit unit)
    {
        Preconditions.CheckRange(Enum.IsDefined(unit) && unit != PeriodUnit.None, unit, "The unit of an enclosing window must be a day, week, month, quarter, fiscal quarter or fiscal year; for the period's own dates use PipelineWindow.Period.", nameof(unit));
        return new(3, null, unit);
    }

    /// <summary>Returns the window's dates for a flow period.</summary>
    /// <param name="period">The flow period.</param>
    /// <param name="settings">The settings (first day of the week, fiscal year) of an <see cref="Enclosing"/> window.</param>
    /// <returns>The expected close dates, inclusive, or null for <see cref="All"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DateInterval? For(KpiPeriod period, KpiSettings settings)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(settings);
        switch (_kind)
        {
            case 0:
                return period.Dates;
            case 1:
                return null;
            case 2:
                return _dates;
            default:
                var start = PeriodPlan.BucketStart(period.Dates.Start, _unit, settings);
                return new DateInterval(start, PeriodPlan.NextBucketStart(start, _unit).PlusDays(-1));
        }
    }

    /// <summary>Returns true when both windows are the same, or both are null.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PipelineWindow? left, PipelineWindow? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && left._kind == right._kind && left._unit == right._unit && Equals(left._dates, right._dates));

    /// <summary>Returns true when the windows differ.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(PipelineWindow? left, PipelineWindow? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is the same window.</summary>
    /// <param name="other">The window to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(PipelineWindow? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PipelineWindow other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _unit, _dates);

    /// <summary>Returns the window's name, which <see cref="TryParse"/> reads back: <c>period</c>, <c>all</c>, an enclosing
    /// unit (<c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>, <c>fiscal-quarter</c>, <c>fiscal-year</c>) or the fixed
    /// dates, <c>2025-04-01..2025-06-30</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => _kind switch
    {
        0 => "period",
        1 => "all",
        2 => string.Create(CultureInfo.InvariantCulture, $"{_dates!.Start:uuuu-MM-dd}..{_dates.End:uuuu-MM-dd}"),
        _ => UnitNames.First(u => u.Unit == _unit).Name,
    };

    /// <summary>Reads a window's name (<see cref="ToString"/>): <c>period</c>, <c>all</c>, <c>day</c>, <c>week</c>,
    /// <c>month</c>, <c>quarter</c>, <c>fiscal-quarter</c>, <c>fiscal-year</c>, or two ISO dates <c>FROM..TO</c>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="window">The window, when read.</param>
    /// <returns>True when <paramref name="text"/> names a window.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PipelineWindow? window)
    {
        window = null;
        if (text is null)
        {
            return false;
        }

        switch (text)
        {
            case "period":
                window = Period;
                return true;
            case "all":
                window = All;
                return true;
        }

        foreach (var (name, unit) in UnitNames)
        {
            if (text == name)
            {
                window = new(3, null, unit);
                return true;
            }
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0
            && NodaTime.Text.LocalDatePattern.Iso.Parse(text[..dots]) is { Success: true } from
            && NodaTime.Text.LocalDatePattern.Iso.Parse(text[(dots + 2)..]) is { Success: true } to
            && from.Value <= to.Value)
        {
            window = Fixed(new DateInterval(from.Value, to.Value));
            return true;
        }

        return false;
    }
}

/// <summary>Writes a <see cref="PipelineWindow"/> as its name (<c>"quarter"</c>, <c>"2025-04-01..2025-06-30"</c>) and reads it back.</summary>
internal sealed class PipelineWindowJsonConverter : System.Text.Json.Serialization.JsonConverter<PipelineWindow>
{
    public override PipelineWindow Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var text = reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        return PipelineWindow.TryParse(text, out var window)
            ? window
            : throw new System.Text.Json.JsonException($"'{text}' is not a pipeline window: use period, all, day, week, month, quarter, fiscal-quarter, fiscal-year or FROM..TO (ISO dates).");
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, PipelineWindow value, System.Text.Json.JsonSerializerOptions options)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
