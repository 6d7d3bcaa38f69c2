using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// The null-argument sweep (issue #8) over every public type of SalesKpi.Csv: each public constructor, method and
/// property accessor refuses null for a parameter not annotated nullable, with an ArgumentNullException naming it. The
/// type list is read from the assembly, so a public type added tomorrow is swept without editing this class.
/// </summary>
public sealed class CsvNullArgumentSweepTests
{
    /// <summary>Gets every public type of the SalesKpi.Csv assembly, ordered by full name.</summary>
    public static IReadOnlyList<Type> SweptTypes { get; } =
        [.. typeof(CsvImporter).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Gets <see cref="SweptTypes"/> as theory data.</summary>
    public static TheoryData<Type> Types => [.. SweptTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException(Type type)
    {
        var violations = NullGuards.Violations(type, CsvArgumentSamples.Instance);

        // One line per violation, naming type, member, parameter and what happened instead.
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void SweptTypes_IncludeTheImporterTheSourceAndTheMapping()
    {
        Assert.Contains(typeof(CsvImporter), SweptTypes);
        Assert.Contains(typeof(CsvSource), SweptTypes);
        Assert.Contains(typeof(CsvMapping), SweptTypes);
        Assert.All(SweptTypes, t => Assert.Equal("SalesKpi.Csv", t.Namespace));
    }
}
