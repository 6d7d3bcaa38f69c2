namespace SalesKpi.Cli;

/// <summary>The exit codes of <c>saleskpi</c>; documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The report was written.</summary>
    public const int Success = 0;

    /// <summary>The data cannot be read: a bad row (file:line:column on stderr), an unreadable file, mixed currencies; or the report cannot be written.</summary>
    public const int BadData = 1;

    /// <summary>The command line is wrong: an unknown option or value, a bad date, an unknown zone or KPI, a bad mapping file.</summary>
    public const int BadUsage = 2;

    /// <summary>A bug in saleskpi; the message asks for a report.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Ended by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
