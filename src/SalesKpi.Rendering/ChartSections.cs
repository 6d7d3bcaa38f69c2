using System.Collections.Immutable;

namespace SalesKpi.Rendering;

/// <summary>A named line of a <see cref="LineChartSection"/>: one value per label, null where it is undefined (a gap).</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ChartSeries
{
    /// <summary>Initializes a new instance of the <see cref="ChartSeries"/> class.</summary>
    /// <param name="name">The name shown in the legend, such as a rep.</param>
    /// <param name="values">The values, one per label of the chart; null for an undefined point.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is not a finite number.</exception>
    public ChartSeries(string name, IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        Values = [.. values];
        if (Values.Any(v => v is { } x && !double.IsFinite(x)))
        {
            throw new ArgumentException("A chart value must be a finite number or null.", nameof(values));
        }
    }

    /// <summary>Gets the name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>Gets the values, one per label; null for an undefined point.</summary>
    public ImmutableArray<double?> Values { get; }
}

/// <summary>
/// A line chart: labels along the horizontal axis (periods, usually) and one or more series. HTML draws it as an inline
/// SVG; text and Markdown leave charts out, since the tables beside them hold the same numbers.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class LineChartSection : DocumentSection
{
    /// <summary>Initializes a new instance of the <see cref="LineChartSection"/> class.</summary>
    /// <param name="heading">The heading, or null for none.</param>
    /// <param name="labels">The labels along the horizontal axis.</param>
    /// <param name="series">The series, each with one value per label.</param>
    /// <exception cref="ArgumentNullException">An argument, a label or a series is null.</exception>
    /// <exception cref="ArgumentException">A series does not have one value per label.</exception>
    public LineChartSection(string? heading, IEnumerable<string> labels, IEnumerable<ChartSeries> series)
        : base(heading)
    {
        Labels = Checks.Items(labels, nameof(labels));
        Series = Checks.Items(series, nameof(series));
        foreach (var s in Series)
        {
            if (s.Values.Length != Labels.Length)
            {
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Length} values; the chart has {Labels.Length} labels.", nameof(series));
            }
        }
    }

    /// <summary>Gets the labels along the horizontal axis.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Gets the series.</summary>
    public ImmutableArray<ChartSeries> Series { get; }
}

/// <summary>A bar of a <see cref="BarChartSection"/>.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ChartBar
{
    /// <summary>Initializes a new instance of the <see cref="ChartBar"/> class.</summary>
    /// <param name="label">The label under the bar, such as a rep.</param>
    /// <param name="value">The bar's height, or null when undefined (no bar is drawn, the label and text are).</param>
    /// <param name="valueText">The value as shown to a person, such as <c>45,300 USD</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="valueText"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a finite number.</exception>
    public ChartBar(string label, double? value, string valueText)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(valueText);
        if (value is { } x && !double.IsFinite(x))
        {
            throw new ArgumentException("A bar's value must be a finite number or null.", nameof(value));
        }

        Label = label;
        Value = value;
        ValueText = valueText;
    }

    /// <summary>Gets the label under the bar.</summary>
    public string Label { get; }

    /// <summary>Gets the bar's height.</summary>
    /// <value>The value, or null when undefined.</value>
    public double? Value { get; }

    /// <summary>Gets the value as shown to a person.</summary>
    public string ValueText { get; }
}

/// <summary>A horizontal reference line across a <see cref="BarChartSection"/>, such as the peer mean or a target.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ChartReference
{
    /// <summary>Initializes a new instance of the <see cref="ChartReference"/> class.</summary>
    /// <param name="label">The label written beside the line, such as <c>peer mean 10,000 USD</c>.</param>
    /// <param name="value">The height of the line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a finite number.</exception>
    public ChartReference(string label, double value)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A reference value must be a finite number.", nameof(value));
        }

        Label = label;
        Value = value;
    }

    /// <summary>Gets the label written beside the line.</summary>
    public string Label { get; }

    /// <summary>Gets the height of the line.</summary>
    public double Value { get; }
}

/// <summary>
/// A bar chart: one bar per label (reps, usually) and horizontal reference lines (the peer mean, a target). HTML draws it
/// as an inline SVG; text and Markdown leave charts out.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class BarChartSection : DocumentSection
{
    /// <summary>Initializes a new instance of the <see cref="BarChartSection"/> class.</summary>
    /// <param name="heading">The heading, or null for none.</param>
    /// <param name="bars">The bars, in order.</param>
    /// <param name="references">The reference lines; may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument, a bar or a reference is null.</exception>
    public BarChartSection(string? heading, IEnumerable<ChartBar> bars, IEnumerable<ChartReference> references)
        : base(heading)
    {
        Bars = Checks.Items(bars, nameof(bars));
        References = Checks.Items(references, nameof(references));
    }

    /// <summary>Gets the bars, in order.</summary>
    public ImmutableArray<ChartBar> Bars { get; }

    /// <summary>Gets the reference lines.</summary>
    public ImmutableArray<ChartReference> References { get; }
}
