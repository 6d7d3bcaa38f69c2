namespace SalesKpi.Cli;

/// <summary>Where the tool writes and what kind of terminal it runs on; tests pass string writers.</summary>
/// <param name="Out">Standard output: the report.</param>
/// <param name="Error">Standard error: errors, rejected rows, progress.</param>
/// <param name="IsInteractive">True when both outputs are a terminal a person watches, so that progress can be shown.</param>
/// <param name="Width">The width tables are fitted to, in columns.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsInteractive, int Width)
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test).</summary>
    public const int DefaultWidth = 120;

    /// <summary>Returns the console of the process.</summary>
    public static CliConsole System()
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var width = DefaultWidth;
        if (!Console.IsOutputRedirected)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : DefaultWidth;
            }
            catch (IOException)
            {
                width = DefaultWidth;
            }
        }
        else if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
        {
            width = columns;
        }

        return new CliConsole(Console.Out, Console.Error, interactive, Math.Clamp(width, 60, 240));
    }
}
