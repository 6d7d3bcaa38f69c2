using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi;

/// <summary>
/// Builds a <see cref="SalesData"/> snapshot from records added one at a time, keeping leads and activities — most of
/// the records of any data set — as compact columns instead of objects: the streaming load path of every importer.
/// </summary>
/// <remarks>
/// <para>Each record added is copied into columns (timestamps as ticks, owners, kinds and sources as codes, one string
/// per distinct text), and the object can be dropped at once, so it never outlives the young generation. The snapshot
/// scans the columns; its <see cref="SalesData.Leads"/> and <see cref="SalesData.Activities"/> make the objects again,
/// equal to the ones added, the first time something asks for them (a custom KPI over records, a lookup by
/// identifier, an equality test), and keep them from then on. Opportunities, deals, spend and reps are kept as the
/// objects given. docs/design.md gives the bytes each kind of record takes. A lead's or an activity's
/// <see cref="Dimensions"/> are kept dictionary-encoded too: one code per record and dimension name.</para>
/// <para>Records are kept in the order they are added. The builder checks nothing the records' constructors have not
/// checked: duplicate identifiers and references between collections are the importer's business.</para>
/// </remarks>
/// <example>
/// <code>
/// var builder = new SalesDataBuilder();
/// await foreach (var activity in crm.ReadActivitiesAsync(cancellationToken))
/// {
///     builder.Add(activity);
/// }
///
/// SalesData data = builder.Build();
/// </code>
/// </example>
/// <threadsafety>An instance is not thread-safe: add from one thread at a time. The snapshot it builds is immutable.</threadsafety>
public sealed class SalesDataBuilder
{
    private readonly LeadTable.Builder _leads = new();
    private readonly List<Opportunity> _opportunities = [];
    private readonly List<Deal> _deals = [];
    private readonly ActivityTable.Builder _activities = new();
    private readonly List<MarketingSpend> _spend = [];
    private readonly List<Rep> _reps = [];
    private readonly List<Account> _accounts = [];
    private bool _built;

    /// <summary>Gets the number of records added, of each kind.</summary>
    public SalesDataCounts Counts => new(
        _leads.Count,
        _opportunities.Count,
        _opportunities.Sum(o => o.StageHistory.Length),
        _deals.Count,
        _activities.Count,
        _spend.Count,
        _reps.Count,
        _accounts.Count);

    /// <summary>Adds a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(Lead lead)
    {
        Preconditions.CheckNotNull(lead);
        CheckOpen();
        _leads.Add(lead);
        return this;
    }

    /// <summary>
    /// Adds a lead from its values, checked as <see cref="Lead(LeadId, Instant, string, RepId?, Instant?, Instant?, Dimensions?)"/>
    /// checks them, without making the object: the streaming path of an importer.
    /// </summary>
    /// <param name="id">The lead's identifier.</param>
    /// <param name="createdAt">When the lead was created.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="owner">The rep who owns it, if any.</param>
    /// <param name="qualifiedAt">When it was qualified, if it was.</param>
    /// <param name="convertedAt">When it was converted, if it was.</param>
    /// <param name="dimensions">The lead's own dimensions, or null for none; kept as one code per dimension name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The values are not a valid lead (as the constructor says).</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder AddLead(LeadId id, Instant createdAt, string source, RepId? owner = null, Instant? qualifiedAt = null, Instant? convertedAt = null, Dimensions? dimensions = null)
    {
        Lead.Check(id, createdAt, source, owner, qualifiedAt, convertedAt);
        CheckOpen();
        _leads.Add(id, createdAt, source, owner, qualifiedAt, convertedAt, dimensions);
        return this;
    }

    /// <summary>Adds an opportunity.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(Opportunity opportunity)
    {
        Preconditions.CheckNotNull(opportunity);
        CheckOpen();
        _opportunities.Add(opportunity);
        return this;
    }

    /// <summary>Adds a won deal.</summary>
    /// <param name="deal">The deal.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        CheckOpen();
        _deals.Add(deal);
        return this;
    }

    /// <summary>Adds an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(SalesActivity activity)
    {
        Preconditions.CheckNotNull(activity);
        CheckOpen();
        _activities.Add(activity);
        return this;
    }

    /// <summary>
    /// Adds an activity from its values, checked as the <see cref="SalesActivity"/> constructor checks them, without making
    /// the object: the streaming path of an importer.
    /// </summary>
    /// <param name="id">The activity's identifier.</param>
    /// <param name="kind">What kind of activity it was.</param>
    /// <param name="owner">The rep who did it.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="outcomes">What came of it.</param>
    /// <param name="lead">The lead it concerned, if any.</param>
    /// <param name="opportunity">The opportunity it concerned, if any.</param>
    /// <param name="tool">For <see cref="SalesActivityKind.ToolUsage"/>, the tool used, if recorded.</param>
    /// <param name="dimensions">The activity's own dimensions, or null for none; kept as one code per dimension name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An identifier or <paramref name="kind"/> is the default value, or
    /// <paramref name="tool"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> has undefined flags.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder AddActivity(
        ActivityId id,
        SalesActivityKind kind,
        RepId owner,
        Instant occurredAt,
        ActivityOutcomes outcomes = ActivityOutcomes.None,
        LeadId? lead = null,
        OpportunityId? opportunity = null,
        string? tool = null,
        Dimensions? dimensions = null)
    {
        SalesActivity.Check(id, kind, owner, outcomes, lead, opportunity, tool);
        CheckOpen();
        _activities.Add(id, kind, owner, occurredAt, outcomes, lead, opportunity, tool, dimensions);
        return this;
    }

    /// <summary>Adds a marketing spend record.</summary>
    /// <param name="spend">The spend.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spend"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(MarketingSpend spend)
    {
        Preconditions.CheckNotNull(spend);
        CheckOpen();
        _spend.Add(spend);
        return this;
    }

    /// <summary>Adds a rep to the roster.</summary>
    /// <param name="rep">The rep.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(Rep rep)
    {
        Preconditions.CheckNotNull(rep);
        CheckOpen();
        _reps.Add(rep);
        return this;
    }

    /// <summary>Adds an account: the dimensions it gives its opportunities and deals.</summary>
    /// <param name="account">The account.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public SalesDataBuilder Add(Account account)
    {
        Preconditions.CheckNotNull(account);
        CheckOpen();
        _accounts.Add(account);
        return this;
    }

    /// <summary>Builds the snapshot. The builder cannot be used afterwards: its columns now belong to the snapshot.</summary>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called already.</exception>
    /// <exception cref="ArgumentException">The roster has a rep twice (as <see cref="Roster"/>'s constructor says).</exception>
    public SalesData Build()
    {
        CheckOpen();
        _built = true;
        return SalesData.FromTables(
            _leads.Build(),
            [.. _opportunities],
            [.. _deals],
            _activities.Build(),
            [.. _spend],
            _reps.Count == 0 ? Roster.Empty : new Roster(_reps),
            [.. _accounts]);
    }

    private void CheckOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("The builder has built its snapshot; create a new SalesDataBuilder for another.");
        }
    }
}
