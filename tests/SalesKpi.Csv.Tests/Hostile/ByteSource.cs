using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>A data set of files held as raw bytes (any encoding, any damage), named <c>mem/&lt;file&gt;</c> in messages.</summary>
internal sealed class ByteSource(IReadOnlyDictionary<string, byte[]> files) : CsvSource
{
    /// <summary>The longest an import of a few kilobytes may take before the test calls it a hang.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(1);

    public override string Description => "mem";

    public override bool Exists(string fileName) => files.ContainsKey(fileName);

    public override Stream Open(string fileName) => new MemoryStream(files[fileName], writable: false);

    public override long? LengthOf(string fileName) => files[fileName].Length;

    public override string Describe(string fileName) => "mem/" + fileName;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Imports one file, failing the test if the import does not end within <see cref="HangLimit"/>.</summary>
    public static Outcome Run(string fileName, byte[] bytes, CsvErrorMode mode = CsvErrorMode.Fail) =>
        Run(new Dictionary<string, byte[]> { [fileName] = bytes }, mode);

    /// <summary>Imports a data set on another thread and returns its result or the exception it threw; a hang fails the test.</summary>
    /// <remarks>This is a hang check, not a timing assertion: the limit is orders of magnitude above the time an import of
    /// a few kilobytes takes.</remarks>
    public static Outcome Run(IReadOnlyDictionary<string, byte[]> files, CsvErrorMode mode = CsvErrorMode.Fail, CsvMapping? mapping = null)
    {
        var task = Task.Run(() =>
        {
            try
            {
                return new Outcome(new CsvImporter(new CsvImportOptions { OnError = mode, Mapping = mapping }).Import(new ByteSource(files)), null);
            }
#pragma warning disable CA1031 // The test classifies every exception: any type other than CsvImportException fails it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new Outcome(null, e);
            }
        });
        Assert.True(task.Wait(HangLimit), $"the import did not end within {HangLimit}: a hang");
        return task.Result;
    }

    /// <summary>Imports a single file that must fail, and returns where and why.</summary>
    public static CsvRejection Fails(string fileName, byte[] bytes)
    {
        var outcome = Run(fileName, bytes);
        var error = Assert.IsType<CsvImportException>(outcome.Error);
        return Assert.IsType<CsvRejection>(error.Rejection);
    }

    /// <summary>Imports a single file that must succeed under <see cref="CsvErrorMode.Fail"/>.</summary>
    public static CsvImportResult Succeeds(string fileName, byte[] bytes)
    {
        var outcome = Run(fileName, bytes);
        Assert.True(outcome.Error is null, outcome.Error?.ToString());
        return outcome.Result!;
    }
}

/// <summary>What an import ended in: a result or an exception.</summary>
internal sealed record Outcome(CsvImportResult? Result, Exception? Error);
