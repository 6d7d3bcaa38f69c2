using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
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
/// An immutable snapshot of a sales organisation's records: leads, opportunities, deals, activities, marketing
/// spend, the rep roster and the accounts. KPIs are evaluated over it.
/// </summary>
/// <remarks>
/// <para>Every collection is optional: a KPI reads only the collections it needs, so a snapshot holding only
/// activities is enough for the activity KPIs. Passing an <see cref="ImmutableArray{T}"/> stores it without a copy;
/// any other sequence is copied once. A default (uninitialized) <see cref="ImmutableArray{T}"/> is an empty collection.</para>
/// <para>Equality compares every collection element by element, in order, and the roster.</para>
/// <para>Records may carry <see cref="Dimensions"/>; an opportunity or a deal also takes those of its account
/// (<see cref="Accounts"/>) and every record with an owner those of its rep (<see cref="Roster"/>): see
/// <see cref="DimensionOf(Opportunity, string)"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SalesData : IEquatable<SalesData>
{
    private readonly Records<Lead, LeadColumns> _leads;
    private readonly Records<Opportunity, OpportunityColumns> _opportunities;
    private readonly Records<Deal, DealColumns> _deals;
    private readonly Records<SalesActivity, ActivityColumns> _activities;
    private FrozenDictionary<LeadId, Lead>? _leadsById;
    private FrozenDictionary<OpportunityId, Opportunity>? _opportunitiesById;
    private FrozenDictionary<AccountId, Account>? _accountsById;
    private DimensionCache? _dimensionColumns;
    private ImmutableArray<string>? _dimensionNames;
    private int _stageChanges = -1;

    private SalesData(
        Records<Lead, LeadColumns> leads,
        Records<Opportunity, OpportunityColumns> opportunities,
        Records<Deal, DealColumns> deals,
        Records<SalesActivity, ActivityColumns> activities,
        ImmutableArray<MarketingSpend> spend,
        Roster roster,
        ImmutableArray<Account> accounts)
    {
        // A copy made with a WithXxx method passes on the collections it keeps, and with them their columns.
        _leads = leads;
        _opportunities = opportunities;
        _deals = deals;
        _activities = activities;
        Spend = spend;
        Roster = roster;
        Accounts = accounts;
    }

    /// <summary>Gets a snapshot with no records and an empty roster.</summary>
    public static SalesData Empty { get; } = Create();

    /// <summary>Gets the leads.</summary>
    /// <remarks><para>A snapshot made by <see cref="SalesDataBuilder"/> keeps its leads as compact columns and makes the
    /// objects on the first call, once (see <see cref="Counts"/> for the number without them).</para></remarks>
    public ImmutableArray<Lead> Leads => _leads.Objects;

    /// <summary>Gets the opportunities.</summary>
    public ImmutableArray<Opportunity> Opportunities => _opportunities.Objects;

    /// <summary>Gets the won deals.</summary>
    public ImmutableArray<Deal> Deals => _deals.Objects;

    /// <summary>Gets the activities.</summary>
    /// <remarks><para>A snapshot made by <see cref="SalesDataBuilder"/> keeps its activities as compact columns and
    /// makes the objects on the first call, once (see <see cref="Counts"/> for the number without them).</para></remarks>
    public ImmutableArray<SalesActivity> Activities => _activities.Objects;

    /// <summary>Gets the marketing spend.</summary>
    public ImmutableArray<MarketingSpend> Spend { get; }

    /// <summary>Gets the rep roster.</summary>
    public Roster Roster { get; }

    /// <summary>Gets the accounts: what gives opportunities and deals the dimensions they do not carry themselves.</summary>
    /// <remarks><para>Opportunities and deals need no <see cref="Account"/> to be evaluated; an account only adds
    /// dimensions (see <see cref="DimensionOf(Opportunity, string)"/>).</para></remarks>
    public ImmutableArray<Account> Accounts { get; }

    /// <summary>
    /// Gets the name of every dimension a record, a rep or an account of the snapshot carries, each once (in its first
    /// spelling; names compare ignoring case), sorted: what <see cref="Reporting.KpiGrouping.ByDimension"/> and
    /// <see cref="Reporting.KpiFilter.Dimension(string, string)"/> can name here.
    /// </summary>
    /// <remarks><para>Read from the compact columns of a built snapshot, without making its record objects; computed on
    /// the first call, once.</para></remarks>
    public ImmutableArray<string> DimensionNames
    {
        get
        {
            if (_dimensionNames is { } known)
            {
                return known;
            }

            var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            NamesOf(_leads, names);
            NamesOf(_opportunities, names);
            NamesOf(_deals, names);
            NamesOf(_activities, names);
            names.UnionWith(Spend.SelectMany(r => r.Dimensions.Keys));
            names.UnionWith(Roster.Reps.SelectMany(r => r.Dimensions.Keys));
            names.UnionWith(Accounts.SelectMany(a => a.Dimensions.Keys));
            ImmutableArray<string> result = [.. names];
            _dimensionNames = result;
            return result;
        }
    }

    /// <summary>Gets the number of records of each kind, without making the record objects of a built snapshot.</summary>
    public SalesDataCounts Counts => new(
        _leads.Count,
        _opportunities.Count,
        StageChanges,
        _deals.Count,
        _activities.Count,
        Spend.Length,
        Roster.Reps.Length,
        Accounts.Length);

    /// <summary>Gets the number of records of the largest collection, or an upper bound of it for a snapshot as of an
    /// instant whose collections are not made yet: what an evaluation splits into partitions.</summary>
    internal int LargestCollectionEstimate =>
        Math.Max(Math.Max(_leads.Estimate, _opportunities.Estimate), Math.Max(_deals.Estimate, _activities.Estimate));

    /// <summary>Gets the stage entries of every opportunity, counted once: <see cref="Counts"/> is read for every evaluation.</summary>
    private int StageChanges
    {
        get
        {
            if (_stageChanges < 0)
            {
                _stageChanges = Opportunities.Sum(o => o.StageHistory.Length);
            }

            return _stageChanges;
        }
    }

    /// <summary>
    /// Gets the latest instant any record holds — a lead's creation, qualification or conversion, an opportunity's
    /// creation or close, a deal's close, an activity — or null when there are none; read from the compact columns.
    /// </summary>
    /// <remarks><para>Where a report without an explicit range should end, for example. Stage entries are never later
    /// than their opportunity's close, and an open opportunity's may be: they are not counted.</para></remarks>
    public Instant? LatestInstant => Later(
        Later(_leads.Latest(static l => Later(l.CreatedAt, Later(l.QualifiedAt, l.ConvertedAt))), _opportunities.Latest(static o => Later(o.CreatedAt, o.ClosedAt))),
        Later(_deals.Latest(static d => d.ClosedAt), _activities.Latest(static a => a.OccurredAt)));

    /// <summary>Creates a snapshot from any of the collections; the others are empty.</summary>
    /// <param name="leads">The leads, or null for none.</param>
    /// <param name="opportunities">The opportunities, or null for none.</param>
    /// <param name="deals">The won deals, or null for none.</param>
    /// <param name="activities">The activities, or null for none.</param>
    /// <param name="spend">The marketing spend, or null for none.</param>
    /// <param name="roster">The roster, or null for an empty one.</param>
    /// <param name="accounts">The accounts, or null for none.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">A collection contains a null element; the message gives its index.</exception>
    public static SalesData Create(
        IEnumerable<Lead>? leads = null,
        IEnumerable<Opportunity>? opportunities = null,
        IEnumerable<Deal>? deals = null,
        IEnumerable<SalesActivity>? activities = null,
        IEnumerable<MarketingSpend>? spend = null,
        Roster? roster = null,
        IEnumerable<Account>? accounts = null) =>
        new(
            LeadRecords(Freeze(leads, nameof(leads))),
            OpportunityRecords(Freeze(opportunities, nameof(opportunities))),
            DealRecords(Freeze(deals, nameof(deals))),
            ActivityRecords(Freeze(activities, nameof(activities))),
            Freeze(spend, nameof(spend)),
            roster ?? Roster.Empty,
            Freeze(accounts, nameof(accounts)));

    /// <summary>
    /// Creates a snapshot from asynchronous streams of records, such as rows read from a service or an ORM's
    /// <c>AsAsyncEnumerable()</c>: each stream is read to its end, one after another, and its records are kept as they
    /// arrive, so that no intermediate list of the whole stream is built.
    /// </summary>
    /// <param name="leads">The leads, or null for none.</param>
    /// <param name="opportunities">The opportunities, or null for none.</param>
    /// <param name="deals">The won deals, or null for none.</param>
    /// <param name="activities">The activities, or null for none.</param>
    /// <param name="spend">The marketing spend, or null for none.</param>
    /// <param name="roster">The roster, or null for an empty one.</param>
    /// <param name="accounts">The accounts, or null for none.</param>
    /// <param name="cancellationToken">Cancels the reading; it is passed on to each stream.</param>
    /// <returns>The snapshot.</returns>
    /// <remarks>
    /// <para>As with <see cref="Create"/>, the records are taken as they are: each was checked when it was made, and
    /// the rules between records (an identifier given twice, a reference to a lead that is not there) are an importer's
    /// (SalesKpi.Csv checks them for CSV files and databases).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A stream yields a null element; the message gives its index.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var data = await SalesData.CreateAsync(
    ///     leads: crm.ReadLeadsAsync(cancellationToken),
    ///     activities: crm.ReadActivitiesAsync(cancellationToken),
    ///     cancellationToken: cancellationToken);
    /// </code>
    /// </example>
    public static async Task<SalesData> CreateAsync(
        IAsyncEnumerable<Lead>? leads = null,
        IAsyncEnumerable<Opportunity>? opportunities = null,
        IAsyncEnumerable<Deal>? deals = null,
        IAsyncEnumerable<SalesActivity>? activities = null,
        IAsyncEnumerable<MarketingSpend>? spend = null,
        Roster? roster = null,
        IAsyncEnumerable<Account>? accounts = null,
        CancellationToken cancellationToken = default) =>
        new(
            LeadRecords(await FreezeAsync(leads, nameof(leads), cancellationToken).ConfigureAwait(false)),
            OpportunityRecords(await FreezeAsync(opportunities, nameof(opportunities), cancellationToken).ConfigureAwait(false)),
            DealRecords(await FreezeAsync(deals, nameof(deals), cancellationToken).ConfigureAwait(false)),
            ActivityRecords(await FreezeAsync(activities, nameof(activities), cancellationToken).ConfigureAwait(false)),
            await FreezeAsync(spend, nameof(spend), cancellationToken).ConfigureAwait(false),
            roster ?? Roster.Empty,
            await FreezeAsync(accounts, nameof(accounts), cancellationToken).ConfigureAwait(false));

    /// <summary>Returns a copy with other leads.</summary>
    /// <param name="leads">The leads.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="leads"/> contains a null element.</exception>
    [Pure]
    public SalesData WithLeads(IEnumerable<Lead> leads) =>
        new(LeadRecords(Freeze(Preconditions.CheckNotNull(leads), nameof(leads))), _opportunities, _deals, _activities, Spend, Roster, Accounts);

    /// <summary>Returns a copy with other opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="opportunities"/> contains a null element.</exception>
    [Pure]
    public SalesData WithOpportunities(IEnumerable<Opportunity> opportunities) =>
        new(_leads, OpportunityRecords(Freeze(Preconditions.CheckNotNull(opportunities), nameof(opportunities))), _deals, _activities, Spend, Roster, Accounts);

    /// <summary>Returns a copy with other deals.</summary>
    /// <param name="deals">The won deals.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="deals"/> contains a null element.</exception>
    [Pure]
    public SalesData WithDeals(IEnumerable<Deal> deals) =>
        new(_leads, _opportunities, DealRecords(Freeze(Preconditions.CheckNotNull(deals), nameof(deals))), _activities, Spend, Roster, Accounts);

    /// <summary>Returns a copy with other activities.</summary>
    /// <param name="activities">The activities.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="activities"/> contains a null element.</exception>
    [Pure]
    public SalesData WithActivities(IEnumerable<SalesActivity> activities) =>
        new(_leads, _opportunities, _deals, ActivityRecords(Freeze(Preconditions.CheckNotNull(activities), nameof(activities))), Spend, Roster, Accounts);

    /// <summary>Returns a copy with other marketing spend.</summary>
    /// <param name="spend">The spend records.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spend"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="spend"/> contains a null element.</exception>
    [Pure]
    public SalesData WithSpend(IEnumerable<MarketingSpend> spend) =>
        new(_leads, _opportunities, _deals, _activities, Freeze(Preconditions.CheckNotNull(spend), nameof(spend)), Roster, Accounts);

    /// <summary>Returns a copy with another roster.</summary>
    /// <param name="roster">The roster.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    [Pure]
    public SalesData WithRoster(Roster roster) =>
        new(_leads, _opportunities, _deals, _activities, Spend, Preconditions.CheckNotNull(roster), Accounts);

    /// <summary>Returns a copy with other accounts.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accounts"/> contains a null element.</exception>
    [Pure]
    public SalesData WithAccounts(IEnumerable<Account> accounts) =>
        new(_leads, _opportunities, _deals, _activities, Spend, Roster, Freeze(Preconditions.CheckNotNull(accounts), nameof(accounts)));

    /// <summary>
    /// Returns the records as they stood just before an instant: the opportunities rebuilt from their histories
    /// (<see cref="Opportunity.AsOf"/>), and only the leads, deals and activities that existed by then, each lead without
    /// a qualification or conversion that came later. The marketing spend, the roster and the accounts are kept.
    /// </summary>
    /// <param name="instant">The instant; what happened at it is not yet seen.</param>
    /// <returns>A new snapshot, on which any KPI is evaluated as of <paramref name="instant"/>.</returns>
    /// <remarks><para>Evaluate a pipeline KPI on the result for the pipeline as it stood, such as last Monday's weighted
    /// pipeline of the quarter. The instant cuts the records, not the periods: a KPI evaluated for a period that ends after
    /// <paramref name="instant"/> sees nothing of what came later.</para>
    /// <para>Each collection is rebuilt the first time it is read, once: a pipeline KPI, which reads the opportunities
    /// only, costs a pass over them and not over the activities.</para></remarks>
    /// <example>
    /// <code>
    /// var lastMonday = data.AsOf(Instant.FromUtc(2025, 3, 3, 0, 0));
    /// KpiValue weighted = Kpis.WeightedPipeline.Evaluate(lastMonday, quarter);
    /// </code>
    /// </example>
    [Pure]
    public SalesData AsOf(Instant instant)
    {
        var source = this;
        return new(
            new(() => source.LeadsAsOf(instant), _leads.Estimate, LeadColumns.Build),
            new(() => source.OpportunitiesAsOf(instant), _opportunities.Estimate, OpportunityColumns.Build),
            new(() => [.. source.Deals.Where(d => d.ClosedAt < instant)], _deals.Estimate, DealColumns.Build),
            new(() => [.. source.Activities.Where(a => a.OccurredAt < instant)], _activities.Estimate, ActivityColumns.Build),
            Spend,
            Roster,
            Accounts);
    }

    private ImmutableArray<Lead> LeadsAsOf(Instant instant)
    {
        var leads = ImmutableArray.CreateBuilder<Lead>();
        foreach (var lead in Leads)
        {
            if (lead.CreatedAt >= instant)
            {
                continue;
            }

            var qualified = lead.QualifiedAt is { } q && q >= instant ? null : lead.QualifiedAt;
            var converted = lead.ConvertedAt is { } c && c >= instant ? null : lead.ConvertedAt;
            leads.Add(qualified == lead.QualifiedAt && converted == lead.ConvertedAt ? lead : new Lead(lead.Id, lead.CreatedAt, lead.Source, lead.Owner, qualified, converted, lead.Dimensions));
        }

        return leads.DrainToImmutable();
    }

    private ImmutableArray<Opportunity> OpportunitiesAsOf(Instant instant)
    {
        var opportunities = ImmutableArray.CreateBuilder<Opportunity>(_opportunities.Count);
        foreach (var opportunity in Opportunities)
        {
            if (opportunity.AsOf(instant) is { } then)
            {
                opportunities.Add(then);
            }
        }

        return opportunities.DrainToImmutable();
    }

    /// <summary>Returns the lead with the given identifier.</summary>
    /// <param name="id">The lead's identifier.</param>
    /// <param name="lead">The lead, when found.</param>
    /// <returns>True when the snapshot holds the lead.</returns>
    /// <remarks><para>The first call builds an index of the leads; it is then shared by every thread. When an identifier
    /// appears twice, the first record wins.</para></remarks>
    public bool TryGetLead(LeadId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Lead? lead) =>
        Index(ref _leadsById, Leads, static l => l.Id).TryGetValue(id, out lead);

    /// <summary>Returns the opportunity with the given identifier.</summary>
    /// <param name="id">The opportunity's identifier.</param>
    /// <param name="opportunity">The opportunity, when found.</param>
    /// <returns>True when the snapshot holds the opportunity.</returns>
    /// <remarks><para>The first call builds an index of the opportunities; it is then shared by every thread. When an
    /// identifier appears twice, the first record wins.</para></remarks>
    public bool TryGetOpportunity(OpportunityId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Opportunity? opportunity) =>
        Index(ref _opportunitiesById, Opportunities, static o => o.Id).TryGetValue(id, out opportunity);

    /// <summary>Returns the account with the given identifier.</summary>
    /// <param name="id">The account's identifier.</param>
    /// <param name="account">The account, when found.</param>
    /// <returns>True when the snapshot holds the account.</returns>
    /// <remarks><para>The first call builds an index of the accounts; it is then shared by every thread. When an
    /// identifier appears twice, the first record wins.</para></remarks>
    public bool TryGetAccount(AccountId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Account? account) =>
        Index(ref _accountsById, Accounts, static a => a.Id).TryGetValue(id, out account);

    /// <summary>Returns a lead's value of a dimension: its own, else its owner's (through <see cref="Roster"/>).</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <returns>The value, or null when neither the lead nor its owner carries the dimension (a lead without an owner
    /// has only its own); a report groups such records under <c>(none)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> or <paramref name="name"/> is null.</exception>
    /// <remarks><para>The one rule every grouping and filter by a dimension follows: a record's own value; else, for an
    /// opportunity or a deal, its account's; else its owner rep's; else none.</para></remarks>
    public string? DimensionOf(Lead lead, string name)
    {
        Preconditions.CheckNotNull(lead);
        Preconditions.CheckNotNull(name);
        return lead.Dimensions.ValueOf(name) ?? RepDimension(lead.Owner, name);
    }

    /// <summary>Returns an opportunity's value of a dimension: its own, else its account's (through <see cref="Accounts"/>), else its owner's (through <see cref="Roster"/>).</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <returns>The value, or null when none of them carries the dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> or <paramref name="name"/> is null.</exception>
    public string? DimensionOf(Opportunity opportunity, string name)
    {
        Preconditions.CheckNotNull(opportunity);
        Preconditions.CheckNotNull(name);
        return opportunity.Dimensions.ValueOf(name) ?? AccountDimension(opportunity.Account, name) ?? RepDimension(opportunity.Owner, name);
    }

    /// <summary>Returns a deal's value of a dimension: its own, else its account's (through <see cref="Accounts"/>), else its owner's (through <see cref="Roster"/>).</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <returns>The value, or null when none of them carries the dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="name"/> is null.</exception>
    public string? DimensionOf(Deal deal, string name)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(name);
        return deal.Dimensions.ValueOf(name) ?? AccountDimension(deal.Account, name) ?? RepDimension(deal.Owner, name);
    }

    /// <summary>Returns an activity's value of a dimension: its own, else its owner's (through <see cref="Roster"/>).</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <returns>The value, or null when neither carries the dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> or <paramref name="name"/> is null.</exception>
    public string? DimensionOf(SalesActivity activity, string name)
    {
        Preconditions.CheckNotNull(activity);
        Preconditions.CheckNotNull(name);
        return activity.Dimensions.ValueOf(name) ?? RepDimension(activity.Owner, name);
    }

    /// <summary>Returns a spend record's value of a dimension: its own (spend has no owner or account).</summary>
    /// <param name="spend">The spend record.</param>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <returns>The value, or null when the record does not carry the dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spend"/> or <paramref name="name"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One of the DimensionOf overloads of a snapshot; a spend record has no owner or account to look up, today.")]
    public string? DimensionOf(MarketingSpend spend, string name)
    {
        Preconditions.CheckNotNull(spend);
        Preconditions.CheckNotNull(name);
        return spend.Dimensions.ValueOf(name);
    }

    /// <summary>Builds now, rather than on the first evaluation, the compact columnar form of the records that evaluation scans.</summary>
    /// <remarks>
    /// <para>The first evaluation of a snapshot converts each collection it reads into compact columns (timestamps as
    /// ticks, owners and kinds as dense codes), once; later evaluations, on any thread, scan the columns. Call this to pay
    /// that cost up front, for example right after loading the data. It is safe to call from several threads, and a
    /// copy made with a <c>WithXxx</c> method shares the columns of the collections it keeps.</para>
    /// </remarks>
    public void Prepare()
    {
        _ = LeadColumns;
        _ = OpportunityColumns;
        _ = DealColumns;
        _ = ActivityColumns;
    }

    /// <summary>Returns true when both snapshots hold equal records in the same order, equal rosters and equal accounts in the same order, or both are null.</summary>
    /// <param name="left">The first snapshot.</param>
    /// <param name="right">The second snapshot.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SalesData? left, SalesData? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && Same(left._leads, right._leads)
            && Same(left._opportunities, right._opportunities)
            && Same(left._deals, right._deals)
            && Same(left._activities, right._activities)
            && left.Spend.SequenceEqual(right.Spend)
            && left.Roster == right.Roster
            && left.Accounts.SequenceEqual(right.Accounts));

    /// <summary>Returns true when the snapshots differ.</summary>
    /// <param name="left">The first snapshot.</param>
    /// <param name="right">The second snapshot.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(SalesData? left, SalesData? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> holds equal records in the same order.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SalesData? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SalesData other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(_leads.Count, _opportunities.Count, _deals.Count, _activities.Count, Spend.Length, Roster, Accounts.Length);

    /// <summary>Returns the number of records of each kind, such as <c>SalesData (2 leads, 1 opportunities, 0 deals, 5 activities, 0 spend, 3 reps)</c>, with <c>, 4 accounts</c> before the parenthesis when there are any.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"SalesData ({_leads.Count} leads, {_opportunities.Count} opportunities, {_deals.Count} deals, {_activities.Count} activities, {Spend.Length} spend, {Roster.Reps.Length} reps{(Accounts.IsEmpty ? string.Empty : $", {Accounts.Length} accounts")})";

    internal LeadColumns LeadColumns => _leads.Columns;

    internal OpportunityColumns OpportunityColumns => _opportunities.Columns;

    internal DealColumns DealColumns => _deals.Columns;

    internal ActivityColumns ActivityColumns => _activities.Columns;

    /// <summary>Gets the leads' table when the snapshot was built as columns (<see cref="SalesDataBuilder"/>), else null.</summary>
    internal LeadTable? LeadTable => _leads.Table as LeadTable;

    /// <summary>Gets the activities' table when the snapshot was built as columns, else null.</summary>
    internal ActivityTable? ActivityTable => _activities.Table as ActivityTable;

    /// <summary>Gets the resolved dimension columns of this snapshot (they depend on its roster and accounts), made on first use.</summary>
    internal DimensionCache DimensionColumns
    {
        get
        {
            var cache = Volatile.Read(ref _dimensionColumns);
            return cache ?? Interlocked.CompareExchange(ref _dimensionColumns, new DimensionCache(this), null) ?? _dimensionColumns!;
        }
    }

    /// <summary>Makes a snapshot from the collections a <see cref="SalesDataBuilder"/> filled.</summary>
    internal static SalesData FromTables(LeadTable leads, ImmutableArray<Opportunity> opportunities, ImmutableArray<Deal> deals, ActivityTable activities, ImmutableArray<MarketingSpend> spend, Roster roster, ImmutableArray<Account> accounts) =>
        new(
            new(leads, static t => LeadColumns.Build((LeadTable)t)),
            OpportunityRecords(opportunities),
            DealRecords(deals),
            new(activities, static t => ActivityColumns.Build((ActivityTable)t)),
            spend,
            roster,
            accounts);

    private static Records<Lead, LeadColumns> LeadRecords(ImmutableArray<Lead> leads) => new(leads, LeadColumns.Build);

    private static Records<Opportunity, OpportunityColumns> OpportunityRecords(ImmutableArray<Opportunity> opportunities) => new(opportunities, OpportunityColumns.Build);

    private static Records<Deal, DealColumns> DealRecords(ImmutableArray<Deal> deals) => new(deals, DealColumns.Build);

    private static Records<SalesActivity, ActivityColumns> ActivityRecords(ImmutableArray<SalesActivity> activities) => new(activities, ActivityColumns.Build);

    private static void NamesOf<T, TColumns>(Records<T, TColumns> records, SortedSet<string> names)
        where T : class
        where TColumns : class
    {
        switch (records.Table)
        {
            case LeadTable leads:
                names.UnionWith(leads.Dimensions.Names);
                break;
            case ActivityTable activities:
                names.UnionWith(activities.Dimensions.Names);
                break;
            default:
                foreach (var record in records.Objects)
                {
                    names.UnionWith(record switch
                    {
                        Lead l => l.Dimensions.Keys,
                        Opportunity o => o.Dimensions.Keys,
                        Deal d => d.Dimensions.Keys,
                        SalesActivity a => a.Dimensions.Keys,
                        _ => [],
                    });
                }

                break;
        }
    }

    private string? AccountDimension(AccountId account, string name) =>
        Accounts.IsEmpty ? null : TryGetAccount(account, out var found) ? found.Dimensions.ValueOf(name) : null;

    private string? RepDimension(RepId? owner, string name) =>
        owner is { } id && Roster.TryGetRep(id, out var rep) ? rep.Dimensions.ValueOf(name) : null;

    private static Instant? Later(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Max(a.Value, b.Value);

    private static bool Same<T, TColumns>(Records<T, TColumns> left, Records<T, TColumns> right)
        where T : class
        where TColumns : class =>
        ReferenceEquals(left, right) || (left.Count == right.Count && left.Objects.SequenceEqual(right.Objects));

    private static FrozenDictionary<TKey, T> Index<TKey, T>(ref FrozenDictionary<TKey, T>? field, ImmutableArray<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var index = Volatile.Read(ref field);
        if (index is null)
        {
            var map = new Dictionary<TKey, T>(items.Length);
            foreach (var item in items)
            {
                map.TryAdd(key(item), item);
            }

            index = map.ToFrozenDictionary();
            index = Interlocked.CompareExchange(ref field, index, null) ?? index;
        }

        return index;
    }

    private static ImmutableArray<T> Freeze<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        if (items is null)
        {
            return [];
        }

        var array = items is ImmutableArray<T> immutable ? (immutable.IsDefault ? [] : immutable) : items.ToImmutableArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentException($"Element {i} is null.", paramName);
            }
        }

        return array;
    }

    private static async ValueTask<ImmutableArray<T>> FreezeAsync<T>(IAsyncEnumerable<T>? items, string paramName, CancellationToken cancellationToken)
        where T : class
    {
        if (items is null)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var builder = ImmutableArray.CreateBuilder<T>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (item is null)
            {
                throw new ArgumentException($"Element {builder.Count} is null.", paramName);
            }

            builder.Add(item);
        }

        return builder.DrainToImmutable();
    }
}
