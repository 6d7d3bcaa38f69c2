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
/// <para>Groups are ordered by key (ordinal), with <see cref="NoKey"/> last.</para>
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

    /// <summary>Gets what the groups are, such as <c>rep</c>, <c>team</c> or <c>source</c>.</summary>
    public string Dimension { get; }

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

    /// <summary>Returns the dimension.</summary>
    /// <returns>The dimension.</returns>
    public override string ToString() => Dimension;

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
