namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    private static string MavenMapping => Path.Combine(ExecutableTests.RepositoryRoot, "docs", "examples", "maven-crm", "mapping.json");

    [Fact]
    public void Report_SemicolonMavenExport_IsReadThroughTheMappingWithDelimiterSemicolon()
    {
        // Fixtures/maven-semicolon is a Maven-style export saved with ';' (as Excel does where the comma is the decimal
        // separator), with a comma in an unquoted account name and a ';' in a quoted one. Per agent, 2017:
        // Moses Frase won A1 (1,054) and A2 (4,514) and lost A3: 2 deals, 5,568 USD, close rate 2 / 3.
        // Darcel Schlecht won A4 (550) and lost A5 (A6 is open): 1 deal, 550 USD, close rate 1 / 2.
        var report = Cli.Json("report", "--data", Cli.Fixture("maven-semicolon"), "--mapping", MavenMapping, "--delimiter", ";", "--by", "rep", "--kpi", "deals-won,revenue,close-rate");

        Assert.Equal(2m, report.Value("deals-won", "Moses Frase").Number());
        Assert.Equal(5568m, report.Value("revenue", "Moses Frase").Number());
        Assert.Equal(0.6666666667m, report.Value("close-rate", "Moses Frase").Number()); // 2 / 3 to the 10 decimals of JSON
        Assert.Equal(1m, report.Value("deals-won", "Darcel Schlecht").Number());
        Assert.Equal(550m, report.Value("revenue", "Darcel Schlecht").Number());
        Assert.Equal(0.5m, report.Value("close-rate", "Darcel Schlecht").Number());
    }

    [Fact]
    public void Report_SemicolonExportReadWithCommas_SaysWhichDelimiterToPass()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("maven-semicolon"), "--mapping", MavenMapping, "--kpi", "revenue");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith($"The header of {Cli.Fixture("maven-semicolon", "sales_teams.csv")} has no ',' but 2 ';': run with --delimiter ';'.\n", result.Error);
    }

    [Fact]
    public void Report_CommaFilesReadWithSemicolons_SaysToLeaveTheDelimiterOut()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--delimiter", ";", "--kpi", "revenue");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("has no ';' but 2 ',': leave --delimiter out (a comma is the default).\n", result.Error);
    }

    [Theory]
    [InlineData("tab", '\t')]
    [InlineData("|", '|')]
    public void Report_OtherDelimiters_ReadTheSameReportAsCommas(string name, char delimiter)
    {
        using var directory = new TempDirectory();
        foreach (var file in Directory.GetFiles(Cli.Fixture("small")))
        {
            // The small fixture has no quoted field, and no tab or '|' in a value: the commas are its delimiters.
            directory.Write(Path.GetFileName(file), File.ReadAllText(file).Replace(',', delimiter));
        }

        var expected = Cli.Json("report", "--data", Cli.Fixture("small"), "--by", "rep", "--kpi", "deals-won,revenue,close-rate,calls");
        var actual = Cli.Json("report", "--data", directory.Path, "--delimiter", name, "--by", "rep", "--kpi", "deals-won,revenue,close-rate,calls");

        Assert.Equal(expected.GetProperty("results").ToString(), actual.GetProperty("results").ToString());
    }

    [Theory]
    [InlineData(new[] { "report", "--delimiter", "semicolon" }, "--delimiter: 'semicolon' is not a delimiter; did you mean ';'? (the delimiters are ',', ';', tab, '|').")]
    [InlineData(new[] { "report", "--delimiter", ";", "--engine", "duckdb" }, "--delimiter ';' needs --engine memory (the default): a database engine reads the files with commas.")]
    [InlineData(new[] { "report", "--delimiter", ";", "--connection", "crm.db" }, "--delimiter is how CSV files are read: a --connection database has no delimiter (leave --delimiter out, or read files with --data).")]
    public void Report_DelimiterBadUsage_SaysWhy(string[] args, string message)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"saleskpi: bad usage: {message}\nRun 'saleskpi report --help' for the options.\n", result.Error);
    }
}
