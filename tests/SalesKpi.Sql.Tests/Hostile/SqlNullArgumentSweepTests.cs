using System.Data.Common;
using System.Reflection;
using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Sql.Tests.Hostile;

/// <summary>
/// The null-argument sweep (issue #8) over every public type of SalesKpi.Sql: each public constructor, method and
/// property accessor refuses null for a parameter not annotated nullable, with an ArgumentNullException naming it. The
/// type list is read from the assembly, so a public type added tomorrow is swept without editing this class; an
/// assembly without public types passes.
/// </summary>
public sealed class SqlNullArgumentSweepTests
{
    /// <summary>Gets the SalesKpi.Sql assembly, loaded by name: the test need not name one of its types.</summary>
    public static Assembly SqlAssembly { get; } = Assembly.Load(new AssemblyName("SalesKpi.Sql"));

    /// <summary>Gets every public type of the SalesKpi.Sql assembly, ordered by full name.</summary>
    public static IReadOnlyList<Type> SweptTypes { get; } =
        [.. SqlAssembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException()
    {
        // One fact over all types rather than a theory per type: a theory without data fails, and the package may
        // have no public type yet. Each line still names the type, the member and the parameter.
        var violations = SweptTypes.SelectMany(t => NullGuards.Violations(t, SqlArgumentSamples.Instance)).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void SweptTypes_AreThePublicTypesOfThePackageTheTestsReference()
    {
        Assert.Equal("SalesKpi.Sql", SqlAssembly.GetName().Name);
        Assert.Equal(AppContext.BaseDirectory, Path.GetDirectoryName(SqlAssembly.Location) + Path.DirectorySeparatorChar);
        Assert.All(SweptTypes, t => Assert.StartsWith("SalesKpi.Sql", t.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_WithTheseSamples_FindsAnUnguardedParameterAndPassesAGuardedOne()
    {
        // The samples reach a member with a connection, a query and a snapshot, so a missing guard is found, not hidden
        // behind "no sample value".
        Assert.Equal(
            ["Probe.Unguarded(DbConnection, KpiQuery, SalesData, CancellationToken), parameter 'data': accepted null."],
            NullGuards.Violations(typeof(Probe), SqlArgumentSamples.Instance));
    }

    /// <summary>A type shaped like the executor's API: one member guards every argument, the other forgets one.</summary>
    public static class Probe
    {
        public static void Guarded(DbConnection connection, KpiQuery query, SalesData data, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentNullException.ThrowIfNull(query);
            ArgumentNullException.ThrowIfNull(data);
            cancellationToken.ThrowIfCancellationRequested();
        }

        public static void Unguarded(DbConnection connection, KpiQuery query, SalesData data, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentNullException.ThrowIfNull(query);
            cancellationToken.ThrowIfCancellationRequested();
            GC.KeepAlive(data);
        }
    }
}
