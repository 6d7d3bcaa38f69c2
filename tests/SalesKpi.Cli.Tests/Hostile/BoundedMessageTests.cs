using System.Text;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: inputs that would make error messages, or the work behind them, unbounded — a huge header line, a
/// huge field, thousands of columns, a mapping file in another encoding. Each ends in a short message at a line and
/// column.
/// </summary>
public sealed class BoundedMessageTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Regression_Report_HugeUnknownHeaderName_GivesAShortMessageInsteadOfOneAsLongAsTheHeader()
    {
        // A 500,000-character column name used to be quoted whole and compared, character by character, with every column
        // name for the "did you mean" (the 99 MB header of the issue took 23 s).
        File.WriteAllText(Path.Combine(_directory.Path, "reps.csv"), "id,name,team," + new string('x', 500_000) + "\nana,Ana,north,1\n");

        var result = Cli.Run("report", "--data", _directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(_directory.Path, "reps.csv")}:1:14: ", result.Error);
        Assert.True(result.Error.Length < 2_000, $"the message is {result.Error.Length:N0} characters");
    }

    [Fact]
    public void Report_MappedHeaderOfAHundredThousandColumns_GivesAShortMessage()
    {
        var header = string.Join(',', Enumerable.Range(0, 100_000).Select(i => "column" + i));
        File.WriteAllText(Path.Combine(_directory.Path, "export.csv"), header + "\n");
        var mapping = Path.Combine(_directory.Path, "mapping.json");
        File.WriteAllText(mapping, """{"files": [{"source": "export.csv", "target": "reps", "columns": {"id": "rep_id", "name": "name", "team": {"value": "north"}}}]}""");

        var result = Cli.Run("report", "--data", _directory.Path, "--mapping", mapping);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rep_id", result.Error);
        Assert.True(result.Error.Length < 2_000, $"the message is {result.Error.Length:N0} characters");
    }

    [Fact]
    public void Regression_Report_FieldPastTheLimit_IsARejectedRowAtItsLineAndColumnInsteadOfRunningOutOfMemory()
    {
        // The default limit is 1,048,576 characters a field; this name is 2,000,000. "ben,Ben,north" is line 3; the name
        // field of line 2 starts after "ana," at column 5.
        File.WriteAllText(Path.Combine(_directory.Path, "reps.csv"), "id,name,team\nana," + new string('n', 2_000_000) + ",north\nben,Ben,north\n");

        var strict = Cli.Run("report", "--data", _directory.Path);
        var report = Cli.Run("report", "--data", _directory.Path, "--on-error", "report", "--from", "2025-01-01", "--to", "2025-12-31", "--kpi", "calls", "--format", "json");

        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(_directory.Path, "reps.csv")}:2:5: ", strict.Error);
        Assert.Contains("1,048,576", strict.Error);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("\"reps\": 1", report.Output);
        Assert.True(report.Error.Length < 2_000);
    }

    [Fact]
    public void Regression_Report_Latin1MappedFile_FailsAtTheBadByteInsteadOfImportingNothingWithExitZero()
    {
        // "ana,Jos" is 7 characters: the Latin-1 é (0xE9) is line 2, column 8.
        File.WriteAllBytes(Path.Combine(_directory.Path, "export.csv"), Encoding.Latin1.GetBytes("id,name\nana,José\n"));
        var mapping = Path.Combine(_directory.Path, "mapping.json");
        File.WriteAllText(mapping, """{"files": [{"source": "export.csv", "target": "reps", "columns": {"id": "id", "name": "name", "team": {"value": "north"}}}]}""");

        var result = Cli.Run("report", "--data", _directory.Path, "--mapping", mapping);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(_directory.Path, "export.csv")}:2:8: the file is not valid UTF-8: the bytes 0xE9", result.Error);
        // Bytes that are not text fail the file in every mode, so --on-error report is no way out and is not suggested.
        Assert.DoesNotContain("--on-error report", result.Error);
    }

    [Fact]
    public void Regression_Report_Latin1MappingFile_IsBadUsageAtTheBadByteInsteadOfReplacingIt()
    {
        // The mapping's description holds a Latin-1 é: line 1; {"description": " is 17 characters, "Jos" 3 more: column 21.
        _directory.Write("export.csv", "id,name\nana,Ana");
        var mapping = Path.Combine(_directory.Path, "mapping.json");
        File.WriteAllBytes(mapping, Encoding.Latin1.GetBytes("""{"description": "José", "files": [{"source": "export.csv", "target": "reps", "columns": {"id": "id", "name": "name", "team": {"value": "north"}}}]}"""));

        var result = Cli.Run("report", "--data", _directory.Path, "--mapping", mapping);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad usage: --mapping: {mapping}:1:21: ", result.Error);
        Assert.Contains("not valid UTF-8", result.Error);
    }
}
