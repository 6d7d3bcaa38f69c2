namespace SalesKpi.Cli.Tests;

/// <summary>
/// A mistyped command, option or value is answered in the tool's words, with the closest right one: the whole of
/// stderr, exit 2, nothing on stdout.
/// </summary>
public sealed class FriendlinessTests
{
    [Theory]
    [InlineData(new[] { "reprot" }, "unknown command 'reprot'; did you mean 'report'?", "saleskpi")]
    [InlineData(new[] { "kpsi" }, "unknown command 'kpsi'; did you mean 'kpis'?", "saleskpi")]
    [InlineData(new[] { "serve" }, "unknown command 'serve' (the commands are report, kpis, plan, targets, compare, trend, waterfall, forecast).", "saleskpi")]
    [InlineData(new[] { "report", "--frm", "2025-01-01" }, "unknown option '--frm'; did you mean '--from'?", "saleskpi report")]
    [InlineData(new[] { "report", "--frm=2025-01-01" }, "unknown option '--frm'; did you mean '--from'?", "saleskpi report")]
    [InlineData(new[] { "report", "--colour" }, "unknown option '--colour'.", "saleskpi report")]
    [InlineData(new[] { "kpis", "--data", "x" }, "'--data' is not an option of 'saleskpi kpis' but of report, plan, targets, compare, trend, waterfall and forecast.", "saleskpi kpis")]
    [InlineData(new[] { "report", "from" }, "'from': 'saleskpi report' takes options, not arguments; did you mean '--from'?", "saleskpi report")]
    [InlineData(new[] { "report", "extra" }, "'extra': 'saleskpi report' takes options, not arguments.", "saleskpi report")]
    [InlineData(new[] { "report", "--by", "manager" }, "--by: 'manager' is not a grouping or a dimension of the data; did you mean 'team'? (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", "saleskpi report")]
    [InlineData(new[] { "report", "--by", "tema" }, "--by: 'tema' is not a grouping or a dimension of the data; did you mean 'team'? (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", "saleskpi report")]
    [InlineData(new[] { "report", "--by", "Rep" }, "--by: 'Rep' is not a grouping or a dimension of the data; did you mean 'rep'? (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", "saleskpi report")]
    [InlineData(new[] { "report", "--by", "month" }, "--by: 'month' is not a grouping or a dimension of the data; did you mean '--per month'? (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", "saleskpi report")]
    [InlineData(new[] { "report", "--by", "region" }, "--by: 'region' is not a grouping or a dimension of the data (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", "saleskpi report")]
    [InlineData(new[] { "report", "--per", "monht" }, "--per: 'monht' is not a period; did you mean 'month'? (the periods are day, week, month, quarter, fiscal-quarter, fiscal-year, none).", "saleskpi report")]
    [InlineData(new[] { "report", "--per", "rep" }, "--per: 'rep' is not a period; did you mean '--by rep'? (the periods are day, week, month, quarter, fiscal-quarter, fiscal-year, none).", "saleskpi report")]
    [InlineData(new[] { "report", "--format", "jsno" }, "--format: 'jsno' is not a format; did you mean 'json'? (the formats are table, json, csv, markdown, html).", "saleskpi report")]
    [InlineData(new[] { "report", "--format", "text" }, "--format: 'text' is not a format; did you mean 'table'? (the formats are table, json, csv, markdown, html).", "saleskpi report")]
    [InlineData(new[] { "report", "--on-error", "ignore" }, "--on-error: 'ignore' is not an error mode; did you mean 'report'? (the error modes are fail, report).", "saleskpi report")]
    [InlineData(new[] { "kpis", "--format", "jon" }, "--format: 'jon' is not a format; did you mean 'json'? (the formats are table, json).", "saleskpi kpis")]
    [InlineData(new[] { "report", "--by" }, "--by needs a value: rep, team, source, lost-reason, forecast-category, none.", "saleskpi report")]
    [InlineData(new[] { "report", "--from" }, "--from needs a value: --from DATE.", "saleskpi report")]
    [InlineData(new[] { "report", "--delimiter" }, "--delimiter needs a value: ',', ';', tab, '|'.", "saleskpi report")]
    [InlineData(new[] { "report", "--per", "week", "--per", "month" }, "--per is given 2 times ('week', 'month'); give it once.", "saleskpi report")]
    [InlineData(new[] { "report", "--fiscal-start", "apirl", "--per", "fiscal-year" }, "--fiscal-start: 'apirl' is not a month; did you mean 'apr' or 'april'? (write 1 to 12, or jan to dec).", "saleskpi report")]
    [InlineData(new[] { "report", "--fiscal-start", "13", "--per", "fiscal-year" }, "--fiscal-start: '13' is not a month (write 1 to 12, or jan to dec).", "saleskpi report")]
    [InlineData(new[] { "report", "--fiscal-start", "4" }, "--fiscal-start is the start of fiscal periods: give --per fiscal-quarter or --per fiscal-year with it (--per is none).", "saleskpi report")]
    public void MistypedWord_IsBadUsageWithTheClosestRightOneInTheToolsWords(string[] args, string message, string command)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"saleskpi: bad usage: {message}\nRun '{command} --help' for the options.\n", result.Error);
    }

    [Fact]
    public void MistypedValue_ALongOne_IsQuotedCutShort()
    {
        var result = Cli.Run("report", "--by", new string('x', 10_000));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--by: '{new string('x', 64)}…' is not a grouping", result.Error);
        Assert.True(result.Error.Length < 300, result.Error);
    }

    [Fact]
    public void MistypedValue_WithControlCharacters_IsPrintedHarmlessly()
    {
        var result = Cli.Run("report", "--by", "rep\u001b[31m");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Error);
    }

    [Theory]
    [InlineData("4", "April")]
    [InlineData("apr", "April")]
    [InlineData("April", "April")]
    [InlineData("OCT", "October")]
    [InlineData("12", "December")]
    public void Report_FiscalStart_TakesAMonthNumberOrName(string month, string name)
    {
        var result = Cli.Run("report", "--per", "fiscal-year", "--fiscal-start", month, "--kpi", "revenue");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"per fiscal year (from {name})", result.Output);
    }
}
