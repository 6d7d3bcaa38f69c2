namespace SalesKpi.Cli.Tests;

/// <summary>The Maven example computed inside DuckDB, its CSV mapping read as queries over the files in place, gives the numbers of the mapped import.</summary>
public partial class ExecutableTests
{
    [Theory]
    [InlineData("team", "quarter")]
    [InlineData("rep", "none")]
    [InlineData("none", "week")]
    public void MavenExample_InsideDuckDb_GivesTheNumbersOfTheMappedImport(string by, string per)
    {
        string[] args = ["report", "--data", "../shared/datasets/maven-crm", "--mapping", "docs/examples/maven-crm/mapping.json", "--by", by, "--per", per, "--format", "csv"];

        var memory = RunTool(args);
        var duckdb = RunTool([.. args, "--engine", "duckdb"]);

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (duckdb.ExitCode, duckdb.Error));
        // Every built-in KPI of every group and period, to the cent, over 8,300 opportunities and 4,238 deals.
        Assert.Equal(memory.Output, duckdb.Output);
        Assert.True(duckdb.Output.Split('\n').Length > 100, duckdb.Output);
    }

    [Fact]
    public void MavenExample_InsideDuckDbInAnotherZone_IsBadUsage()
    {
        // The mapping's dates start their day in --zone, which SalesKpi does not ask DuckDB to compute.
        var result = RunTool("report", "--data", "../shared/datasets/maven-crm", "--mapping", "docs/examples/maven-crm/mapping.json", "--engine", "duckdb", "--zone", "Europe/Berlin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("created_at is a date with a format, which the import places at the start of the day in Europe/Berlin; inside DuckDB SalesKpi reads such dates in UTC only", result.Error);
    }
}
