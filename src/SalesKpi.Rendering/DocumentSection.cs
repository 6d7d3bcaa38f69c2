namespace SalesKpi.Rendering;

/// <summary>
/// A part of a <see cref="KpiDocument"/>: a <see cref="TableSection"/>, a <see cref="LineChartSection"/> or a
/// <see cref="BarChartSection"/>.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public abstract class DocumentSection
{
    private protected DocumentSection(string? heading) => Heading = heading;

    /// <summary>Gets the heading written above the section.</summary>
    /// <value>The heading, or null for none.</value>
    public string? Heading { get; }
}
