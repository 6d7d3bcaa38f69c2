using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Reps;

namespace SalesKpi.Engine;

/// <summary>
/// A collection of a snapshot kept as columns rather than objects: what <see cref="SalesDataBuilder"/> makes of the
/// records it is given. The engine scans the columns; the record objects are made again, equal to the ones added, only
/// when something asks for them (a custom KPI, a lookup by identifier, an equality test).
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class RecordTable<T>
    where T : class
{
    /// <summary>Gets the number of records.</summary>
    public abstract int Count { get; }

    /// <summary>Gets the latest instant any record of the table holds, or null when none.</summary>
    public abstract Instant? Latest { get; }

    /// <summary>Makes the record at an index.</summary>
    public abstract T this[int index] { get; }

    /// <summary>Makes every record, in the order they were added.</summary>
    public ImmutableArray<T> Materialize()
    {
        var records = new T[Count];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = this[i];
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(records);
    }
}

/// <summary>A column being filled one value at a time, in chunks, so that it never copies itself to grow.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ColumnBuilder<T>
{
    private const int ChunkLength = 1 << 14;

    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used;

    /// <summary>Gets the number of values added.</summary>
    public int Count { get; private set; }

    public void Add(T value)
    {
        if (_used == _current.Length)
        {
            _current = new T[ChunkLength];
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    /// <summary>Returns the values as one array of their exact length, letting go of the chunks as they are copied.</summary>
    public T[] ToArray()
    {
        var array = new T[Count];
        var at = 0;
        for (var c = 0; c < _chunks.Count; c++)
        {
            var length = Math.Min(ChunkLength, Count - at);
            _chunks[c].AsSpan(0, length).CopyTo(array.AsSpan(at));
            _chunks[c] = [];
            at += length;
        }

        _chunks.Clear();
        _current = [];
        _used = 0;
        return array;
    }
}

/// <summary>
/// Instants as ticks since the Unix epoch (<see cref="SnapshotColumns.NoTicks"/> when absent), the column the engine
/// scans, and the nanoseconds below a tick (0 to 99), kept only once some instant has any.
/// </summary>
internal sealed class InstantColumn
{
    private readonly byte[]? _belowTick;

    public InstantColumn(long[] ticks, byte[]? belowTick)
    {
        Ticks = ticks;
        _belowTick = belowTick;
    }

    public long[] Ticks { get; }

    public Instant? this[int index]
    {
        get
        {
            var ticks = Ticks[index];
            if (ticks == SnapshotColumns.NoTicks)
            {
                return null;
            }

            var instant = Instant.FromUnixTimeTicks(ticks);
            return _belowTick is null ? instant : instant.PlusNanoseconds(_belowTick[index]);
        }
    }

    /// <summary>Gets the latest instant of the column, exact to the nanosecond, or null when every one is absent.</summary>
    public Instant? Latest
    {
        get
        {
            var at = -1;
            for (var i = 0; i < Ticks.Length; i++)
            {
                if (Ticks[i] != SnapshotColumns.NoTicks && (at < 0 || Ticks[i] > Ticks[at] || (Ticks[i] == Ticks[at] && _belowTick is not null && _belowTick[i] > _belowTick[at])))
                {
                    at = i;
                }
            }

            return at < 0 ? null : this[at];
        }
    }

    public sealed class Builder
    {
        private readonly ColumnBuilder<long> _ticks = new();
        private ColumnBuilder<byte>? _belowTick;

        public void Add(Instant? instant)
        {
            if (instant is not { } value)
            {
                _ticks.Add(SnapshotColumns.NoTicks);
                _belowTick?.Add(0);
                return;
            }

            var ticks = value.ToUnixTimeTicks();
            var below = (byte)(value - Instant.FromUnixTimeTicks(ticks)).ToInt64Nanoseconds();
            if (below != 0 && _belowTick is null)
            {
                _belowTick = new ColumnBuilder<byte>();
                for (var i = 0; i < _ticks.Count; i++)
                {
                    _belowTick.Add(0);
                }
            }

            _ticks.Add(ticks);
            _belowTick?.Add(below);
        }

        public InstantColumn Build() => new(_ticks.ToArray(), _belowTick?.ToArray());
    }
}

/// <summary>Dense codes for the distinct values of an open set (owners, kinds, sources), in order of first appearance.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class CodeBook<T>(IEqualityComparer<T> comparer)
    where T : notnull
{
    private readonly Dictionary<T, int> _codes = new(comparer);
    private readonly List<T> _values = [];

    public IReadOnlyList<T> Values => _values;

    public int Code(T value)
    {
        if (!_codes.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _codes.Add(value, code);
            _values.Add(value);
        }

        return code;
    }
}

/// <summary>
/// Codes for references to other records (0 for none), in order of first appearance; the same reference as the previous
/// one, which records read in order often have, is not looked up again.
/// </summary>
internal sealed class ReferenceCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string?> _values = [null];
    private string? _last;
    private int _lastCode;

    public int Code(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (ReferenceEquals(value, _last))
        {
            return _lastCode;
        }

        if (!_codes.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _codes.Add(value, code);
            _values.Add(value);
        }

        _last = value;
        _lastCode = code;
        return code;
    }

    public string?[] ToArray() => [.. _values];
}

/// <summary>Interns owners into dense codes from 1 (0 for none), in order of first appearance.</summary>
internal sealed class OwnerCodes
{
    private readonly ReferenceCodes _codes = new();

    public int Code(RepId? owner) => _codes.Code(owner?.Value);

    public RepId?[] ToArray() => [.. _codes.ToArray().Select(id => id is null ? (RepId?)null : new RepId(id))];
}

/// <summary>Activities as columns.</summary>
internal sealed class ActivityTable : RecordTable<SalesActivity>
{
    private ActivityTable(string[] ids, InstantColumn occurredAt, int[] owners, RepId?[] ownerIds, int[] kinds, SalesActivityKind[] kindValues, byte[] outcomes, int[] leads, string?[] leadValues, int[] opportunities, string?[] opportunityValues, int[] tools, string?[] toolValues, DimensionTable dimensions)
    {
        Ids = ids;
        OccurredAt = occurredAt;
        Owners = owners;
        OwnerIds = ownerIds;
        Kinds = kinds;
        KindValues = kindValues;
        Outcomes = outcomes;
        Leads = leads;
        LeadValues = leadValues;
        Opportunities = opportunities;
        OpportunityValues = opportunityValues;
        Tools = tools;
        ToolValues = toolValues;
        Dimensions = dimensions;
    }

    public override int Count => Ids.Length;

    public override Instant? Latest => OccurredAt.Latest;

    public string[] Ids { get; }

    public InstantColumn OccurredAt { get; }

    /// <summary>Gets each record's owner code, an index into <see cref="OwnerIds"/> (from 1: 0 is no owner, which an activity always has).</summary>
    public int[] Owners { get; }

    public RepId?[] OwnerIds { get; }

    /// <summary>Gets each record's kind code, an index into <see cref="KindValues"/> (the kind as written: codes are case-sensitive here).</summary>
    public int[] Kinds { get; }

    public SalesActivityKind[] KindValues { get; }

    public byte[] Outcomes { get; }

    /// <summary>Gets each record's lead code, an index into <see cref="LeadValues"/> (0: no lead): 4 bytes where a reference takes 8.</summary>
    public int[] Leads { get; }

    public string?[] LeadValues { get; }

    /// <summary>Gets each record's opportunity code, an index into <see cref="OpportunityValues"/> (0: no opportunity).</summary>
    public int[] Opportunities { get; }

    public string?[] OpportunityValues { get; }

    /// <summary>Gets each record's tool code, an index into <see cref="ToolValues"/> (0: no tool).</summary>
    public int[] Tools { get; }

    public string?[] ToolValues { get; }

    /// <summary>Gets the records' own dimensions, one code column per name.</summary>
    public DimensionTable Dimensions { get; }

    public override SalesActivity this[int index] => new(
        new ActivityId(Ids[index]),
        KindValues[Kinds[index]],
        OwnerIds[Owners[index]]!.Value,
        OccurredAt[index]!.Value,
        (ActivityOutcomes)Outcomes[index],
        LeadValues[Leads[index]] is { } lead ? new LeadId(lead) : null,
        OpportunityValues[Opportunities[index]] is { } opportunity ? new Opportunities.OpportunityId(opportunity) : null,
        ToolValues[Tools[index]],
        Dimensions[index]);

    public sealed class Builder
    {
        private readonly ColumnBuilder<string> _ids = new();
        private readonly InstantColumn.Builder _occurredAt = new();
        private readonly ColumnBuilder<int> _owners = new();
        private readonly OwnerCodes _ownerIds = new();
        private readonly ColumnBuilder<int> _kinds = new();
        private readonly CodeBook<string> _kindNames = new(StringComparer.Ordinal);
        private readonly List<SalesActivityKind> _kindValues = [];
        private readonly ColumnBuilder<byte> _outcomes = new();
        private readonly ColumnBuilder<int> _leads = new();
        private readonly ReferenceCodes _leadValues = new();
        private readonly ColumnBuilder<int> _opportunities = new();
        private readonly ReferenceCodes _opportunityValues = new();
        private readonly ColumnBuilder<int> _tools = new();
        private readonly ReferenceCodes _toolValues = new();
        private readonly DimensionTable.Builder _dimensions = new();
        private string? _lastKind;
        private int _lastKindCode;

        public int Count => _ids.Count;

        public void Add(SalesActivity activity) =>
            Add(activity.Id, activity.Kind, activity.Owner, activity.OccurredAt, activity.Outcomes, activity.Lead, activity.Opportunity, activity.Tool, activity.Dimensions);

        /// <summary>Adds an activity's values, checked by the caller (<see cref="SalesActivity.Check"/>).</summary>
        public void Add(ActivityId id, SalesActivityKind kind, RepId owner, Instant occurredAt, ActivityOutcomes outcomes, LeadId? lead, Opportunities.OpportunityId? opportunity, string? tool, Dimensions? dimensions)
        {
            _ids.Add(id.Value);
            _occurredAt.Add(occurredAt);
            _owners.Add(_ownerIds.Code(owner));
            var name = kind.Name;
            if (!ReferenceEquals(name, _lastKind))
            {
                _lastKindCode = _kindNames.Code(name);
                if (_lastKindCode == _kindValues.Count)
                {
                    _kindValues.Add(kind);
                }

                _lastKind = name;
            }

            _kinds.Add(_lastKindCode);
            _outcomes.Add((byte)outcomes);
            _leads.Add(_leadValues.Code(lead?.Value));
            _opportunities.Add(_opportunityValues.Code(opportunity?.Value));
            _tools.Add(_toolValues.Code(tool));
            _dimensions.Add(dimensions);
        }

        public ActivityTable Build() => new(
            _ids.ToArray(),
            _occurredAt.Build(),
            _owners.ToArray(),
            _ownerIds.ToArray(),
            _kinds.ToArray(),
            [.. _kindValues],
            _outcomes.ToArray(),
            _leads.ToArray(),
            _leadValues.ToArray(),
            _opportunities.ToArray(),
            _opportunityValues.ToArray(),
            _tools.ToArray(),
            _toolValues.ToArray(),
            _dimensions.Build());
    }
}

/// <summary>Leads as columns.</summary>
internal sealed class LeadTable : RecordTable<Lead>
{
    private LeadTable(string[] ids, InstantColumn createdAt, InstantColumn qualifiedAt, InstantColumn convertedAt, int[] sources, string[] sourceValues, int[] owners, RepId?[] ownerIds, DimensionTable dimensions)
    {
        Ids = ids;
        CreatedAt = createdAt;
        QualifiedAt = qualifiedAt;
        ConvertedAt = convertedAt;
        Sources = sources;
        SourceValues = sourceValues;
        Owners = owners;
        OwnerIds = ownerIds;
        Dimensions = dimensions;
    }

    public override int Count => Ids.Length;

    public override Instant? Latest
    {
        get
        {
            Instant? latest = null;
            foreach (var instant in (ReadOnlySpan<Instant?>)[CreatedAt.Latest, QualifiedAt.Latest, ConvertedAt.Latest])
            {
                if (instant > latest || latest is null)
                {
                    latest = instant;
                }
            }

            return latest;
        }
    }

    public string[] Ids { get; }

    public InstantColumn CreatedAt { get; }

    public InstantColumn QualifiedAt { get; }

    public InstantColumn ConvertedAt { get; }

    /// <summary>Gets each record's source code, an index into <see cref="SourceValues"/>.</summary>
    public int[] Sources { get; }

    public string[] SourceValues { get; }

    /// <summary>Gets each record's owner code, an index into <see cref="OwnerIds"/> (0: no owner).</summary>
    public int[] Owners { get; }

    public RepId?[] OwnerIds { get; }

    /// <summary>Gets the records' own dimensions, one code column per name.</summary>
    public DimensionTable Dimensions { get; }

    public override Lead this[int index] => new(
        new LeadId(Ids[index]),
        CreatedAt[index]!.Value,
        SourceValues[Sources[index]],
        OwnerIds[Owners[index]],
        QualifiedAt[index],
        ConvertedAt[index],
        Dimensions[index]);

    public sealed class Builder
    {
        private readonly ColumnBuilder<string> _ids = new();
        private readonly InstantColumn.Builder _createdAt = new();
        private readonly InstantColumn.Builder _qualifiedAt = new();
        private readonly InstantColumn.Builder _convertedAt = new();
        private readonly ColumnBuilder<int> _sources = new();
        private readonly CodeBook<string> _sourceValues = new(StringComparer.Ordinal);
        private readonly ColumnBuilder<int> _owners = new();
        private readonly OwnerCodes _ownerIds = new();
        private readonly DimensionTable.Builder _dimensions = new();

        public int Count => _ids.Count;

        public void Add(Lead lead) => Add(lead.Id, lead.CreatedAt, lead.Source, lead.Owner, lead.QualifiedAt, lead.ConvertedAt, lead.Dimensions);

        /// <summary>Adds a lead's values, checked by the caller (<see cref="Lead.Check"/>).</summary>
        public void Add(LeadId id, Instant createdAt, string source, RepId? owner, Instant? qualifiedAt, Instant? convertedAt, Dimensions? dimensions)
        {
            _ids.Add(id.Value);
            _createdAt.Add(createdAt);
            _qualifiedAt.Add(qualifiedAt);
            _convertedAt.Add(convertedAt);
            _sources.Add(_sourceValues.Code(source));
            _owners.Add(_ownerIds.Code(owner));
            _dimensions.Add(dimensions);
        }

        public LeadTable Build() => new(
            _ids.ToArray(),
            _createdAt.Build(),
            _qualifiedAt.Build(),
            _convertedAt.Build(),
            _sources.ToArray(),
            [.. _sourceValues.Values],
            _owners.ToArray(),
            _ownerIds.ToArray(),
            _dimensions.Build());
    }
}

/// <summary>
/// The dimensions of a table's records, dictionary-encoded: one code column per dimension name (0: the record does not
/// carry it), each an index into that name's values — not one <see cref="Dimensions"/> object per record.
/// </summary>
internal sealed class DimensionTable
{
    private DimensionTable(string[] names, int[][] codes, string?[][] values)
    {
        Names = names;
        Codes = codes;
        Values = values;
    }

    /// <summary>Gets a table of records none of which carries a dimension.</summary>
    public static DimensionTable None { get; } = new([], [], []);

    /// <summary>Gets the names, sorted as <see cref="Dimensions"/> sorts them, each spelt as first written.</summary>
    public string[] Names { get; }

    /// <summary>Gets, per name, each record's value code: an index into <see cref="Values"/> of that name (0: not set).</summary>
    public int[][] Codes { get; }

    /// <summary>Gets, per name, the value of each code (null for code 0).</summary>
    public string?[][] Values { get; }

    /// <summary>Returns the index of a name (compared ignoring case), or -1 when no record carries it.</summary>
    public int IndexOf(string name) => Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes the dimensions of the record at an index.</summary>
    public Dimensions this[int index]
    {
        get
        {
            var count = 0;
            for (var d = 0; d < Names.Length; d++)
            {
                count += Codes[d][index] == 0 ? 0 : 1;
            }

            if (count == 0)
            {
                return Dimensions.Empty;
            }

            var names = new string[count];
            var values = new string[count];
            var at = 0;
            for (var d = 0; d < Names.Length; d++)
            {
                if (Values[d][Codes[d][index]] is { } value)
                {
                    names[at] = Names[d];
                    values[at++] = value;
                }
            }

            return Dimensions.FromSorted(names, values);
        }
    }

    public sealed class Builder
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _names = [];
        private readonly List<ColumnBuilder<int>> _codes = [];
        private readonly List<ReferenceCodes> _values = [];
        private int _count;

        /// <summary>Adds the dimensions of the next record (null: none).</summary>
        public void Add(Dimensions? dimensions)
        {
            if (dimensions is { Count: > 0 })
            {
                foreach (var (name, _) in dimensions)
                {
                    if (!_index.ContainsKey(name))
                    {
                        // A name first seen now: the records before did not carry it.
                        var column = new ColumnBuilder<int>();
                        for (var i = 0; i < _count; i++)
                        {
                            column.Add(0);
                        }

                        _index.Add(name, _names.Count);
                        _names.Add(name);
                        _codes.Add(column);
                        _values.Add(new ReferenceCodes());
                    }
                }
            }

            for (var d = 0; d < _names.Count; d++)
            {
                _codes[d].Add(_values[d].Code(dimensions?.ValueOf(_names[d])));
            }

            _count++;
        }

        public DimensionTable Build()
        {
            if (_names.Count == 0)
            {
                return None;
            }

            var order = Enumerable.Range(0, _names.Count).Order(Comparer<int>.Create((a, b) => StringComparer.OrdinalIgnoreCase.Compare(_names[a], _names[b]))).ToArray();
            return new(
                [.. order.Select(d => _names[d])],
                [.. order.Select(d => _codes[d].ToArray())],
                [.. order.Select(d => _values[d].ToArray())]);
        }
    }
}
