using SalesKpi.Rendering;

namespace SalesKpi.Cli;

/// <summary>
/// Says which <c>--delimiter</c> to pass when a file's header fails because its fields are separated by another
/// character: a <c>;</c> export read with commas is one column named <c>id;name;team</c>.
/// </summary>
internal static class DelimiterHint
{
    /// <summary>The most characters of a header looked at.</summary>
    private const int Longest = 64 * 1024;

    /// <summary>Returns the hint for an import that failed at the header of a file, or null.</summary>
    /// <param name="rejection">Where the import failed.</param>
    /// <param name="delimiter">The delimiter it read with.</param>
    public static string? For(Csv.CsvRejection? rejection, char delimiter)
    {
        if (rejection is not { Line: 1 } || !File.Exists(rejection.File))
        {
            return null;
        }

        string header;
        try
        {
            using var reader = new StreamReader(rejection.File);
            var buffer = new char[Longest];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            header = new string(buffer, 0, read).Split('\n', 2)[0];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (header.Contains(delimiter, StringComparison.Ordinal))
        {
            return null;
        }

        // The delimiter the header has most of, if any.
        var (name, count) = DataOptions.Delimiters
            .Select(d => (d.Key, Count: header.Count(c => c == d.Value)))
            .OrderByDescending(d => d.Count)
            .First();
        if (count == 0)
        {
            return null;
        }

        var run = name switch
        {
            "," => "leave --delimiter out (a comma is the default)",
            "tab" => "run with --delimiter tab",
            _ => $"run with --delimiter '{name}'",
        };
        return $"The header of {KpiValueText.Printable(rejection.File)} has no {Shown(delimiter)} but {count} {Shown(DataOptions.Delimiters[name])}: {run}.";
    }

    private static string Shown(char delimiter) => delimiter == '\t' ? "tabs" : $"'{delimiter}'";
}
