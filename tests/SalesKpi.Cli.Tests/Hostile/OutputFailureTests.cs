namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: outputs that cannot be written. A full disk or a closed standard output ends with exit 1 and one line
/// on stderr; a closed stderr changes nothing but the messages; a reader that stops early ends the run quietly.
/// </summary>
public class OutputFailureTests
{
    [Fact]
    public void Regression_Report_StdoutToAFullDisk_ExitsOneWithOneLineInsteadOfAnInternalErrorWithAStackTrace()
    {
        // Used to end with exit 70 and "saleskpi: internal error: System.IO.IOException: No space left on device" and a stack trace.
        var result = ToolProcess.Shell("saleskpi report > /dev/full");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("saleskpi: cannot write to standard output: No space left on device\n", result.Error);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("table")]
    public void Report_EveryFormatToAFullDisk_ExitsOneWithOneLine(string format)
    {
        var result = ToolProcess.Shell($"saleskpi report --by rep --per week --format {format} > /dev/full");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("saleskpi: cannot write to standard output: No space left on device\n", result.Error);
    }

    [Fact]
    public void Regression_Report_ClosedStdout_ExitsOneNamingTheClosedStreamInsteadOfAnInternalError()
    {
        var result = ToolProcess.Shell("saleskpi report >&-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("saleskpi: cannot write to standard output: Bad file descriptor (is it closed?)\n", result.Error);
    }

    [Fact]
    public void Regression_Report_ClosedStderrAndBadUsage_ExitsTwoInsteadOfAborting()
    {
        // Used to abort (exit 134) when the usage error could not be written to the closed stderr.
        var result = ToolProcess.Shell("saleskpi report --by region 2>&-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Report_ClosedStderr_StillWritesTheReport()
    {
        var result = ToolProcess.Shell("saleskpi report --kpi calls 2>&-");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("SalesKpi report: embedded sample\n", result.Output);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("table")]
    public void Report_ReaderClosesThePipeEarly_EndsQuietlyWithExitZero(string format)
    {
        // Per rep and week the embedded sample's report is megabytes, far more than a pipe holds, so head closes the pipe
        // while the tool still writes. pipefail makes the pipeline's status the tool's when it is not zero.
        var result = ToolProcess.Shell($"set -o pipefail; saleskpi report --by rep --per week --format {format} | head -c 100 > /dev/null");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }
}
