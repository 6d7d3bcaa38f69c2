using System.Collections.Immutable;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// How the records of a report are split into groups: by rep, by team (through the roster), by lead source, by deal
/// kind, or by a key of your own.
/// </summary>
/// <remarks>
/// <para>Every record of a collection the grouping supports goes to exactly one group; a record that has no key (a
/// lead with no owner, a rep who is not on the roster, an opportunity with no lead when grouping by source) goes to
/// the group <see cref="NoKey"/>, so that nothing is lost and the groups add up to the whole. A KPI that reads a
/// collection the grouping does not support (marketing spend has no rep) is undefined in every group, with that
/// reason.</para>
/// <para>Groups are ordered by key (ordinal), with <see cref="NoKey"/> last. A hierarchy (<see cref="Then"/>) orders by
/// its first level's key, then by the next, each ordinal with <see cref="NoKey"/> last at its level.</para>
/// <para><see cref="ByDimension"/> groups by a record's <see cref="Dimensions"/>, resolved as
/// <see cref="SalesData.DimensionOf(Opportunity, string)"/> says: the record's own value, else its account's, else its
/// owner rep's.</para>
/// </remarks>
/// <threadsafety>Implementations must be immutable and safe to share across threads.</threadsafety>
public abstract class KpiGrouping
{
    /// <summary>The key of the group of records that have none under a grouping: <c>(none)</c>.</summary>
    public const string NoKey = "(none)";

    /// <summary>The key of the only group of an ungrouped report: <c>all</c>.</summary>
    public const string AllKey = "all";

    /// <summary>Initializes a grouping.</summary>
    /// <param name="dimension">What the groups are, such as <c>rep</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dimension"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is empty.</exception>
    protected KpiGrouping(string dimension) => Dimension = Preconditions.CheckNotBlank(dimension);

    /// <summary>Gets no grouping: one group, <see cref="AllKey"/>.</summary>
    public static KpiGrouping None { get; } = new NoGrouping();

    /// <summary>Gets the grouping by the rep who owns each record.</summary>
    public static KpiGrouping ByRep { get; } = new RepGrouping(teams: false);

    /// <summary>Gets the grouping by the team of the rep who owns each record, through <see cref="SalesData.Roster"/>.</summary>
    public static KpiGrouping ByTeam { get; } = new RepGrouping(teams: true);

    /// <summary>Gets the grouping by lead source or marketing channel.</summary>
    public static KpiGrouping BySource { get; } = new SourceGrouping();

    /// <summary>Gets the grouping of deals by kind (<c>new-business</c>, <c>add-on</c>, <c>renewal</c>, <c>win-back</c>).</summary>
    public static KpiGrouping ByDealKind { get; } = new DealKindGrouping();

    /// <summary>Gets the grouping of activities by the sales tool used (<see cref="Activities.SalesActivity.Tool"/>).</summary>
    public static KpiGrouping ByTool { get; } = new ToolGrouping();

    /// <summary>Gets the grouping of opportunities by why they were lost (<see cref="Opportunity.LostReason"/>); an
    /// opportunity with no reason (open, won, or lost for a reason not recorded) goes to <see cref="NoKey"/>. Only
    /// opportunities are supported.</summary>
    public static KpiGrouping ByLostReason { get; } = new LostReasonGrouping();

    /// <summary>Gets the grouping of opportunities by forecast category (<see cref="Opportunity.ForecastCategory"/>), keyed by
    /// the category's name (<see cref="ForecastCategories.ToName"/>: <c>pipeline</c>, <c>best-case</c>, <c>commit</c>,
    /// <c>closed</c>, <c>omitted</c>); every opportunity has one, so none goes to <see cref="NoKey"/>. Only opportunities
    /// are supported; <see cref="KnownKeys"/> are the five names.</summary>
    /// <remarks><para><c>Kpis.WeightedPipeline</c> under it is the weighted pipeline per category, the figures of a
    /// forecast call.</para></remarks>
    public static KpiGrouping ByForecastCategory { get; } = new ForecastCategoryGrouping();

    /// <summary>The text between the levels' keys in the key of a hierarchy's group, such as <c>West / r01</c>: <c>" / "</c>.</summary>
    public const string LevelSeparator = " / ";

    /// <summary>Gets what the groups are, such as <c>rep</c>, <c>team</c> or <c>source</c>; for a hierarchy the levels' joined by <c>/</c>, such as <c>office/rep</c>.</summary>
    public string Dimension { get; }

    /// <summary>Gets the levels of a hierarchy, outermost first; a grouping that is not a hierarchy is its only level.</summary>
    public virtual ImmutableArray<KpiGrouping> Levels => [this];

    /// <summary>Returns the grouping by a dimension of the records (<see cref="Dimensions"/>), such as <c>office</c> or <c>product</c>.</summary>
    /// <param name="name">The dimension's name, compared ignoring case; it is the grouping's <see cref="Dimension"/> as given.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or longer than
    /// <see cref="Dimensions.MaxNameLength"/> characters.</exception>
    /// <remarks>
    /// <para>Every collection is supported. A record's key is its value of the dimension: its own; else, for an
    /// opportunity or a deal, its account's (<see cref="SalesData.Accounts"/>); else its owner rep's
    /// (<see cref="SalesData.Roster"/>); else none, <see cref="NoKey"/>. Marketing spend has only its own.
    /// <see cref="KnownKeys"/> are the values the roster's reps and the accounts carry.</para>
    /// <para>The columnar engine groups by a dimension as fast as by team, from a code per record resolved once per
    /// snapshot.</para>
    /// </remarks>
    public static KpiGrouping ByDimension(string name) => new DimensionGrouping(Dimensions.CheckName(name, nameof(name)));

    /// <summary>
    /// Returns the grouping by the built-in or dimension of that name: <c>none</c>, <c>rep</c>, <c>team</c>, <c>source</c>,
    /// <c>deal-kind</c>, <c>tool</c>, <c>lost-reason</c> or <c>forecast-category</c> (ignoring case), else <see cref="ByDimension"/>; <c>a/b</c> is the hierarchy
    /// <c>FromName(a).Then(FromName(b))</c>.
    /// </summary>
    /// <param name="name">The name, such as <c>team</c>, <c>office</c> or <c>office/rep</c>.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a level of it is empty, white space or
    /// not a valid dimension name.</exception>
    /// <remarks><para>A dimension whose name is one of the built-ins' (a dimension called <c>team</c>) or contains a
    /// <c>/</c> is reached through <see cref="ByDimension"/> only.</para></remarks>
    public static KpiGrouping FromName(string name)
    {
        Preconditions.CheckNotBlank(name);
        var levels = name.Split('/');
        KpiGrouping? grouping = null;
        foreach (var level in levels)
        {
            var trimmed = level.Trim();
            Preconditions.CheckArgument(
                trimmed.Length > 0,
                nameof(name),
                $"The grouping '{name}' has an empty level; write one name, such as 'team' or 'office', or levels joined by '/', such as 'office/rep'.");
            var next = trimmed.ToLowerInvariant() switch
            {
                "none" => None,
                "rep" => ByRep,
                "team" => ByTeam,
                "source" => BySource,
                "deal-kind" => ByDealKind,
                "tool" => ByTool,
                "lost-reason" => ByLostReason,
                "forecast-category" => ByForecastCategory,
                _ => new DimensionGrouping(Dimensions.CheckName(trimmed, nameof(name))),
            };
            grouping = grouping is null ? next : grouping.Then(next);
        }

        return grouping!;
    }

    /// <summary>Returns the hierarchy of this grouping and an inner one: a group per pair of keys, such as <c>West / r01</c> for <c>ByDimension("office").Then(ByRep)</c>.</summary>
    /// <param name="inner">The inner level (or levels, when it is a hierarchy itself).</param>
    /// <returns>The hierarchy: its <see cref="Dimension"/> is the levels' joined by <c>/</c>, its <see cref="Levels"/> this grouping's then <paramref name="inner"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <remarks>
    /// <para>A record's key is its key at each level — <see cref="NoKey"/> where a level gives none — joined by
    /// <see cref="LevelSeparator"/>, so a hierarchy's group is never <see cref="NoKey"/> itself. Groups are ordered by
    /// the outer key, then the inner, each ordinal with <see cref="NoKey"/> last at its level. A collection is supported
    /// when every level supports it. Hierarchies of dimensions, reps and teams run on the columnar engine.</para>
    /// </remarks>
    public KpiGrouping Then(KpiGrouping inner)
    {
        Preconditions.CheckNotNull(inner);
        return new HierarchyGrouping([.. Levels, .. inner.Levels]);
    }

    /// <summary>Returns a grouping by keys of your own; a collection with no key function is not supported.</summary>
    /// <param name="dimension">What the groups are.</param>
    /// <param name="leads">The key of a lead, or null.</param>
    /// <param name="opportunities">The key of an opportunity, or null.</param>
    /// <param name="deals">The key of a deal, or null.</param>
    /// <param name="activities">The key of an activity, or null.</param>
    /// <param name="spend">The key of a spend record, or null.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimension"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is empty.</exception>
    public static KpiGrouping Custom(
        string dimension,
        Func<Lead, string?>? leads = null,
        Func<Opportunity, string?>? opportunities = null,
        Func<Deal, string?>? deals = null,
        Func<SalesActivity, string?>? activities = null,
        Func<MarketingSpend, string?>? spend = null) =>
        new CustomGrouping(dimension, leads, opportunities, deals, activities, spend);

    /// <summary>Returns true when records of the collection can be grouped.</summary>
    /// <param name="recordType">The collection.</param>
    /// <returns>True when supported.</returns>
    public abstract bool Supports(KpiRecordType recordType);

    /// <summary>Returns the group of a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="data">The snapshot, for look-ups.</param>
    /// <returns>The key, or null for <see cref="NoKey"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? KeyOf(Lead lead, SalesData data)
    {
        Preconditions.CheckNotNull(lead);
        Preconditions.CheckNotNull(data);
        return null;
    }

    /// <summary>Returns the group of an opportunity.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="data">The snapshot, for look-ups.</param>
    /// <returns>The key, or null for <see cref="NoKey"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? KeyOf(Opportunity opportunity, SalesData data)
    {
        Preconditions.CheckNotNull(opportunity);
        Preconditions.CheckNotNull(data);
        return null;
    }

    /// <summary>Returns the group of a deal.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="data">The snapshot, for look-ups.</param>
    /// <returns>The key, or null for <see cref="NoKey"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? KeyOf(Deal deal, SalesData data)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(data);
        return null;
    }

    /// <summary>Returns the group of an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="data">The snapshot, for look-ups.</param>
    /// <returns>The key, or null for <see cref="NoKey"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? KeyOf(SalesActivity activity, SalesData data)
    {
        Preconditions.CheckNotNull(activity);
        Preconditions.CheckNotNull(data);
        return null;
    }

    /// <summary>Returns the group of a marketing spend record.</summary>
    /// <param name="spend">The spend record.</param>
    /// <param name="data">The snapshot, for look-ups.</param>
    /// <returns>The key, or null for <see cref="NoKey"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? KeyOf(MarketingSpend spend, SalesData data)
    {
        Preconditions.CheckNotNull(spend);
        Preconditions.CheckNotNull(data);
        return null;
    }

    /// <summary>Returns every group the data knows of, whether or not it has records (the reps and teams of the roster).</summary>
    /// <param name="data">The snapshot.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public virtual IEnumerable<string> KnownKeys(SalesData data)
    {
        Preconditions.CheckNotNull(data);
        return [];
    }

    /// <summary>Returns the key of each level of a group's key, outermost first: the key itself when this grouping is not a hierarchy.</summary>
    /// <param name="key">A group key of a report under this grouping, such as <c>West / r01</c>.</param>
    /// <returns>One key per level (<see cref="Levels"/>), such as <c>["West", "r01"]</c>; fewer when <paramref name="key"/> has
    /// fewer separators than the hierarchy has levels (it is not a key of this grouping).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <remarks><para>The key is split at its first separators (<see cref="LevelSeparator"/>), one fewer than the levels,
    /// as the groups are ordered: the last level keeps any separator its own key contains. A key of an outer level that
    /// contains <c>" / "</c> itself cannot be told apart; give such values another separator.</para></remarks>
    public ImmutableArray<string> SplitKey(string key)
    {
        Preconditions.CheckNotNull(key);
        var levels = Levels.Length;
        if (levels == 1)
        {
            return [key];
        }

        var parts = ImmutableArray.CreateBuilder<string>(levels);
        var rest = key.AsSpan();
        while (parts.Count < levels - 1 && rest.IndexOf(LevelSeparator, StringComparison.Ordinal) is var at and >= 0)
        {
            parts.Add(rest[..at].ToString());
            rest = rest[(at + LevelSeparator.Length)..];
        }

        parts.Add(rest.ToString());
        return parts.ToImmutable();
    }

    /// <summary>Returns the dimension.</summary>
    /// <returns>The dimension.</returns>
    public override string ToString() => Dimension;

    /// <summary>Returns the name of a dimension grouping (<see cref="ByDimension"/>), or null for any other.</summary>
    internal string? DimensionName => (this as DimensionGrouping)?.Dimension;

    /// <summary>Returns the order of the groups of a report under this grouping: ordinal with <see cref="NoKey"/> last, level by level for a hierarchy.</summary>
    internal IComparer<string> KeyOrder => Levels.Length > 1 ? new HierarchyOrder(Levels.Length) : FlatOrder.Instance;

    private static int CompareLevel(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aNone = a.SequenceEqual(NoKey);
        var bNone = b.SequenceEqual(NoKey);
        return aNone != bNone ? (aNone ? 1 : -1) : a.SequenceCompareTo(b);
    }

    private sealed class FlatOrder : IComparer<string>
    {
        public static FlatOrder Instance { get; } = new();

        public int Compare(string? x, string? y) => CompareLevel(x, y);
    }

    /// <summary>Compares the keys of a hierarchy level by level: the text up to each separator, the last level the rest.</summary>
    private sealed class HierarchyOrder(int levels) : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            ReadOnlySpan<char> a = x, b = y;
            for (var level = 0; level < levels; level++)
            {
                var last = level == levels - 1;
                var ai = last ? -1 : a.IndexOf(LevelSeparator, StringComparison.Ordinal);
                var bi = last ? -1 : b.IndexOf(LevelSeparator, StringComparison.Ordinal);
                var order = CompareLevel(ai < 0 ? a : a[..ai], bi < 0 ? b : b[..bi]);
                if (order != 0 || ai < 0 || bi < 0)
                {
                    return order != 0 ? order : (ai < 0 ? 0 : 1) - (bi < 0 ? 0 : 1);
                }

                a = a[(ai + LevelSeparator.Length)..];
                b = b[(bi + LevelSeparator.Length)..];
            }

            return 0;
        }
    }

    private sealed class DimensionGrouping(string name) : KpiGrouping(name)
    {
        public override bool Supports(KpiRecordType recordType) => true;

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return data.DimensionOf(lead, Dimension);
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return data.DimensionOf(opportunity, Dimension);
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return data.DimensionOf(deal, Dimension);
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return data.DimensionOf(activity, Dimension);
        }

        public override string? KeyOf(MarketingSpend spend, SalesData data)
        {
            Preconditions.CheckNotNull(spend);
            Preconditions.CheckNotNull(data);
            return data.DimensionOf(spend, Dimension);
        }

        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            return data.Roster.Reps.Select(r => r.Dimensions.ValueOf(Dimension))
                .Concat(data.Accounts.Select(a => a.Dimensions.ValueOf(Dimension)))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
        }
    }

    private sealed class HierarchyGrouping(ImmutableArray<KpiGrouping> levels) : KpiGrouping(string.Join('/', levels.Select(l => l.Dimension)))
    {
        public override ImmutableArray<KpiGrouping> Levels => levels;

        public override bool Supports(KpiRecordType recordType) => levels.All(l => l.Supports(recordType));

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return Join(l => l.KeyOf(lead, data));
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return Join(l => l.KeyOf(opportunity, data));
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return Join(l => l.KeyOf(deal, data));
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return Join(l => l.KeyOf(activity, data));
        }

        public override string? KeyOf(MarketingSpend spend, SalesData data)
        {
            Preconditions.CheckNotNull(spend);
            Preconditions.CheckNotNull(data);
            return Join(l => l.KeyOf(spend, data));
        }

        /// <summary>Returns the groups of the roster's reps: each rep's key at every level, when every level is a rep's (rep, team or dimension); else none.</summary>
        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            if (!levels.All(l => ReferenceEquals(l, ByRep) || ReferenceEquals(l, ByTeam) || l is DimensionGrouping))
            {
                return [];
            }

            return data.Roster.Reps
                .Select(rep => string.Join(LevelSeparator, levels.Select(l =>
                    ReferenceEquals(l, ByRep) ? rep.Id.Value
                    : ReferenceEquals(l, ByTeam) ? rep.Team.Value
                    : rep.Dimensions.ValueOf(l.Dimension) ?? NoKey)))
                .Distinct(StringComparer.Ordinal);
        }

        private string Join(Func<KpiGrouping, string?> keyOf) => string.Join(LevelSeparator, levels.Select(l => keyOf(l) ?? NoKey));
    }

    private sealed class NoGrouping() : KpiGrouping("none")
    {
        public override bool Supports(KpiRecordType recordType) => true;

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return AllKey;
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return AllKey;
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return AllKey;
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return AllKey;
        }

        public override string? KeyOf(MarketingSpend spend, SalesData data)
        {
            Preconditions.CheckNotNull(spend);
            Preconditions.CheckNotNull(data);
            return AllKey;
        }

        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            return [AllKey];
        }
    }

    private sealed class RepGrouping(bool teams) : KpiGrouping(teams ? "team" : "rep")
    {
        public override bool Supports(KpiRecordType recordType) => recordType != KpiRecordType.Spend;

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return lead.Owner is { } o ? Key(o, data) : null;
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return Key(opportunity.Owner, data);
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return Key(deal.Owner, data);
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return Key(activity.Owner, data);
        }

        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            return teams ? data.Roster.Teams.Select(t => t.Value) : data.Roster.Reps.Select(r => r.Id.Value);
        }

        private string? Key(Reps.RepId rep, SalesData data) => teams ? data.Roster.TeamOf(rep)?.Value : rep.Value;
    }

    private sealed class SourceGrouping() : KpiGrouping("source")
    {
        public override bool Supports(KpiRecordType recordType) => true;

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return SourceKeys.Of(lead);
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return SourceKeys.Of(opportunity, data);
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return SourceKeys.Of(deal, data);
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return SourceKeys.Of(activity, data);
        }

        public override string? KeyOf(MarketingSpend spend, SalesData data)
        {
            Preconditions.CheckNotNull(spend);
            Preconditions.CheckNotNull(data);
            return SourceKeys.Of(spend);
        }
    }

    private sealed class DealKindGrouping() : KpiGrouping("deal-kind")
    {
        public override bool Supports(KpiRecordType recordType) => recordType == KpiRecordType.Deals;

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return DealKinds.ToName(deal.Kind);
        }

        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            return Enum.GetValues<DealKind>().Select(DealKinds.ToName);
        }
    }

    private sealed class ToolGrouping() : KpiGrouping("tool")
    {
        public override bool Supports(KpiRecordType recordType) => recordType == KpiRecordType.Activities;

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return activity.Tool;
        }
    }

    private sealed class LostReasonGrouping() : KpiGrouping("lost-reason")
    {
        public override bool Supports(KpiRecordType recordType) => recordType == KpiRecordType.Opportunities;

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return opportunity.LostReason;
        }
    }

    private sealed class ForecastCategoryGrouping() : KpiGrouping("forecast-category")
    {
        public override bool Supports(KpiRecordType recordType) => recordType == KpiRecordType.Opportunities;

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return ForecastCategories.ToName(opportunity.ForecastCategory);
        }

        public override IEnumerable<string> KnownKeys(SalesData data)
        {
            Preconditions.CheckNotNull(data);
            return ForecastCategories.All.Select(ForecastCategories.ToName);
        }
    }

    private sealed class CustomGrouping(
        string dimension,
        Func<Lead, string?>? leads,
        Func<Opportunity, string?>? opportunities,
        Func<Deal, string?>? deals,
        Func<SalesActivity, string?>? activities,
        Func<MarketingSpend, string?>? spend) : KpiGrouping(dimension)
    {
        public override bool Supports(KpiRecordType recordType) => recordType switch
        {
            KpiRecordType.Leads => leads is not null,
            KpiRecordType.Opportunities => opportunities is not null,
            KpiRecordType.Deals => deals is not null,
            KpiRecordType.Activities => activities is not null,
            _ => spend is not null,
        };

        public override string? KeyOf(Lead lead, SalesData data)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(data);
            return leads?.Invoke(lead);
        }

        public override string? KeyOf(Opportunity opportunity, SalesData data)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(data);
            return opportunities?.Invoke(opportunity);
        }

        public override string? KeyOf(Deal deal, SalesData data)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(data);
            return deals?.Invoke(deal);
        }

        public override string? KeyOf(SalesActivity activity, SalesData data)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(data);
            return activities?.Invoke(activity);
        }

        public override string? KeyOf(MarketingSpend spend1, SalesData data)
        {
            Preconditions.CheckNotNull(spend1, "spend");
            Preconditions.CheckNotNull(data);
            return spend?.Invoke(spend1);
        }
    }
}
