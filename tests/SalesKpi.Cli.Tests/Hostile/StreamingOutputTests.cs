namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: reports too large to build in memory. JSON and CSV are written to the output as they are made, in
/// bounded pieces, so that no document is held whole (a JSON report past 2 GB used to fail).
/// </summary>
public class StreamingOutputTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void Regression_Report_LargeJsonOrCsv_IsWrittenInBoundedPiecesInsteadOfOneDocumentBuiltInMemory(string format)
    {
        // 10 reps x 53 weeks x 31 KPIs of the embedded sample: about 16,000 values, megabytes of output.
        var writer = new LargestWriteRecorder();
        var exitCode = CliApp.Run(
            ["report", "--by", "rep", "--per", "week", "--format", format],
            new CliConsole(writer, TextWriter.Null, IsInteractive: false, Width: CliConsole.DefaultWidth));

        Assert.Equal(0, exitCode);
        Assert.True(writer.Total > 1_000_000, $"the report is large: {writer.Total:N0} characters");
        Assert.True(writer.Largest <= 64 * 1024, $"the largest single write is {writer.Largest:N0} characters; the output must be streamed");
    }

    /// <summary>Records how much text was written, and the largest piece written at once.</summary>
    private sealed class LargestWriteRecorder : TextWriter
    {
        public long Total { get; private set; }

        public int Largest { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Record(1);

        public override void Write(char[] buffer, int index, int count) => Record(count);

        public override void Write(ReadOnlySpan<char> buffer) => Record(buffer.Length);

        public override void Write(string? value) => Record(value?.Length ?? 0);

        private void Record(int count)
        {
            Total += count;
            Largest = Math.Max(Largest, count);
        }
    }

    [Fact]
    public void Report_InterruptedWhileWriting_SaysTheOutputIsIncompleteAndExits130()
    {
        // The interruption arrives once the CSV has started: the run stops within 4,096 rows and says what was left.
        using var interruption = new CancellationTokenSource();
        var writer = new CancellingWriter(interruption);
        var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["report", "--by", "rep", "--per", "week", "--format", "csv"],
            new CliConsole(writer, error, IsInteractive: false, Width: CliConsole.DefaultWidth, Cancellation: interruption.Token));

        Assert.Equal(130, exitCode);
        Assert.Equal("saleskpi: interrupted; the output is incomplete.\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Report_InterruptedBeforeWriting_SaysNothingWasWritten()
    {
        using var interruption = new CancellationTokenSource();
        interruption.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = CliApp.Run(["report"], new CliConsole(output, error, IsInteractive: false, Width: CliConsole.DefaultWidth, Cancellation: interruption.Token));

        Assert.Equal(130, exitCode);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Equal("saleskpi: interrupted; nothing was written.\n", error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Cancels the run at the first text written to it.</summary>
    private sealed class CancellingWriter(CancellationTokenSource interruption) : StringWriter
    {
        public override void Write(string? value)
        {
            interruption.Cancel();
            base.Write(value);
        }
    }
}
