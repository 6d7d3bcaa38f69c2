using System.Text.Json;

namespace SalesKpi.Cli.Tests;

/// <summary>Runs <c>saleskpi</c> in-process, as a person would from a shell whose output is redirected.</summary>
internal static class Cli
{
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(args, new CliConsole(output, error, IsInteractive: false, Width: CliConsole.DefaultWidth));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a JSON report and returns the document.</summary>
    public static JsonElement Json(params string[] args)
    {
        var result = Run([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    /// <summary>Returns the value object of a KPI for a group and period of a JSON report.</summary>
    public static JsonElement Value(this JsonElement report, string kpi, string group = "all", string? period = null) =>
        report.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("group").GetString() == group && (period is null || r.GetProperty("period").GetString() == period))
            .GetProperty("values").GetProperty(kpi);

    public static decimal? Number(this JsonElement value) =>
        value.GetProperty("value").ValueKind == JsonValueKind.Null ? null : value.GetProperty("value").GetDecimal();
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
