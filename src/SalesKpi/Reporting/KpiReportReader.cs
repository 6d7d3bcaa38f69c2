using System.Collections.Immutable;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// A report finished as it is read: its periods and groups are known at once, and each row is made when
/// <see cref="ReadRows"/> reaches it and is not kept, so that a report of millions of values can be written to a file
/// or a response without being held in memory.
/// </summary>
/// <remarks>
/// <para>Get one from <see cref="KpiAccumulation.ToReader"/> or <see cref="KpiEvaluator.EvaluateRows(SalesData, KpiQuery)"/>. The rows come
/// in the order of <see cref="KpiReport.Rows"/> — by group (<see cref="Groups"/> order), then period, then KPI (query
/// order) — with the same values. They can be read once; dispose the reader to release its buffers early when the rows
/// are not read to the end. Use <see cref="KpiReport"/> (<see cref="KpiAccumulation.ToReport()"/>) to look values up, compare
/// peers or follow trends.</para>
/// </remarks>
/// <example>
/// <code>
/// using var reader = evaluator.EvaluateRows(data, query);
/// foreach (var row in reader.ReadRows())
/// {
///     writer.WriteLine($"{row.Group},{row.Period.Label},{row.KpiId},{row.Value.Value}");
/// }
/// </code>
/// </example>
/// <threadsafety>A reader is read by one thread at a time.</threadsafety>
public sealed class KpiReportReader : IDisposable
{
    private IEnumerable<KpiReportRow>? _rows;
    private Action? _release;

    internal KpiReportReader(KpiQuery query, KpiSettings settings, ImmutableArray<KpiPeriod> periods, ImmutableArray<string> groups, IEnumerable<KpiReportRow> rows, Action release)
    {
        Query = query;
        Settings = settings;
        Periods = periods;
        Groups = groups;
        _rows = rows;
        _release = release;
    }

    /// <summary>Gets the query evaluated.</summary>
    public KpiQuery Query { get; }

    /// <summary>Gets the settings used.</summary>
    public KpiSettings Settings { get; }

    /// <summary>Gets the periods, in order.</summary>
    public ImmutableArray<KpiPeriod> Periods { get; }

    /// <summary>Gets the group keys, in order (ordinal, <see cref="KpiGrouping.NoKey"/> last).</summary>
    public ImmutableArray<string> Groups { get; }

    /// <summary>Gets the number of rows: groups × periods × KPIs.</summary>
    public long RowCount => (long)Groups.Length * Periods.Length * Query.Kpis.Length;

    /// <summary>Returns the rows, each finished when the enumeration reaches it.</summary>
    /// <returns>The rows, in report order; they can be enumerated once.</returns>
    /// <exception cref="InvalidOperationException">The rows were already read, or the reader was disposed.</exception>
    public IEnumerable<KpiReportRow> ReadRows()
    {
        var rows = _rows;
        Preconditions.CheckState(rows is not null, "The rows of a KpiReportReader can be read once; evaluate again, or use a KpiReport, to read them twice.");
        _rows = null;
        return rows;
    }

    /// <summary>Releases the buffers of the rows not read.</summary>
    public void Dispose()
    {
        _rows = null;
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
