namespace SalesKpi.Tests.TestUtilities;

/// <summary>The repository the tests run from: its root, found as the folder above the test binaries that holds SalesKpi.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>Gets the repository's root folder.</summary>
    public static string Root => LazyRoot.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesKpi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds SalesKpi.sln.");
    }
}
