using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Rendering.Tests.Hostile;

/// <summary>
/// The null-argument sweep over every public type of SalesKpi.Rendering: each public constructor, method and property
/// accessor refuses null for a parameter not annotated nullable, with an ArgumentNullException naming it. The type list
/// is read from the assembly, so a public type added tomorrow is swept without editing this class.
/// </summary>
public sealed class RenderingNullArgumentSweepTests
{
    public static IReadOnlyList<Type> SweptTypes { get; } =
        [.. typeof(KpiDocument).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException()
    {
        var violations = SweptTypes.SelectMany(t => NullGuards.Violations(t, RenderingArgumentSamples.Instance)).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void SweptTypes_CoverTheDocumentModelTheRenderersAndTheAdapters()
    {
        var names = SweptTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["KpiDocument", "TableSection", "LineChartSection", "BarChartSection", "ChartSeries", "ChartBar", "ChartReference", "DocumentRenderer", "KpiDocuments", "KpiValueText"]), names);
    }

    [Fact]
    public void Sweep_WithTheseSamples_FindsAnUnguardedParameter()
    {
        Assert.Equal(
            ["Probe.Unguarded(KpiDocument, TextWriter), parameter 'writer': accepted null."],
            NullGuards.Violations(typeof(Probe), RenderingArgumentSamples.Instance));
    }

    /// <summary>A type shaped like the renderer: one member guards every argument, the other forgets one.</summary>
    public static class Probe
    {
        public static void Guarded(KpiDocument document, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(writer);
        }

        public static void Unguarded(KpiDocument document, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(document);
            GC.KeepAlive(writer);
        }
    }
}
