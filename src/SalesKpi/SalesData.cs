using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
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
/// spend and the rep roster. KPIs are evaluated over it.
/// </summary>
/// <remarks>
/// <para>Every collection is optional: a KPI reads only the collections it needs, so a snapshot holding only
/// activities is enough for the activity KPIs. Passing an <see cref="ImmutableArray{T}"/> stores it without a copy;
/// any other sequence is copied once. A default (uninitialized) <see cref="ImmutableArray{T}"/> is an empty collection.</para>
/// <para>Equality compares every collection element by element, in order, and the roster.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SalesData : IEquatable<SalesData>
{
    private readonly ColumnCache<LeadColumns> _leadColumns;
    private readonly ColumnCache<OpportunityColumns> _opportunityColumns;
    private readonly ColumnCache<DealColumns> _dealColumns;
    private readonly ColumnCache<ActivityColumns> _activityColumns;
    private FrozenDictionary<LeadId, Lead>? _leadsById;
    private FrozenDictionary<OpportunityId, Opportunity>? _opportunitiesById;

    private SalesData(
        ImmutableArray<Lead> leads,
        ImmutableArray<Opportunity> opportunities,
        ImmutableArray<Deal> deals,
        ImmutableArray<Activity> activities,
        ImmutableArray<MarketingSpend> spend,
        Roster roster,
        SalesData? sharing = null)
    {
        Leads = leads;
        Opportunities = opportunities;
        Deals = deals;
        Activities = activities;
        Spend = spend;
        Roster = roster;

        // The compact columns of a collection are built on first use and shared with the copies that keep the collection.
        _leadColumns = sharing is not null && sharing.Leads == leads ? sharing._leadColumns : new(() => LeadColumns.Build(leads));
        _opportunityColumns = sharing is not null && sharing.Opportunities == opportunities
            ? sharing._opportunityColumns
            : new(() => OpportunityColumns.Build(opportunities));
        _dealColumns = sharing is not null && sharing.Deals == deals ? sharing._dealColumns : new(() => DealColumns.Build(deals));
        _activityColumns = sharing is not null && sharing.Activities == activities ? sharing._activityColumns : new(() => ActivityColumns.Build(activities));
    }

    /// <summary>Gets a snapshot with no records and an empty roster.</summary>
    public static SalesData Empty { get; } = new([], [], [], [], [], Roster.Empty);

    /// <summary>Gets the leads.</summary>
    public ImmutableArray<Lead> Leads { get; }

    /// <summary>Gets the opportunities.</summary>
    public ImmutableArray<Opportunity> Opportunities { get; }

    /// <summary>Gets the won deals.</summary>
    public ImmutableArray<Deal> Deals { get; }

    /// <summary>Gets the activities.</summary>
    public ImmutableArray<Activity> Activities { get; }

    /// <summary>Gets the marketing spend.</summary>
    public ImmutableArray<MarketingSpend> Spend { get; }

    /// <summary>Gets the rep roster.</summary>
    public Roster Roster { get; }

    /// <summary>Creates a snapshot from any of the collections; the others are empty.</summary>
    /// <param name="leads">The leads, or null for none.</param>
    /// <param name="opportunities">The opportunities, or null for none.</param>
    /// <param name="deals">The won deals, or null for none.</param>
    /// <param name="activities">The activities, or null for none.</param>
    /// <param name="spend">The marketing spend, or null for none.</param>
    /// <param name="roster">The roster, or null for an empty one.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">A collection contains a null element; the message gives its index.</exception>
    public static SalesData Create(
        IEnumerable<Lead>? leads = null,
        IEnumerable<Opportunity>? opportunities = null,
        IEnumerable<Deal>? deals = null,
        IEnumerable<Activity>? activities = null,
        IEnumerable<MarketingSpend>? spend = null,
        Roster? roster = null) =>
        new(
            Freeze(leads, nameof(leads)),
            Freeze(opportunities, nameof(opportunities)),
            Freeze(deals, nameof(deals)),
            Freeze(activities, nameof(activities)),
            Freeze(spend, nameof(spend)),
            roster ?? Roster.Empty);

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
        IAsyncEnumerable<Activity>? activities = null,
        IAsyncEnumerable<MarketingSpend>? spend = null,
        Roster? roster = null,
        CancellationToken cancellationToken = default) =>
        new(
            await FreezeAsync(leads, nameof(leads), cancellationToken).ConfigureAwait(false),
            await FreezeAsync(opportunities, nameof(opportunities), cancellationToken).ConfigureAwait(false),
            await FreezeAsync(deals, nameof(deals), cancellationToken).ConfigureAwait(false),
            await FreezeAsync(activities, nameof(activities), cancellationToken).ConfigureAwait(false),
            await FreezeAsync(spend, nameof(spend), cancellationToken).ConfigureAwait(false),
            roster ?? Roster.Empty);

    /// <summary>Returns a copy with other leads.</summary>
    /// <param name="leads">The leads.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="leads"/> contains a null element.</exception>
    [Pure]
    public SalesData WithLeads(IEnumerable<Lead> leads) =>
        new(Freeze(Preconditions.CheckNotNull(leads), nameof(leads)), Opportunities, Deals, Activities, Spend, Roster, this);

    /// <summary>Returns a copy with other opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="opportunities"/> contains a null element.</exception>
    [Pure]
    public SalesData WithOpportunities(IEnumerable<Opportunity> opportunities) =>
        new(Leads, Freeze(Preconditions.CheckNotNull(opportunities), nameof(opportunities)), Deals, Activities, Spend, Roster, this);

    /// <summary>Returns a copy with other deals.</summary>
    /// <param name="deals">The won deals.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="deals"/> contains a null element.</exception>
    [Pure]
    public SalesData WithDeals(IEnumerable<Deal> deals) =>
        new(Leads, Opportunities, Freeze(Preconditions.CheckNotNull(deals), nameof(deals)), Activities, Spend, Roster, this);

    /// <summary>Returns a copy with other activities.</summary>
    /// <param name="activities">The activities.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="activities"/> contains a null element.</exception>
    [Pure]
    public SalesData WithActivities(IEnumerable<Activity> activities) =>
        new(Leads, Opportunities, Deals, Freeze(Preconditions.CheckNotNull(activities), nameof(activities)), Spend, Roster, this);

    /// <summary>Returns a copy with other marketing spend.</summary>
    /// <param name="spend">The spend records.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spend"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="spend"/> contains a null element.</exception>
    [Pure]
    public SalesData WithSpend(IEnumerable<MarketingSpend> spend) =>
        new(Leads, Opportunities, Deals, Activities, Freeze(Preconditions.CheckNotNull(spend), nameof(spend)), Roster, this);

    /// <summary>Returns a copy with another roster.</summary>
    /// <param name="roster">The roster.</param>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    [Pure]
    public SalesData WithRoster(Roster roster) =>
        new(Leads, Opportunities, Deals, Activities, Spend, Preconditions.CheckNotNull(roster), this);

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

    /// <summary>Returns true when both snapshots hold equal records in the same order and equal rosters, or both are null.</summary>
    /// <param name="left">The first snapshot.</param>
    /// <param name="right">The second snapshot.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SalesData? left, SalesData? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && left.Leads.SequenceEqual(right.Leads)
            && left.Opportunities.SequenceEqual(right.Opportunities)
            && left.Deals.SequenceEqual(right.Deals)
            && left.Activities.SequenceEqual(right.Activities)
            && left.Spend.SequenceEqual(right.Spend)
            && left.Roster == right.Roster);

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
        HashCode.Combine(Leads.Length, Opportunities.Length, Deals.Length, Activities.Length, Spend.Length, Roster);

    /// <summary>Returns the number of records of each kind, such as <c>SalesData (2 leads, 1 opportunities, 0 deals, 5 activities, 0 spend, 3 reps)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"SalesData ({Leads.Length} leads, {Opportunities.Length} opportunities, {Deals.Length} deals, {Activities.Length} activities, {Spend.Length} spend, {Roster.Reps.Length} reps)";

    internal LeadColumns LeadColumns => _leadColumns.Value;

    internal OpportunityColumns OpportunityColumns => _opportunityColumns.Value;

    internal DealColumns DealColumns => _dealColumns.Value;

    internal ActivityColumns ActivityColumns => _activityColumns.Value;

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
