using DuckDB.NET.Data;

namespace SalesKpi.Cli.Tests;

/// <summary>The Maven example computed inside DuckDB (docs/examples/maven-crm/layout.sql) gives the numbers of its CSV mapping.</summary>
public partial class ExecutableTests
{
    [Theory]
    [InlineData("team", "quarter")]
    [InlineData("rep", "none")]
    public void MavenExample_InsideDuckDbThroughLayoutViews_GivesTheNumbersOfTheMapping(string by, string per)
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "maven.duckdb");
        // The script as documented, its paths (relative to the repository root) made absolute for this test's process.
        var script = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "examples", "maven-crm", "layout.sql"))
            .Replace("'../shared/", $"'{Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))}/", StringComparison.Ordinal);
        using (var duck = new DuckDBConnection($"Data Source={database}"))
        {
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = script;
            command.ExecuteNonQuery();
        }

        var mapped = RunTool("report", "--data", "../shared/datasets/maven-crm", "--mapping", "docs/examples/maven-crm/mapping.json", "--by", by, "--per", per, "--format", "csv");
        var inside = RunTool("report", "--engine", "duckdb", "--connection", database, "--by", by, "--per", per, "--format", "csv");

        Assert.Equal(0, mapped.ExitCode);
        Assert.Equal((0, string.Empty), (inside.ExitCode, inside.Error));
        // Every KPI of every group and period, to the cent: 8,300 opportunities and 4,238 deals either way.
        Assert.Equal(mapped.Output, inside.Output);
        Assert.Contains(by == "team" ? "Cara Losch,2017-Q1,close-rate,0.81" : "Darcel Schlecht,", inside.Output);
    }
}
