using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace SalesKpi.Engine;

/// <summary>
/// One collection of a snapshot: its records as objects, or as a <see cref="RecordTable{T}"/> whose objects are made on
/// first use; and its compact columns, built once on first use. Copies of a snapshot that keep the collection share
/// this object, so they share its columns and its objects.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <typeparam name="TColumns">The columns the engine scans.</typeparam>
internal sealed class Records<T, TColumns>
    where T : class
    where TColumns : class
{
    private readonly RecordTable<T>? _table;
    private readonly Func<ImmutableArray<T>>? _make;
    private readonly int _estimate;
    private readonly ColumnCache<TColumns> _columns;
    private readonly Lock _lock = new();
    private T[]? _objects;

    /// <summary>Initializes a collection of objects.</summary>
    public Records(ImmutableArray<T> records, Func<ImmutableArray<T>, TColumns> columns)
    {
        _objects = ImmutableCollectionsMarshal.AsArray(records) ?? [];
        _columns = new(() => columns(records));
    }

    /// <summary>Initializes a collection whose records are made on first use, such as the records of a snapshot as of an
    /// instant (<see cref="SalesData.AsOf"/>): a KPI that never reads the collection never pays for it.</summary>
    /// <param name="make">Makes the records.</param>
    /// <param name="estimate">How many records there are at most, known without making them (<see cref="Estimate"/>).</param>
    /// <param name="columns">Builds the columns.</param>
    public Records(Func<ImmutableArray<T>> make, int estimate, Func<ImmutableArray<T>, TColumns> columns)
    {
        _make = make;
        _estimate = estimate;
        _columns = new(() => columns(Objects));
    }

    /// <summary>Initializes a collection kept as a table.</summary>
    public Records(RecordTable<T> table, Func<RecordTable<T>, TColumns> columns)
    {
        _table = table;
        _columns = new(() => columns(table));
    }

    /// <summary>Gets the table the records are kept as, or null when they were given as objects.</summary>
    public RecordTable<T>? Table => _table;

    /// <summary>Gets the number of records, without making them.</summary>
    public int Count => _table?.Count ?? Objects.Length;

    /// <summary>Gets the number of records when known without making them, else an upper bound: what sizes the partitions
    /// of an evaluation, which should not make a collection it does not read.</summary>
    public int Estimate => Volatile.Read(ref _objects) is { } made ? made.Length : _table?.Count ?? _estimate;

    /// <summary>Gets a value indicating whether the record objects exist (given, or made since).</summary>
    public bool HasObjects => Volatile.Read(ref _objects) is not null;

    /// <summary>Gets the records, making them from the table the first time.</summary>
    public ImmutableArray<T> Objects => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _objects) ?? Materialize());

    /// <summary>Returns the latest instant of the records: from the table's columns when the objects were never made.</summary>
    public NodaTime.Instant? Latest(Func<T, NodaTime.Instant?> latestOf)
    {
        if (_table is not null && !HasObjects)
        {
            return _table.Latest;
        }

        NodaTime.Instant? latest = null;
        foreach (var record in Objects)
        {
            if (latestOf(record) is { } instant && (latest is null || instant > latest))
            {
                latest = instant;
            }
        }

        return latest;
    }

    /// <summary>Gets the compact columns, built the first time.</summary>
    public TColumns Columns => _columns.Value;

    private T[] Materialize()
    {
        lock (_lock)
        {
            return _objects ??= ImmutableCollectionsMarshal.AsArray(_make is { } make ? make() : _table!.Materialize()) ?? [];
        }
    }
}
