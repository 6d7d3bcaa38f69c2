using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// The fused, columnar evaluation of the <see cref="KpiMeasure"/> KPIs of one query over one snapshot: one loop per
/// timestamp column, whatever the number of KPIs, over the snapshot's compact columns.
/// </summary>
/// <remarks>
/// <para>Per record the loop does a fixed amount of work: place the timestamp in its period (one table read and one
/// comparison, see <see cref="PeriodIndex"/>), find the group from the owner or trait code (one array read), find the
/// record's bucket from its trait code (one array read), and add one to that bucket's counter in the cell of the group
/// and period. A bucket is a class of trait codes that every condition of the query treats alike: which KPIs route the
/// record, and which of their counts it joins, were decided once per trait code when the plan was built. Amounts are
/// summed per bucket and cycle days kept per cell only for the buckets that need them.</para>
/// <para>After the loop, each cell's bucket counters are folded into the KPIs' <see cref="MeasureAccumulator"/>s, in
/// the same <see cref="KpiAccumulation"/> the general engine fills, so partitions, general KPIs and merges combine as
/// before. Memory is proportional to groups × periods × buckets, never to records.</para>
/// <para>A KPI stays on the general engine when it has no measure, when the grouping or a filter needs the record
/// itself (a custom key or predicate, a link between collections), when amounts must be converted between currencies,
/// or when a collection has too many distinct owners or traits for the compact keys.</para>
/// </remarks>
internal sealed partial class FastPlan
{
    private const int MaxConditions = 128;

    // The longest cycle, in days, kept in a dense window per cell while scanning.
    private const int MaxDayWindow = 4096;

    // How far below zero a cycle's days can go, and above its length in whole days, with zone offsets.
    private const int DayWindowOffset = 4;

    private readonly bool[] _fast;
    private readonly ScanUnit[] _units;
    private readonly KpiSettings _settings;

    private FastPlan(bool[] fast, ScanUnit[] units, KpiSettings settings)
    {
        _fast = fast;
        _units = units;
        _settings = settings;
    }

    /// <summary>Returns true when the leaf is evaluated by this plan rather than by the general engine.</summary>
    public bool IsFast(int leaf) => _fast[leaf];

    /// <summary>Returns how the plan scans a timestamp column, or null when it does not scan it (for tests of its choices).</summary>
    internal ScanShape? ShapeOf(long[] ticks) => _units.FirstOrDefault(u => u.Scans(ticks))?.Shape;

    /// <summary>How a timestamp column is scanned: its buckets, whether one table gives each key's cell, and the width of the dense day window (0 for histograms).</summary>
    internal readonly record struct ScanShape(int Buckets, bool KeyTable, int DayWindow);

    /// <summary>Returns the plan for the query's measure KPIs, or null when none can be evaluated from the columns; leaves <paramref name="claimed"/> selects are another executor's.</summary>
    public static FastPlan? Create(CompiledQuery compiled, SalesData data, KpiSettings settings, Func<CompiledQuery.LeafNode, bool>? claimed = null)
    {
        var mode = ModeOf(compiled.Query.GroupBy);

        // Groupings by dimensions (and hierarchies of dimensions, reps and teams) scan a key column of group codes
        // resolved once per snapshot; so do the built-in groupings by rep and team under a filter by a dimension.
        var levels = GroupLevel.Of(compiled.Query.GroupBy);
        var coded = mode == GroupMode.Unsupported;
        if (coded && levels is null)
        {
            return null;
        }

        var leaves = compiled.Leaves;
        var fast = new bool[leaves.Length];
        var builders = new Dictionary<(KpiTimestamp, string), UnitBuilder>();
        foreach (var leaf in leaves)
        {
            if (leaf.UnsupportedReason is not null || leaf.Measure is not { } measure || claimed?.Invoke(leaf) == true)
            {
                continue;
            }

            // A condition on whole records (KpiRecords.Where<TRecord>) needs the records, which the scan never reads.
            if (measure.Components.Any(c => c.Records.Condition.ReadsRecords))
            {
                continue;
            }

            var parts = new List<(UnitBuilder Unit, LeafPart Part)>();
            var eligible = true;
            var dimensions = leaf.Filter?.DimensionConditions ?? [];
            var byCodes = coded || dimensions.Length > 0;
            foreach (var stream in measure.Streams)
            {
                var type = KpiStreams.RecordType(stream);
                var filter = RecordCondition.All;
                if (!(coded ? type != KpiRecordType.Spend : Groups(mode, type)) || (byCodes && levels is null)
                    || (leaf.Filter is { } f && !f.TryGetTraitCondition(type, out filter)))
                {
                    eligible = false;
                    break;
                }

                var timestamp = KpiStreams.Timestamp(stream);
                var signature = byCodes ? Signature(dimensions) : string.Empty;
                if (!builders.TryGetValue((timestamp, signature), out var unit))
                {
                    unit = new UnitBuilder(timestamp, data);
                    if (byCodes && unit.Columns.Usable)
                    {
                        unit.KeyColumn = data.DimensionColumns.Keys(RecordTypeOf(timestamp), unit.Columns, levels!, dimensions);
                        unit.ByCodes = true;
                    }

                    builders.Add((timestamp, signature), unit);
                }

                if (!unit.Columns.Usable || (unit.ByCodes && unit.KeyColumn is null) || (measure.SumSlots > 0 && !unit.AmountsSumAsIs(settings)))
                {
                    eligible = false;
                    break;
                }

                var routing = KpiStreams.Routing(stream).And(filter);
                var components = measure.Components.Where(c => c.Records.Stream == stream).ToArray();
                parts.Add((unit, new LeafPart(leaf, routing, [.. components.Select(c => (c, routing.And(c.Records.Condition)))])));
            }

            if (!eligible || parts.GroupBy(p => p.Unit).Any(g => !g.Key.Fits(g.Select(p => p.Part))))
            {
                continue;
            }

            fast[leaf.Index] = true;
            foreach (var (unit, part) in parts)
            {
                unit.Add(part);
            }
        }

        if (!fast.Contains(true))
        {
            return null;
        }

        var index = PeriodIndex.Create(compiled.Plan);
        var units = builders.Values.Where(b => b.Parts.Count > 0).Select(b => b.Build(mode, data, settings, index)).ToArray();
        return new FastPlan(fast, units, settings);
    }

    /// <summary>Returns how the built-in groupings are computed from the compact keys (and by SalesKpi.Sql in the database); unsupported for any other.</summary>
    internal static GroupMode ModeOf(KpiGrouping grouping) =>
        ReferenceEquals(grouping, KpiGrouping.None) ? GroupMode.None
        : ReferenceEquals(grouping, KpiGrouping.ByRep) ? GroupMode.Rep
        : ReferenceEquals(grouping, KpiGrouping.ByTeam) ? GroupMode.Team
        : ReferenceEquals(grouping, KpiGrouping.ByDealKind) ? GroupMode.DealKind
        : ReferenceEquals(grouping, KpiGrouping.BySource) ? GroupMode.Source
        : GroupMode.Unsupported;

    /// <summary>Returns the collection a timestamp column belongs to.</summary>
    private static KpiRecordType RecordTypeOf(KpiTimestamp timestamp) => timestamp switch
    {
        KpiTimestamp.ActivityOccurred => KpiRecordType.Activities,
        KpiTimestamp.LeadCreated or KpiTimestamp.LeadQualified or KpiTimestamp.LeadConverted => KpiRecordType.Leads,
        KpiTimestamp.OpportunityCreated or KpiTimestamp.OpportunityClosed => KpiRecordType.Opportunities,
        _ => KpiRecordType.Deals,
    };

    /// <summary>Returns a text that is equal for equal sets of conditions on dimensions: the leaves under them share a unit.</summary>
    private static string Signature(IEnumerable<KpiFilter.DimensionCondition> conditions) =>
        string.Join('\u001E', conditions
            .Select(c => c.Name.ToUpperInvariant() + "\u001F" + string.Join('\u001F', c.Values.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));

    /// <summary>Returns true when the mode groups the records of a collection (by source: leads only; by deal kind: deals only).</summary>
    internal static bool Groups(GroupMode mode, KpiRecordType type) => mode switch
    {
        GroupMode.None or GroupMode.Rep or GroupMode.Team => type != KpiRecordType.Spend,
        GroupMode.DealKind => type == KpiRecordType.Deals,
        GroupMode.Source => type == KpiRecordType.Leads,
        _ => false,
    };

    /// <summary>A built-in grouping the columnar scan and the SQL executor compute themselves.</summary>
    internal enum GroupMode
    {
        Unsupported,
        None,
        Rep,
        Team,
        DealKind,
        Source,
    }

    /// <summary>What one leaf reads through one timestamp column: its routing condition and its components there, each with its full condition.</summary>
    private sealed class LeafPart(CompiledQuery.LeafNode leaf, RecordCondition routing, (MeasureComponent Component, RecordCondition Condition)[] components)
    {
        public CompiledQuery.LeafNode Leaf { get; } = leaf;

        public RecordCondition Routing { get; } = routing;

        public (MeasureComponent Component, RecordCondition Condition)[] Components { get; } = components;
    }

    /// <summary>Collects the leaves of one timestamp column and decides their conditions over the column's trait codes.</summary>
    private sealed class UnitBuilder
    {
        private readonly List<bool[]> _tables = [];

        public UnitBuilder(KpiTimestamp timestamp, SalesData data)
        {
            Timestamp = timestamp;
            Columns = timestamp switch
            {
                KpiTimestamp.ActivityOccurred => data.ActivityColumns,
                KpiTimestamp.LeadCreated or KpiTimestamp.LeadQualified or KpiTimestamp.LeadConverted => data.LeadColumns,
                KpiTimestamp.OpportunityCreated or KpiTimestamp.OpportunityClosed => data.OpportunityColumns,
                _ => data.DealColumns,
            };
        }

        public KpiTimestamp Timestamp { get; }

        public SnapshotColumns Columns { get; }

        /// <summary>Gets or sets a value indicating whether the unit scans a key column of group codes (<see cref="KeyColumn"/>) rather than the columns' keys.</summary>
        public bool ByCodes { get; set; }

        /// <summary>Gets or sets the key column of group codes, when <see cref="ByCodes"/>; null then when it has too many groups.</summary>
        public GroupKeyColumn? KeyColumn { get; set; }

        public List<LeafPart> Parts { get; } = [];

        /// <summary>Gets the truth tables of the distinct conditions, each over every trait code.</summary>
        public List<bool[]> Tables => _tables;

        public bool AmountsSumAsIs(KpiSettings settings) => Columns switch
        {
            OpportunityColumns o => o.Amounts.Currency.SumsAsIs(settings),
            DealColumns d => d.Values.Currency.SumsAsIs(settings),
            _ => true,
        };

        /// <summary>Returns true when the conditions of a leaf's parts fit in the unit's bit masks beside those of the parts added before.</summary>
        public bool Fits(IEnumerable<LeafPart> parts)
        {
            var added = new List<bool[]>();
            foreach (var condition in parts.SelectMany(ConditionsOf))
            {
                var table = Table(condition);
                if (IndexOf(_tables, table) < 0 && IndexOf(added, table) < 0)
                {
                    added.Add(table);
                }
            }

            return _tables.Count + added.Count <= MaxConditions;
        }

        /// <summary>Adds a part that <see cref="Fits"/>, claiming a bit for each of its conditions, so that the next leaf's check counts them.</summary>
        public void Add(LeafPart part)
        {
            Parts.Add(part);
            foreach (var condition in ConditionsOf(part))
            {
                _ = BitOf(condition);
            }
        }

        /// <summary>Returns the bit of a condition, adding its truth table when it is new.</summary>
        public int BitOf(RecordCondition condition)
        {
            var table = Table(condition);
            var bit = IndexOf(_tables, table);
            if (bit < 0)
            {
                bit = _tables.Count;
                _tables.Add(table);
            }

            return bit;
        }

        public ScanUnit Build(GroupMode mode, SalesData data, KpiSettings settings, PeriodIndex periods)
        {
            var routeBits = Parts.Select(p => BitOf(p.Routing)).ToArray();
            var componentBits = Parts.Select(p => p.Components.Select(c => BitOf(c.Condition)).ToArray()).ToArray();

            // Buckets: the distinct sets of conditions a trait code meets.
            var codes = Columns.TraitCodes;
            var bucketOf = new int[Math.Max(1, codes)];
            var masks = new List<UInt128>();
            var byMask = new Dictionary<UInt128, int>();
            for (var code = 0; code < codes; code++)
            {
                var mask = UInt128.Zero;
                for (var bit = 0; bit < _tables.Count; bit++)
                {
                    if (_tables[bit][code])
                    {
                        mask |= UInt128.One << bit;
                    }
                }

                if (!byMask.TryGetValue(mask, out var bucket))
                {
                    bucket = masks.Count;
                    byMask.Add(mask, bucket);
                    masks.Add(mask);
                }

                bucketOf[code] = bucket;
            }

            if (masks.Count == 0)
            {
                masks.Add(UInt128.Zero);
            }

            int[] BucketsWith(int bit) => [.. Enumerable.Range(0, masks.Count).Where(b => ((masks[b] >> bit) & UInt128.One) != UInt128.Zero)];

            var leaves = new UnitLeaf[Parts.Count];
            var sumBucket = new bool[masks.Count];
            var daysComponents = new List<int>();
            var daysOfBucket = new List<int>[masks.Count];
            for (var l = 0; l < Parts.Count; l++)
            {
                var part = Parts[l];
                var components = new UnitComponent[part.Components.Length];
                for (var c = 0; c < components.Length; c++)
                {
                    var component = part.Components[c].Component;
                    var buckets = BucketsWith(componentBits[l][c]);
                    var daysIndex = -1;
                    if (component.Kind == MeasureComponentKind.Sum)
                    {
                        foreach (var b in buckets)
                        {
                            sumBucket[b] = true;
                        }
                    }
                    else if (component.Kind == MeasureComponentKind.Days)
                    {
                        daysIndex = daysComponents.Count;
                        daysComponents.Add(daysIndex);
                        foreach (var b in buckets)
                        {
                            (daysOfBucket[b] ??= []).Add(daysIndex);
                        }
                    }

                    components[c] = new UnitComponent(component.Kind, component.Slot, buckets, daysIndex);
                }

                leaves[l] = new UnitLeaf(part.Leaf, BucketsWith(routeBits[l]), components);
            }

            // Groups: each owner code (or trait code, for deal kinds and sources) to a dense group of this unit.
            var groupKeys = new List<string>();
            var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var byTrait = !ByCodes && (mode is GroupMode.DealKind or GroupMode.Source);
            int[] groupOf;
            var keys = Columns.Keys;
            var keyGroups = Columns.Owners.Length;
            var extraGroups = 0;
            if (KeyColumn is { } column)
            {
                // Group codes are dense already; a record a filter drops has the code past them, whose cells no group reads.
                groupKeys.AddRange(column.GroupKeys);
                extraGroups = column.Excludes ? 1 : 0;
                groupOf = [.. Enumerable.Range(0, Math.Max(1, groupKeys.Count + extraGroups))];
                keys = column.Keys;
                keyGroups = groupOf.Length;
            }
            else
            {
                var groupCodes = byTrait ? codes : Columns.Owners.Length;
                groupOf = new int[Math.Max(1, groupCodes)];
                for (var code = 0; code < groupCodes; code++)
                {
                    var key = KeyOf(mode, code, data);
                    if (!groupIndex.TryGetValue(key, out var g))
                    {
                        g = groupKeys.Count;
                        groupIndex.Add(key, g);
                        groupKeys.Add(key);
                    }

                    groupOf[code] = g;
                }
            }

            var amounts = Columns switch
            {
                OpportunityColumns o when sumBucket.Contains(true) => o.Amounts,
                DealColumns d when sumBucket.Contains(true) => d.Values,
                _ => null,
            };
            ZoneDays? zoneDays = null;
            var window = 0;
            if (daysComponents.Count > 0)
            {
                var o = (OpportunityColumns)Columns;
                zoneDays = ZoneDays.Create(settings.Zone, o.MinTicks, o.MaxTicks);

                // A cycle differs from its length in whole days by less than two days either way (zone offsets are within
                // ±18 hours): a dense window per cell from −DayWindowOffset days when the longest cycle is short, else a
                // histogram object per cell.
                var longest = o.MaxCycleTicks / TimeSpan.TicksPerDay;
                window = longest <= MaxDayWindow ? (int)longest + (2 * DayWindowOffset) : 0;
            }

            return new ScanUnit(
                Ticks(),
                Columns,
                keys,
                keyGroups,
                extraGroups,
                periods,
                bucketOf,
                masks.Count,
                [.. groupKeys],
                groupOf,
                byTrait,
                leaves,
                amounts,
                sumBucket,
                daysComponents.Count,
                [.. daysOfBucket.Select(d => d?.ToArray())],
                zoneDays,
                window);

            string KeyOf(GroupMode mode, int code, SalesData data)
            {
                switch (mode)
                {
                    case GroupMode.None:
                        return KpiGrouping.AllKey;
                    case GroupMode.DealKind:
                        return DealKinds.ToName((DealKind)code);
                    case GroupMode.Source:
                        return ((LeadColumns)Columns).Sources[code >> 2];
                    default:
                        if (Columns.Owners[code] is not { } rep)
                        {
                            return KpiGrouping.NoKey;
                        }

                        return mode == GroupMode.Rep ? rep.Value : data.Roster.TeamOf(rep)?.Value ?? KpiGrouping.NoKey;
                }
            }
        }

        private static IEnumerable<RecordCondition> ConditionsOf(LeafPart part) => part.Components.Select(c => c.Condition).Prepend(part.Routing);

        private static int IndexOf(List<bool[]> tables, bool[] table) => tables.FindIndex(t => t.AsSpan().SequenceEqual(table));

        private long[] Ticks() => Timestamp switch
        {
            KpiTimestamp.ActivityOccurred => ((ActivityColumns)Columns).OccurredAt,
            KpiTimestamp.LeadCreated => ((LeadColumns)Columns).CreatedAt,
            KpiTimestamp.LeadQualified => ((LeadColumns)Columns).QualifiedAt,
            KpiTimestamp.LeadConverted => ((LeadColumns)Columns).ConvertedAt,
            KpiTimestamp.OpportunityCreated => ((OpportunityColumns)Columns).CreatedAt,
            KpiTimestamp.OpportunityClosed => ((OpportunityColumns)Columns).ClosedAt,
            _ => ((DealColumns)Columns).ClosedAt,
        };

        /// <summary>Returns the truth table of a condition over the column's trait codes.</summary>
        private bool[] Table(RecordCondition condition)
        {
            var codes = Columns.TraitCodes;
            var table = new bool[codes];
            for (var code = 0; code < codes; code++)
            {
                table[code] = Columns switch
                {
                    ActivityColumns a => condition.Activity?.Invoke(a.Kinds[code >> ActivityColumns.OutcomeBits], (Activities.ActivityOutcomes)(code & ((1 << ActivityColumns.OutcomeBits) - 1))) ?? true,
                    LeadColumns l => condition.Lead?.Invoke(l.Sources[code >> 2], (code & 2) != 0, (code & 1) != 0) ?? true,
                    OpportunityColumns => Enum.IsDefined((Opportunities.OpportunityStatus)code) && (condition.Opportunity?.Invoke((Opportunities.OpportunityStatus)code) ?? true),
                    _ => condition.Deal?.Invoke((DealKind)code) ?? true,
                };
            }

            return table;
        }
    }
}
