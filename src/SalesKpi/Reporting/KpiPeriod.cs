using System.Globalization;
using NodaTime;

namespace SalesKpi.Reporting;

/// <summary>
/// One period of a report: its dates (inclusive) and the instants they span in the configured time zone.
/// </summary>
/// <remarks>
/// <para>An instant is in the period when <see cref="Start"/> ≤ instant &lt; <see cref="End"/>; equivalently, when its
/// local date is in <see cref="Dates"/>. The instants are computed once per period, so that every event is placed by
/// comparison and daylight-saving transitions (a 23- or 25-hour day) are exact.</para>
/// <para>Equality compares <see cref="Dates"/>, <see cref="Start"/>, <see cref="End"/> and <see cref="Label"/>.</para>
/// <para>A period has no text form to parse (<see cref="ToString"/> is for people): its instants depend on the time
/// zone of the <see cref="KpiSettings"/> it was made with, and so do the dates a label such as <c>FY2026</c> or
/// <c>2025-W07</c> stands for (the fiscal year's first month, the first day of the week); the text carries neither. To
/// take a period from a route or query string, read its dates into the range of a <see cref="KpiQuery"/> and let the
/// evaluator make the periods.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.KpiPeriodJsonConverter))]
public sealed class KpiPeriod : IEquatable<KpiPeriod>
{
    internal KpiPeriod(DateInterval dates, Instant start, Instant end, string label)
    {
        Dates = dates;
        Start = start;
        End = end;
        Label = label;
    }

    /// <summary>Gets the dates of the period, inclusive at both ends.</summary>
    public DateInterval Dates { get; }

    /// <summary>Gets the first instant of the period.</summary>
    public Instant Start { get; }

    /// <summary>Gets the first instant after the period.</summary>
    public Instant End { get; }

    /// <summary>Gets a short, stable label: <c>2025-W07</c>, <c>2025-03</c>, <c>2025-Q1</c>, <c>FY2026</c> or <c>2025-01-01..2025-12-31</c>.</summary>
    public string Label { get; }

    /// <summary>Returns true when the instant falls in the period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when <see cref="Start"/> ≤ <paramref name="instant"/> &lt; <see cref="End"/>.</returns>
    public bool Contains(Instant instant) => instant >= Start && instant < End;

    /// <summary>Returns true when both periods are equal, or both are null.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(KpiPeriod? left, KpiPeriod? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Dates == right.Dates && left.Start == right.Start
            && left.End == right.End && string.Equals(left.Label, right.Label, StringComparison.Ordinal));

    /// <summary>Returns true when the periods differ.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(KpiPeriod? left, KpiPeriod? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is the same period.</summary>
    /// <param name="other">The period to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(KpiPeriod? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KpiPeriod other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dates, Start, End, Label);

    /// <summary>Returns the label and the dates, such as <c>2025-Q1 [2025-01-01, 2025-03-31]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} {Dates}");
}
