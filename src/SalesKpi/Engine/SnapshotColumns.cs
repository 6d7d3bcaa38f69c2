using System.Collections.Immutable;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Engine;

/// <summary>
/// The compact, columnar form of one collection of a <see cref="SalesData"/> snapshot that the fast engine scans:
/// timestamps as <see cref="long"/> ticks since the Unix epoch (<see cref="NoTicks"/> when absent) and one 32-bit key
/// per record holding a dense owner code and a code of the record's traits: owner &lt;&lt; <see cref="TraitBits"/> | trait.
/// The keys are dense, so a table over them (owners × trait codes) replaces two look-ups per record with one.
/// </summary>
/// <remarks>
/// <para>Owner codes are dense per collection, in order of first appearance, with 0 for "no owner"; trait codes intern
/// the open sets (activity kinds, lead sources). When a collection has more distinct owners or traits than a key can
/// hold, <see cref="Usable"/> is false and the KPIs that read it run on the general engine.</para>
/// <para>Instants are truncated to ticks (100 ns). Period boundaries and zone transitions are whole seconds, so
/// comparing truncated ticks with them decides exactly what comparing the instants would.</para>
/// </remarks>
internal abstract class SnapshotColumns
{
    /// <summary>The tick value of an absent timestamp; it is outside every period.</summary>
    public const long NoTicks = long.MinValue;

    /// <summary>The most owners a collection's key can hold (code 0 is "no owner").</summary>
    public const int MaxOwners = 0xFFFF;

    protected SnapshotColumns(int count, uint[] keys, RepId?[] owners, bool usable, int traitCodes)
    {
        Count = count;
        Keys = keys;
        Owners = owners;
        Usable = usable;
        TraitBits = traitCodes <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)traitCodes - 1);

        // The loop that filled the keys put the trait in the low 16 bits; pack them now that the number of traits is known.
        if (usable && TraitBits < 16)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((keys[i] >> 16) << TraitBits) | (keys[i] & 0xFFFF);
            }
        }
    }

    /// <summary>Gets the number of records.</summary>
    public int Count { get; }

    /// <summary>Gets the number of low bits of a key that hold the trait code.</summary>
    public int TraitBits { get; }

    /// <summary>Gets the mask of the trait code in a key.</summary>
    public uint TraitMask => (1u << TraitBits) - 1;

    /// <summary>Gets the key of each record: owner code &lt;&lt; <see cref="TraitBits"/> | trait code.</summary>
    public uint[] Keys { get; }

    /// <summary>Gets the owner of each owner code; null for code 0 (no owner).</summary>
    public RepId?[] Owners { get; }

    /// <summary>Gets a value indicating whether the columns can be scanned (the codes fit in the keys).</summary>
    public bool Usable { get; }

    /// <summary>Gets the number of distinct trait codes a key's low 16 bits can take in this collection.</summary>
    public abstract int TraitCodes { get; }

    protected static long Ticks(NodaTime.Instant instant) => instant.ToUnixTimeTicks();

    protected static long Ticks(NodaTime.Instant? instant) => instant is { } i ? i.ToUnixTimeTicks() : NoTicks;
}

/// <summary>Activities: occurred-at ticks; trait code = kind code &lt;&lt; 6 | outcome flags (six).</summary>
internal sealed class ActivityColumns : SnapshotColumns
{
    /// <summary>The bits of a trait code below the kind code: one per outcome flag (<see cref="ActivityOutcomes"/>).</summary>
    public const int OutcomeBits = 6;

    private const int MaxKinds = 1 << (16 - OutcomeBits);

    private ActivityColumns(int count, uint[] keys, RepId?[] owners, bool usable, long[] occurredAt, SalesActivityKind[] kinds)
        : base(count, keys, owners, usable, kinds.Length << OutcomeBits)
    {
        OccurredAt = occurredAt;
        Kinds = kinds;
    }

    public long[] OccurredAt { get; }

    /// <summary>Gets the kind of each kind code (the first spelling seen; kinds compare ignoring case).</summary>
    public SalesActivityKind[] Kinds { get; }

    public override int TraitCodes => Kinds.Length << OutcomeBits;

    public static ActivityColumns Build(ImmutableArray<SalesActivity> activities)
    {
        var n = activities.Length;
        var ticks = new long[n];
        var keys = new uint[n];
        var owners = new OwnerCodes();
        var kindCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var kinds = new List<SalesActivityKind>();
        string? lastKind = null;
        var lastKindCode = 0;
        var usable = true;
        for (var i = 0; i < n; i++)
        {
            var activity = activities[i];
            ticks[i] = Ticks(activity.OccurredAt);
            var owner = owners.Code(activity.Owner);
            var name = activity.Kind.Name;
            if (!ReferenceEquals(name, lastKind))
            {
                if (!kindCodes.TryGetValue(name, out lastKindCode))
                {
                    lastKindCode = kinds.Count;
                    kindCodes.Add(name, lastKindCode);
                    kinds.Add(activity.Kind);
                }

                lastKind = name;
            }

            if (owner > MaxOwners || lastKindCode >= MaxKinds)
            {
                usable = false;
                break;
            }

            keys[i] = ((uint)owner << 16) | ((uint)lastKindCode << OutcomeBits) | (uint)activity.Outcomes;
        }

        return new(n, keys, owners.ToArray(), usable, ticks, [.. kinds]);
    }

    /// <summary>Builds the columns of activities kept as a table: the same codes the records would give, sharing its ticks.</summary>
    public static ActivityColumns Build(ActivityTable table)
    {
        // Kinds compare ignoring case: the table's kinds are as written, in order of first appearance, so the first
        // spelling of each kind comes first and takes the code the records would give it.
        var kindCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var kinds = new List<SalesActivityKind>();
        var codeOf = new int[table.KindValues.Length];
        for (var k = 0; k < codeOf.Length; k++)
        {
            var kind = table.KindValues[k];
            if (!kindCodes.TryGetValue(kind.Name, out codeOf[k]))
            {
                codeOf[k] = kinds.Count;
                kindCodes.Add(kind.Name, codeOf[k]);
                kinds.Add(kind);
            }
        }

        var n = table.Count;
        var keys = new uint[n];
        var usable = table.OwnerIds.Length - 1 <= MaxOwners && kinds.Count <= MaxKinds;
        if (usable)
        {
            var owners = table.Owners;
            var tableKinds = table.Kinds;
            var outcomes = table.Outcomes;
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((uint)owners[i] << 16) | ((uint)codeOf[tableKinds[i]] << OutcomeBits) | outcomes[i];
            }
        }

        return new(n, keys, table.OwnerIds, usable, table.OccurredAt.Ticks, [.. kinds]);
    }
}

/// <summary>Leads: created, qualified and converted ticks; trait code = source code &lt;&lt; 2 | qualified &lt;&lt; 1 | converted.</summary>
internal sealed class LeadColumns : SnapshotColumns
{
    private const int MaxSources = 1 << 14;

    private LeadColumns(int count, uint[] keys, RepId?[] owners, bool usable, long[] created, long[] qualified, long[] converted, string[] sources)
        : base(count, keys, owners, usable, sources.Length << 2)
    {
        CreatedAt = created;
        QualifiedAt = qualified;
        ConvertedAt = converted;
        Sources = sources;
    }

    public long[] CreatedAt { get; }

    public long[] QualifiedAt { get; }

    public long[] ConvertedAt { get; }

    /// <summary>Gets the source of each source code.</summary>
    public string[] Sources { get; }

    public override int TraitCodes => Sources.Length << 2;

    public static LeadColumns Build(ImmutableArray<Lead> leads)
    {
        var n = leads.Length;
        var created = new long[n];
        var qualified = new long[n];
        var converted = new long[n];
        var keys = new uint[n];
        var owners = new OwnerCodes();
        var sourceCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new List<string>();
        string? lastSource = null;
        var lastSourceCode = 0;
        var usable = true;
        for (var i = 0; i < n; i++)
        {
            var lead = leads[i];
            created[i] = Ticks(lead.CreatedAt);
            qualified[i] = Ticks(lead.QualifiedAt);
            converted[i] = Ticks(lead.ConvertedAt);
            var owner = owners.Code(lead.Owner);
            if (!ReferenceEquals(lead.Source, lastSource))
            {
                if (!sourceCodes.TryGetValue(lead.Source, out lastSourceCode))
                {
                    lastSourceCode = sources.Count;
                    sourceCodes.Add(lead.Source, lastSourceCode);
                    sources.Add(lead.Source);
                }

                lastSource = lead.Source;
            }

            if (owner > MaxOwners || lastSourceCode >= MaxSources)
            {
                usable = false;
                break;
            }

            var traits = (lastSourceCode << 2) | (lead.QualifiedAt.HasValue ? 2 : 0) | (lead.ConvertedAt.HasValue ? 1 : 0);
            keys[i] = ((uint)owner << 16) | (uint)traits;
        }

        return new(n, keys, owners.ToArray(), usable, created, qualified, converted, [.. sources]);
    }

    /// <summary>Builds the columns of leads kept as a table: the same codes the records would give, sharing its ticks.</summary>
    public static LeadColumns Build(LeadTable table)
    {
        var n = table.Count;
        var keys = new uint[n];
        var usable = table.OwnerIds.Length - 1 <= MaxOwners && table.SourceValues.Length <= MaxSources;
        if (usable)
        {
            var qualified = table.QualifiedAt.Ticks;
            var converted = table.ConvertedAt.Ticks;
            for (var i = 0; i < n; i++)
            {
                var traits = (table.Sources[i] << 2) | (qualified[i] != NoTicks ? 2 : 0) | (converted[i] != NoTicks ? 1 : 0);
                keys[i] = ((uint)table.Owners[i] << 16) | (uint)traits;
            }
        }

        return new(n, keys, table.OwnerIds, usable, table.CreatedAt.Ticks, table.QualifiedAt.Ticks, table.ConvertedAt.Ticks, table.SourceValues);
    }
}

/// <summary>Opportunities: created and closed ticks and amounts; trait code = status.</summary>
internal sealed class OpportunityColumns : SnapshotColumns
{
    private OpportunityColumns(int count, uint[] keys, RepId?[] owners, bool usable, long[] created, long[] closed, AmountColumn amounts, long minTicks, long maxTicks, long maxCycleTicks)
        : base(count, keys, owners, usable, 4)
    {
        CreatedAt = created;
        ClosedAt = closed;
        Amounts = amounts;
        MinTicks = minTicks;
        MaxTicks = maxTicks;
        MaxCycleTicks = maxCycleTicks;
    }

    /// <summary>Gets the longest time from creation to close of a closed opportunity, in ticks (0 when none is closed).</summary>
    public long MaxCycleTicks { get; }

    /// <summary>Gets the earliest timestamp of the collection (created or closed); greater than <see cref="MaxTicks"/> when empty.</summary>
    public long MinTicks { get; }

    /// <summary>Gets the latest timestamp of the collection (created or closed).</summary>
    public long MaxTicks { get; }

    public long[] CreatedAt { get; }

    public long[] ClosedAt { get; }

    public AmountColumn Amounts { get; }

    public override int TraitCodes => 4;

    public static OpportunityColumns Build(ImmutableArray<Opportunity> opportunities)
    {
        var n = opportunities.Length;
        var created = new long[n];
        var closed = new long[n];
        var amounts = new AmountColumn.Builder(n);
        var keys = new uint[n];
        var owners = new OwnerCodes();
        var usable = true;
        var min = long.MaxValue;
        var max = long.MinValue;
        var maxCycle = 0L;
        for (var i = 0; i < n; i++)
        {
            var o = opportunities[i];
            created[i] = Ticks(o.CreatedAt);
            closed[i] = Ticks(o.ClosedAt);
            min = Math.Min(min, created[i]);
            max = Math.Max(max, Math.Max(created[i], closed[i]));
            if (closed[i] != NoTicks)
            {
                maxCycle = Math.Max(maxCycle, closed[i] - created[i]);
            }

            amounts.Add(o.Amount);
            var owner = owners.Code(o.Owner);
            if (owner > MaxOwners)
            {
                usable = false;
                break;
            }

            keys[i] = ((uint)owner << 16) | (uint)o.Status;
        }

        return new(n, keys, owners.ToArray(), usable, created, closed, amounts.Build(), min, max, maxCycle);
    }
}

/// <summary>Deals: closed ticks and values; trait code = kind.</summary>
internal sealed class DealColumns : SnapshotColumns
{
    private DealColumns(int count, uint[] keys, RepId?[] owners, bool usable, long[] closed, AmountColumn values)
        : base(count, keys, owners, usable, 4)
    {
        ClosedAt = closed;
        Values = values;
    }

    public long[] ClosedAt { get; }

    public AmountColumn Values { get; }

    public override int TraitCodes => 4;

    public static DealColumns Build(ImmutableArray<Deal> deals)
    {
        var n = deals.Length;
        var closed = new long[n];
        var values = new AmountColumn.Builder(n);
        var keys = new uint[n];
        var owners = new OwnerCodes();
        var usable = true;
        for (var i = 0; i < n; i++)
        {
            var d = deals[i];
            closed[i] = Ticks(d.ClosedAt);
            values.Add(d.Value);
            var owner = owners.Code(d.Owner);
            if (owner > MaxOwners)
            {
                usable = false;
                break;
            }

            keys[i] = ((uint)owner << 16) | (uint)d.Kind;
        }

        return new(n, keys, owners.ToArray(), usable, closed, values.Build());
    }
}

/// <summary>
/// A column of amounts: the decimals, their currency and, when every amount has the same number of decimal places and
/// their sum cannot overflow, the same amounts as whole units of that scale (cents, say), which sum exactly as
/// <see cref="long"/>s and convert back to the very decimal that summing the decimals gives.
/// </summary>
internal sealed class AmountColumn
{
    private AmountColumn(decimal[] values, long[]? units, byte scale, AmountCurrency currency)
    {
        Values = values;
        Units = units;
        Scale = scale;
        Currency = currency;
    }

    public decimal[] Values { get; }

    /// <summary>Gets the amounts × 10^<see cref="Scale"/>, or null when they do not share a scale or could overflow a sum.</summary>
    public long[]? Units { get; }

    /// <summary>Gets the number of decimal places every amount has, when <see cref="Units"/> is not null.</summary>
    public byte Scale { get; }

    public AmountCurrency Currency { get; }

    /// <summary>Returns the decimal whose value is <paramref name="units"/> × 10^−<see cref="Scale"/>, with that scale (as summing the decimals gives).</summary>
    public decimal FromUnits(long units)
    {
        var magnitude = units < 0 ? (ulong)-units : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, Scale);
    }

    public sealed class Builder(int count)
    {
        private readonly decimal[] _values = new decimal[count];
        private AmountCurrency _currency;
        private int _count;
        private int _scale = -1;
        private bool _uniform = true;
        private decimal _largest;

        public void Add(Money amount)
        {
            var value = amount.Amount;
            _values[_count++] = value;
            _currency = _currency.With(amount.Currency);
            if (_scale < 0)
            {
                _scale = value.Scale;
            }
            else if (value.Scale != _scale)
            {
                _uniform = false;
            }

            _largest = Math.Max(_largest, Math.Abs(value));
        }

        public AmountColumn Build()
        {
            long[]? units = null;
            var scale = Math.Max(0, _scale);
            if (_uniform && scale <= 18)
            {
                // Whole units of the common scale; the sum of all of them must stay within a long.
                var factor = Pow10(scale);
                if (_largest * factor <= long.MaxValue / Math.Max(1m, _count))
                {
                    units = new long[_count];
                    for (var i = 0; i < _count; i++)
                    {
                        units[i] = (long)(_values[i] * factor);
                    }
                }
            }

            return new AmountColumn(_values, units, (byte)scale, _currency);
        }

        private static decimal Pow10(int scale)
        {
            var factor = 1m;
            for (var i = 0; i < scale; i++)
            {
                factor *= 10m;
            }

            return factor;
        }
    }
}

/// <summary>The currency of a column of amounts: none yet, one, or mixed.</summary>
internal readonly struct AmountCurrency
{
    private AmountCurrency(Currency? single, bool mixed)
    {
        Single = single;
        Mixed = mixed;
    }

    /// <summary>Gets the one currency of every amount, or null when there are none or they are mixed.</summary>
    public Currency? Single { get; }

    /// <summary>Gets a value indicating whether the amounts are in more than one currency.</summary>
    public bool Mixed { get; }

    public AmountCurrency With(Currency currency) =>
        Mixed || Single == currency ? this : Single is null ? new(currency, false) : new(null, true);

    /// <summary>Returns true when every amount can be summed as it is under the settings: one currency that is the reporting currency, or no reporting currency.</summary>
    public bool SumsAsIs(KpiSettings settings) =>
        !Mixed && (Single is null || settings.ReportingCurrency is null || settings.ReportingCurrency == Single);
}

/// <summary>A lazily built, thread-safe column set of one collection, shared by the snapshots that hold the same collection.</summary>
/// <typeparam name="TColumns">The column type.</typeparam>
internal sealed class ColumnCache<TColumns>(Func<TColumns> build)
    where TColumns : class
{
    private readonly Lock _lock = new();
    private TColumns? _value;

    public TColumns Value => Volatile.Read(ref _value) ?? Build();

    private TColumns Build()
    {
        lock (_lock)
        {
            return _value ??= build();
        }
    }
}
