using System.Collections.Immutable;
using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>
/// What became of the rows of one file read into one SalesKpi file: every row is a record, a rejection, a row skipped
/// by a rule of the mapping (with its reason), or a row another target of the mapping takes.
/// </summary>
/// <remarks>
/// <para><see cref="Rows"/> = <see cref="Records"/> + <see cref="Rejected"/> + the counts of <see cref="Skipped"/> +
/// <see cref="NotSelected"/>: nothing is left out unaccounted.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvFileReport
{
    internal CsvFileReport(string file, string target, long rows, long records, long rejected, long notSelected, ImmutableArray<CsvSkipCount> skipped)
    {
        File = file;
        Target = target;
        Rows = rows;
        Records = records;
        Rejected = rejected;
        NotSelected = notSelected;
        Skipped = skipped;
    }

    /// <summary>Gets the file read, as shown to the user.</summary>
    public string File { get; }

    /// <summary>Gets the SalesKpi file its rows became, such as <c>opportunities.csv</c>.</summary>
    public string Target { get; }

    /// <summary>Gets the number of rows read, header excluded.</summary>
    public long Rows { get; }

    /// <summary>Gets the number of rows that became records.</summary>
    public long Records { get; }

    /// <summary>Gets the number of rows rejected (listed in <see cref="CsvImportResult.Rejections"/>).</summary>
    public long Rejected { get; }

    /// <summary>Gets the number of rows a mapping's <c>where</c> condition left to its other targets.</summary>
    public long NotSelected { get; }

    /// <summary>Gets the rows a mapping's <c>skip</c> rules left out, counted per reason.</summary>
    public ImmutableArray<CsvSkipCount> Skipped { get; }

    /// <summary>Returns a one-line summary, such as <c>data/leads.csv → leads.csv: 120 rows, 118 records, 2 rejected</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{File} → {Target}: {Rows} rows, {Records} records, {Rejected} rejected");
        foreach (var skip in Skipped)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {skip.Count} skipped ({skip.Reason})");
        }

        return NotSelected > 0 ? text + string.Create(CultureInfo.InvariantCulture, $", {NotSelected} not selected") : text;
    }
}

/// <summary>The number of rows a mapping's <c>skip</c> rule left out, and the rule's reason.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvSkipCount
{
    internal CsvSkipCount(string reason, long count)
    {
        Reason = reason;
        Count = count;
    }

    /// <summary>Gets the reason given by the rule.</summary>
    public string Reason { get; }

    /// <summary>Gets the number of rows the rule left out.</summary>
    public long Count { get; }

    /// <summary>Returns <c>count × reason</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} × {Reason}");
}
