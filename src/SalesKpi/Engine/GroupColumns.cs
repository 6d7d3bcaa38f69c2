using System.Collections.Concurrent;
using System.Text;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Engine;

/// <summary>
/// One collection's values of one dimension, resolved by the rule of <see cref="SalesData.DimensionOf(Opportunity, string)"/>
/// (own, else account, else owner rep) and dictionary-encoded: a code per record, an index into <see cref="Values"/>
/// (0: none).
/// </summary>
internal sealed class ResolvedDimension(int[] codes, string?[] values)
{
    public int[] Codes { get; } = codes;

    /// <summary>Gets the value of each code; null for code 0.</summary>
    public string?[] Values { get; } = values;
}

/// <summary>
/// The key column a <see cref="FastPlan"/> scans for a grouping by dimensions, reps and teams (and filters by
/// dimensions): per record, its group's code in place of the owner code, beside the record's trait code, so that the
/// scan's loops run as they do for a grouping by team.
/// </summary>
internal sealed class GroupKeyColumn(uint[] keys, string[] groupKeys, bool excludes)
{
    /// <summary>Gets each record's key: group code &lt;&lt; trait bits | trait code; the code <see cref="GroupKeys"/>.Length for a record a filter drops.</summary>
    public uint[] Keys { get; } = keys;

    /// <summary>Gets the key of each group code, distinct.</summary>
    public string[] GroupKeys { get; } = groupKeys;

    /// <summary>Gets a value indicating whether some record is dropped by a filter (has the code past the groups).</summary>
    public bool Excludes { get; } = excludes;
}

/// <summary>A level of a grouping the columnar scan computes: a rep, a rep's team, or a dimension by name.</summary>
internal readonly record struct GroupLevel(GroupLevelKind Kind, string? Name)
{
    /// <summary>Returns the levels of a grouping the columnar scan can compute from codes (none for no grouping), or null.</summary>
    public static GroupLevel[]? Of(KpiGrouping grouping)
    {
        if (ReferenceEquals(grouping, KpiGrouping.None))
        {
            return [];
        }

        var levels = new GroupLevel[grouping.Levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = grouping.Levels[i];
            if (ReferenceEquals(level, KpiGrouping.ByRep))
            {
                levels[i] = new(GroupLevelKind.Rep, null);
            }
            else if (ReferenceEquals(level, KpiGrouping.ByTeam))
            {
                levels[i] = new(GroupLevelKind.Team, null);
            }
            else if (level.DimensionName is { } name)
            {
                levels[i] = new(GroupLevelKind.Dimension, name);
            }
            else
            {
                return null;
            }
        }

        return levels;
    }
}

/// <summary>What a <see cref="GroupLevel"/> groups by.</summary>
internal enum GroupLevelKind
{
    Rep,
    Team,
    Dimension,
}

/// <summary>
/// The dimension columns of one snapshot, resolved once and kept: they depend on its roster and accounts, so they
/// belong to the snapshot (a copy with another roster resolves its own), as the look-up indexes do.
/// </summary>
internal sealed class DimensionCache(SalesData data)
{
    // Key columns per filter and grouping: a few per snapshot in practice; dropped all at once past this many.
    private const int MaxKeyColumns = 64;

    /// <summary>The most groups a key column holds: as many as owners a compact key holds (code 0xFFFF is for dropped records).</summary>
    private const int MaxGroups = SnapshotColumns.MaxOwners - 1;

    private readonly ConcurrentDictionary<(KpiRecordType, string), ResolvedDimension> _resolved = new();
    private readonly ConcurrentDictionary<(KpiRecordType, string), GroupKeyColumn?> _keys = new();

    /// <summary>Returns a collection's resolved values of a dimension (the name compared ignoring case).</summary>
    public ResolvedDimension Resolve(KpiRecordType type, string name) =>
        _resolved.GetOrAdd((type, name.ToUpperInvariant()), static (key, state) => state.Self.Build(key.Item1, state.Name), (Self: this, Name: name));

    /// <summary>
    /// Returns the key column of a collection's columns for a grouping's levels and the dimension conditions of a filter,
    /// or null when it has more groups than a key holds (the scan then leaves the query to the general engine).
    /// </summary>
    public GroupKeyColumn? Keys(KpiRecordType type, SnapshotColumns columns, GroupLevel[] levels, IReadOnlyList<KpiFilter.DimensionCondition> conditions)
    {
        var signature = new StringBuilder();
        foreach (var level in levels)
        {
            signature.Append(level.Kind).Append(':').Append(level.Name?.ToUpperInvariant()).Append('\u001F');
        }

        foreach (var condition in conditions.OrderBy(c => c.Name.ToUpperInvariant(), StringComparer.Ordinal))
        {
            signature.Append('\u001E').Append(condition.Name.ToUpperInvariant());
            foreach (var value in condition.Values.Order(StringComparer.Ordinal))
            {
                signature.Append('\u001F').Append(value);
            }
        }

        var key = (type, signature.ToString());
        if (_keys.TryGetValue(key, out var column))
        {
            return column;
        }

        if (_keys.Count >= MaxKeyColumns)
        {
            _keys.Clear();
        }

        column = BuildKeys(type, columns, levels, conditions);
        return _keys.GetOrAdd(key, column);
    }

    private ResolvedDimension Build(KpiRecordType type, string name) =>
        type switch
        {
            KpiRecordType.Leads => ResolveLeads(name),
            KpiRecordType.Activities => ResolveActivities(name),
            KpiRecordType.Opportunities => ResolveAccounted(data.Opportunities, static o => (o.Dimensions, o.Account, o.Owner), name),
            KpiRecordType.Deals => ResolveAccounted(data.Deals, static d => (d.Dimensions, d.Account, d.Owner), name),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Spend has no columns."),
        };

    private ResolvedDimension ResolveLeads(string name)
    {
        var columns = data.LeadColumns;
        if (data.LeadTable is { } table)
        {
            return FromTable(table.Dimensions, columns, name);
        }

        var values = new ReferenceCodes();
        var ofOwner = OwnerValues(columns, name, values);
        var leads = data.Leads;
        var codes = new int[leads.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = leads[i].Dimensions.ValueOf(name) is { } own ? values.Code(own) : ofOwner[columns.Keys[i] >> columns.TraitBits];
        }

        return new(codes, values.ToArray());
    }

    private ResolvedDimension ResolveActivities(string name)
    {
        var columns = data.ActivityColumns;
        if (data.ActivityTable is { } table)
        {
            return FromTable(table.Dimensions, columns, name);
        }

        var values = new ReferenceCodes();
        var ofOwner = OwnerValues(columns, name, values);
        var activities = data.Activities;
        var codes = new int[activities.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = activities[i].Dimensions.ValueOf(name) is { } own ? values.Code(own) : ofOwner[columns.Keys[i] >> columns.TraitBits];
        }

        return new(codes, values.ToArray());
    }

    /// <summary>Resolves from a table's own dimension codes: each table code to a resolved code once, then one read per record.</summary>
    private ResolvedDimension FromTable(DimensionTable dimensions, SnapshotColumns columns, string name)
    {
        var values = new ReferenceCodes();
        var ofOwner = OwnerValues(columns, name, values);
        var d = dimensions.IndexOf(name);
        var codes = new int[columns.Count];
        var keys = columns.Keys;
        var shift = columns.TraitBits;
        if (d < 0)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = ofOwner[keys[i] >> shift];
            }
        }
        else
        {
            var own = dimensions.Codes[d];
            var ownCode = dimensions.Values[d].Select(v => v is null ? -1 : values.Code(v)).ToArray();
            for (var i = 0; i < codes.Length; i++)
            {
                var code = ownCode[own[i]];
                codes[i] = code >= 0 ? code : ofOwner[keys[i] >> shift];
            }
        }

        return new(codes, values.ToArray());
    }

    private ResolvedDimension ResolveAccounted<T>(System.Collections.Immutable.ImmutableArray<T> records, Func<T, (Dimensions Own, AccountId Account, RepId Owner)> parts, string name)
    {
        var values = new ReferenceCodes();
        var ofAccount = new Dictionary<AccountId, int>();
        var ofRep = new Dictionary<RepId, int>();
        var codes = new int[records.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var (own, account, owner) = parts(records[i]);
            if (own.ValueOf(name) is { } value)
            {
                codes[i] = values.Code(value);
                continue;
            }

            if (!ofAccount.TryGetValue(account, out var code))
            {
                code = data.TryGetAccount(account, out var found) && found.Dimensions.ValueOf(name) is { } a ? values.Code(a) : -1;
                ofAccount.Add(account, code);
            }

            if (code < 0 && !ofRep.TryGetValue(owner, out code))
            {
                code = data.Roster.TryGetRep(owner, out var rep) && rep.Dimensions.ValueOf(name) is { } r ? values.Code(r) : 0;
                ofRep.Add(owner, code);
            }

            codes[i] = code;
        }

        return new(codes, values.ToArray());
    }

    /// <summary>Returns the resolved code of each owner code's rep value (0 when none or no owner).</summary>
    private int[] OwnerValues(SnapshotColumns columns, string name, ReferenceCodes values)
    {
        var ofOwner = new int[columns.Owners.Length];
        for (var o = 0; o < ofOwner.Length; o++)
        {
            ofOwner[o] = columns.Owners[o] is { } owner && data.Roster.TryGetRep(owner, out var rep) && rep.Dimensions.ValueOf(name) is { } value
                ? values.Code(value)
                : 0;
        }

        return ofOwner;
    }

    private GroupKeyColumn? BuildKeys(KpiRecordType type, SnapshotColumns columns, GroupLevel[] levels, IReadOnlyList<KpiFilter.DimensionCondition> conditions)
    {
        // Two levels are combined exactly, and up to four more in 16 bits each (see Combination).
        if (levels.Length > 6 || !columns.Usable)
        {
            return null;
        }

        var n = columns.Count;
        var keys = columns.Keys;
        var shift = columns.TraitBits;
        var traitMask = columns.TraitMask;

        // Each level: a code per record and the level key of each code, the codes deduplicated by key (two owners of one
        // team, a value spelt "(none)") so that one key is one group, as the general engine's keys are.
        var levelCodes = new int[levels.Length][];
        var levelKeys = new string[levels.Length][];
        for (var l = 0; l < levels.Length; l++)
        {
            var level = levels[l];
            int[] perCode;
            string[] keysOf;
            int[] byRecord;
            if (level.Kind == GroupLevelKind.Dimension)
            {
                var resolved = Resolve(type, level.Name!);
                (perCode, keysOf) = Dedupe(resolved.Values.Select(v => v ?? KpiGrouping.NoKey));
                byRecord = resolved.Codes;
            }
            else
            {
                (perCode, keysOf) = Dedupe(columns.Owners.Select(o =>
                    o is not { } rep ? KpiGrouping.NoKey
                    : level.Kind == GroupLevelKind.Rep ? rep.Value
                    : data.Roster.TeamOf(rep)?.Value ?? KpiGrouping.NoKey));
                byRecord = new int[n];
                for (var i = 0; i < n; i++)
                {
                    byRecord[i] = (int)(keys[i] >> shift);
                }
            }

            var codes = new int[n];
            for (var i = 0; i < n; i++)
            {
                codes[i] = perCode[byRecord[i]];
            }

            levelCodes[l] = codes;
            levelKeys[l] = keysOf;
            if (levels.Length > 2 && keysOf.Length > ushort.MaxValue)
            {
                return null;
            }
        }

        // The filters: per condition, whether each of its dimension's codes is kept.
        var kept = new List<(int[] Codes, bool[] Keeps)>();
        foreach (var condition in conditions)
        {
            var resolved = Resolve(type, condition.Name);
            kept.Add((resolved.Codes, [.. resolved.Values.Select(v => v is not null && condition.Values.Contains(v))]));
        }

        // Groups: the distinct combinations of level codes, in order of first appearance, keyed by their joined keys.
        var groupKeys = new List<string>();
        var groupOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOfCombination = new Dictionary<(int, int, long), int>();
        var result = new uint[n];
        var excludes = false;
        var excludedCode = -1;
        for (var i = 0; i < n; i++)
        {
            var keep = true;
            foreach (var (codes, keeps) in kept)
            {
                keep &= keeps[codes[i]];
            }

            int group;
            if (!keep)
            {
                excludes = true;
                group = excludedCode;
            }
            else
            {
                var combination = Combination(levelCodes, i);
                if (!groupOfCombination.TryGetValue(combination, out group))
                {
                    var text = levels.Length == 0 ? KpiGrouping.AllKey : string.Join(KpiGrouping.LevelSeparator, levelKeys.Select((k, l) => k[levelCodes[l][i]]));
                    if (!groupOfKey.TryGetValue(text, out group))
                    {
                        group = groupKeys.Count;
                        if (group >= MaxGroups)
                        {
                            return null;
                        }

                        groupKeys.Add(text);
                        groupOfKey.Add(text, group);
                    }

                    groupOfCombination.Add(combination, group);
                }
            }

            result[i] = (uint)group;
        }

        // Dropped records take the code past the groups, now that their number is known.
        var dropped = (uint)groupKeys.Count;
        for (var i = 0; i < n; i++)
        {
            var group = result[i] == unchecked((uint)excludedCode) ? dropped : result[i];
            result[i] = (group << shift) | (keys[i] & traitMask);
        }

        return new GroupKeyColumn(result, [.. groupKeys], excludes);
    }

    /// <summary>Returns a record's level codes as one value: up to two levels exactly, more folded into the third part.</summary>
    private static (int, int, long) Combination(int[][] levelCodes, int i)
    {
        var first = levelCodes.Length > 0 ? levelCodes[0][i] : 0;
        var second = levelCodes.Length > 1 ? levelCodes[1][i] : 0;
        long rest = 0;
        for (var l = 2; l < levelCodes.Length; l++)
        {
            // With more than two levels, each level's codes are below 2^16 (checked above): four levels to a long.
            rest = (rest << 16) | (uint)levelCodes[l][i];
        }

        return (first, second, rest);
    }

    private static (int[] PerCode, string[] Keys) Dedupe(IEnumerable<string> keysOfCodes)
    {
        var keys = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var perCode = new List<int>();
        foreach (var key in keysOfCodes)
        {
            if (!index.TryGetValue(key, out var k))
            {
                k = keys.Count;
                index.Add(key, k);
                keys.Add(key);
            }

            perCode.Add(k);
        }

        return ([.. perCode], [.. keys]);
    }
}
