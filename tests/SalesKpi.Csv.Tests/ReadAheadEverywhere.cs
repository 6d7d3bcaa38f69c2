using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// Every import of this suite reads its files on a second thread (as a file of a megabyte or more is read on a machine
/// with two cores), however small they are: the hostile-input suite then proves that path. The other test projects
/// import small files, which are read on the calling thread; <see cref="ReadAheadTests"/> compares the two.
/// </summary>
internal static class ReadAheadEverywhere
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: it sets how this suite reads, before any test runs.")]
    internal static void Initialize() => ReadAheadRowReader.Always = true;
}
