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
}
