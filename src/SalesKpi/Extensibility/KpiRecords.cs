using System.Globalization;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// The records a <see cref="KpiMeasure"/> reads, described as data: a collection, the timestamp that places each record
/// in a period, and conditions on the record's traits — an activity's kind and outcomes, a lead's source and whether it
/// was qualified or converted, an opportunity's status, a deal's kind.
/// </summary>
/// <remarks>
/// <para>Start from one of the static properties and narrow with the methods; conditions combine with "and". A record
/// with no value for the timestamp (a lead never qualified, an opportunity still open) is in no period.</para>
/// <para>A description holds no code that runs per record, which is what makes it fast: the engine decides each
/// condition once per distinct combination of traits (once per activity kind and set of outcomes, say) over the compact
/// columnar form of the snapshot, and then places millions of records with table look-ups. Predicates given to
/// <see cref="Where(Func{SalesActivityKind, ActivityOutcomes, bool}, string)"/> must therefore depend on their arguments only.
/// The one exception is <see cref="Where{TRecord}(Func{TRecord, bool}, string)"/>, a condition of the whole record for
/// what no trait expresses, which is decided record by record.</para>
/// <para>Whether a record "is in" a group's period for the purpose of showing the group is decided by the starting
/// property alone: the conditions choose what is counted, not which groups exist.</para>
/// </remarks>
/// <example>
/// <code>
/// var connectedDemos = KpiRecords.Activities.OfKind(new SalesActivityKind("demo")).WithOutcomes(ActivityOutcomes.Connected);
/// var renewals = KpiRecords.Deals.OfKind(DealKind.Renewal);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiRecords
{
    private KpiRecords(KpiStream stream, RecordCondition condition, string description)
    {
        Stream = stream;
        Condition = condition;
        Description = description;
    }

    /// <summary>Gets the activities, each in the period of its <see cref="SalesActivity.OccurredAt"/>.</summary>
    public static KpiRecords Activities { get; } = new(KpiStream.Activities, RecordCondition.All, "activities by occurred at");

    /// <summary>Gets the leads, each in the period of its <see cref="Leads.Lead.CreatedAt"/>.</summary>
    public static KpiRecords LeadsCreated { get; } = new(KpiStream.LeadsCreated, RecordCondition.All, "leads by created at");

    /// <summary>Gets the sales-qualified leads, each in the period of its <see cref="Leads.Lead.QualifiedAt"/>.</summary>
    public static KpiRecords LeadsQualified { get; } = new(KpiStream.LeadsQualified, RecordCondition.All, "leads by qualified at");

    /// <summary>Gets the leads converted to an opportunity, each in the period of its <see cref="Leads.Lead.ConvertedAt"/>.</summary>
    public static KpiRecords LeadsConverted { get; } = new(KpiStream.LeadsConverted, RecordCondition.All, "leads by converted at");

    /// <summary>Gets the opportunities, each in the period of its <see cref="Opportunity.CreatedAt"/>.</summary>
    public static KpiRecords OpportunitiesCreated { get; } = new(KpiStream.OpportunitiesCreated, RecordCondition.All, "opportunities by created at");

    /// <summary>Gets the won and lost opportunities, each in the period of its <see cref="Opportunity.ClosedAt"/>.</summary>
    public static KpiRecords OpportunitiesClosed { get; } = new(KpiStream.OpportunitiesClosed, RecordCondition.All, "opportunities by closed at");

    /// <summary>Gets the won opportunities, each in the period of its <see cref="Opportunity.ClosedAt"/>; lost ones are in no period.</summary>
    public static KpiRecords OpportunitiesWon { get; } = new(KpiStream.OpportunitiesWon, RecordCondition.All, "opportunities by closed at (won)");

    /// <summary>Gets the won deals, each in the period of its <see cref="Deal.ClosedAt"/>.</summary>
    public static KpiRecords Deals { get; } = new(KpiStream.Deals, RecordCondition.All, "deals by closed at");

    /// <summary>Gets the collection read.</summary>
    public KpiRecordType RecordType => KpiStreams.RecordType(Stream);

    /// <summary>Gets a description, such as <c>activities by occurred at of kind call</c>.</summary>
    public string Description { get; }

    internal KpiStream Stream { get; }

    internal RecordCondition Condition { get; }

    /// <summary>Keeps the activities of any of the given kinds.</summary>
    /// <param name="kinds">The kinds.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is empty, or a kind is the default value.</exception>
    /// <exception cref="InvalidOperationException">These are not activities.</exception>
    public KpiRecords OfKind(params SalesActivityKind[] kinds)
    {
        Preconditions.CheckNotNull(kinds);
        CheckType(KpiRecordType.Activities);
        Preconditions.CheckArgument(kinds.Length > 0, nameof(kinds), "Give at least one kind.");
        Preconditions.CheckArgument(Array.TrueForAll(kinds, k => !k.IsDefault), nameof(kinds), "A kind is the default value; create it from a name.");
        var copy = (SalesActivityKind[])kinds.Clone();
        return Narrow(
            RecordCondition.OfActivities((k, _) => Array.IndexOf(copy, k) >= 0),
            "of kind " + string.Join(" or ", copy.Select(k => k.Name)));
    }

    /// <summary>Keeps the activities that have every one of the given outcomes, with the implications the email rates use: an email opened or replied to was delivered, a positive reply is a reply, and a next appointment set was a conversation (connected).</summary>
    /// <param name="outcomes">One or more outcome flags.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="InvalidOperationException">These are not activities.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> has undefined flags.</exception>
    public KpiRecords WithOutcomes(ActivityOutcomes outcomes)
    {
        const ActivityOutcomes all = ActivityOutcomes.Connected | ActivityOutcomes.Delivered | ActivityOutcomes.Opened
            | ActivityOutcomes.Replied | ActivityOutcomes.Positive | ActivityOutcomes.NextAppointmentSet;
        Preconditions.CheckRange((outcomes & ~all) == 0, outcomes, "Unknown outcome flags.", nameof(outcomes));
        CheckType(KpiRecordType.Activities);
        return Narrow(
            RecordCondition.OfActivities((_, o) => (ActivityOutcomeRules.Effective(o) & outcomes) == outcomes),
            "with outcome " + outcomes.ToString().ToLowerInvariant());
    }

    /// <summary>Keeps the activities for which a predicate of their kind and recorded outcomes holds.</summary>
    /// <param name="predicate">The predicate; it must depend on its arguments only, as it is decided once per kind and set of outcomes, not per record.</param>
    /// <param name="description">What the predicate keeps, for <see cref="Description"/>.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">These are not activities.</exception>
    public KpiRecords Where(Func<SalesActivityKind, ActivityOutcomes, bool> predicate, string description)
    {
        Preconditions.CheckNotNull(predicate);
        Preconditions.CheckNotNull(description);
        CheckType(KpiRecordType.Activities);
        return Narrow(RecordCondition.OfActivities(predicate), description);
    }

    /// <summary>Keeps the records for which a predicate of the whole record holds: any condition the other methods do not express, such as opportunities of at least 10,000.</summary>
    /// <typeparam name="TRecord">The collection's record type: <see cref="Lead"/>, <see cref="Opportunity"/>, <see cref="Deal"/> or <see cref="SalesActivity"/>.</typeparam>
    /// <param name="predicate">True for the records kept; it must not depend on anything but the record.</param>
    /// <param name="description">What the predicate keeps, for <see cref="Description"/>.</param>
    /// <returns>The narrower record set.</returns>
    /// <remarks>
    /// <para>The other conditions depend on a record's traits only (kind, outcomes, source, status), so the engine
    /// decides them once per combination of traits on its compact columns. This one needs the record itself: a measure
    /// with it is evaluated record by record, which costs about as much as a hand-written <see cref="AggregateKpiCalculator"/>.
    /// Prefer the trait conditions when they express what you need.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var bigWins = KpiMeasure.Share(
    ///     KpiRecords.OpportunitiesClosed.Where&lt;Opportunity&gt;(o => o.Amount.Amount >= 10_000m, "of at least 10,000"),
    ///     KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won), "no large opportunities closed in the period");
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The records are not of type <typeparamref name="TRecord"/>.</exception>
    public KpiRecords Where<TRecord>(Func<TRecord, bool> predicate, string description)
        where TRecord : class
    {
        Preconditions.CheckNotNull(predicate);
        Preconditions.CheckNotNull(description);
        var type = typeof(TRecord) == typeof(SalesActivity) ? KpiRecordType.Activities
            : typeof(TRecord) == typeof(Lead) ? KpiRecordType.Leads
            : typeof(TRecord) == typeof(Opportunity) ? KpiRecordType.Opportunities
            : typeof(TRecord) == typeof(Deal) ? KpiRecordType.Deals
            : KpiRecordType.Spend;
        Preconditions.CheckState(
            type == RecordType,
            $"{Description} are {RecordType.ToString().ToLowerInvariant()}, not {typeof(TRecord).Name} records; use Where<{RecordTypeName(RecordType)}>.");
        return Narrow(RecordCondition.OfRecords(predicate), description);
    }

    /// <summary>Keeps the leads from any of the given sources (compared ordinally).</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sources"/> is empty, or one of them is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">These are not leads.</exception>
    public KpiRecords FromSource(params string[] sources)
    {
        Preconditions.CheckNotNull(sources);
        CheckType(KpiRecordType.Leads);
        Preconditions.CheckArgument(sources.Length > 0, nameof(sources), "Give at least one source.");
        if (Array.IndexOf(sources, null) >= 0)
        {
            throw new ArgumentNullException(nameof(sources), "A source is null.");
        }

        // A lead's source is never blank, so a blank one here would silently select nothing.
        Preconditions.CheckArgument(!sources.Any(string.IsNullOrWhiteSpace), nameof(sources), "A source is empty or white space; no lead has such a source.");

        var set = sources.ToHashSet(StringComparer.Ordinal);
        return Narrow(RecordCondition.OfLeads((s, _, _) => set.Contains(s)), "from " + string.Join(" or ", sources));
    }

    /// <summary>Keeps the leads that were sales-qualified (at any time).</summary>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="InvalidOperationException">These are not leads.</exception>
    public KpiRecords Qualified()
    {
        CheckType(KpiRecordType.Leads);
        return Narrow(RecordCondition.OfLeads(static (_, qualified, _) => qualified), "qualified");
    }

    /// <summary>Keeps the leads that were converted to an opportunity (at any time).</summary>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="InvalidOperationException">These are not leads.</exception>
    public KpiRecords Converted()
    {
        CheckType(KpiRecordType.Leads);
        return Narrow(RecordCondition.OfLeads(static (_, _, converted) => converted), "converted");
    }

    /// <summary>Keeps the opportunities in any of the given statuses.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="statuses"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">These are not opportunities.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A status is not a defined value.</exception>
    public KpiRecords WithStatus(params OpportunityStatus[] statuses)
    {
        Preconditions.CheckNotNull(statuses);
        CheckType(KpiRecordType.Opportunities);
        Preconditions.CheckArgument(statuses.Length > 0, nameof(statuses), "Give at least one status.");
        foreach (var status in statuses)
        {
            Preconditions.CheckRange(Enum.IsDefined(status), status, "Unknown opportunity status.", nameof(statuses));
        }

        var copy = (OpportunityStatus[])statuses.Clone();
        return Narrow(
            RecordCondition.OfOpportunities(s => Array.IndexOf(copy, s) >= 0),
            "with status " + string.Join(" or ", copy.Select(s => s.ToString().ToLowerInvariant())));
    }

    /// <summary>Keeps the deals of any of the given kinds.</summary>
    /// <param name="kinds">The kinds.</param>
    /// <returns>The narrower record set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">These are not deals.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not a defined value.</exception>
    public KpiRecords OfKind(params DealKind[] kinds)
    {
        Preconditions.CheckNotNull(kinds);
        CheckType(KpiRecordType.Deals);
        Preconditions.CheckArgument(kinds.Length > 0, nameof(kinds), "Give at least one kind.");
        foreach (var kind in kinds)
        {
            Preconditions.CheckRange(Enum.IsDefined(kind), kind, "Unknown deal kind.", nameof(kinds));
        }

        var copy = (DealKind[])kinds.Clone();
        return Narrow(RecordCondition.OfDeals(k => Array.IndexOf(copy, k) >= 0), "of kind " + string.Join(" or ", copy.Select(DealKinds.ToName)));
    }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    /// <summary>Returns true when both sets read the same stream (collection and timestamp).</summary>
    internal bool SameStream(KpiRecords other) => Stream == other.Stream;

    /// <summary>Returns the records of this set that are also in <paramref name="other"/>, a set of the same stream.</summary>
    internal KpiRecords And(KpiRecords other) =>
        ReferenceEquals(other.Condition, RecordCondition.All) ? this : new(Stream, Condition.And(other.Condition), Description + " and " + other.Description);

    private KpiRecords Narrow(RecordCondition condition, string description) =>
        new(Stream, Condition.And(condition), string.Create(CultureInfo.InvariantCulture, $"{Description} {description}"));

    private static string RecordTypeName(KpiRecordType type) => type switch
    {
        KpiRecordType.Activities => nameof(SalesActivity),
        KpiRecordType.Leads => nameof(Lead),
        KpiRecordType.Opportunities => nameof(Opportunity),
        KpiRecordType.Deals => nameof(Deal),
        _ => nameof(MarketingSpend),
    };

    private void CheckType(KpiRecordType type) =>
        Preconditions.CheckState(
            RecordType == type,
            $"{Description} are not {type.ToString().ToLowerInvariant()}; this condition applies to {type.ToString().ToLowerInvariant()} only.");
}
