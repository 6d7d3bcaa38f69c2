using System.Collections.Frozen;
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
/// Which records a KPI is evaluated over: a predicate per collection. A record of a collection the filter has no
/// predicate for is kept.
/// </summary>
/// <remarks>
/// <para>Filters combine with <see cref="And"/>. <see cref="Source"/> keeps the records that belong to one lead source or
/// marketing channel, following the links the by-source grouping follows (an opportunity through its lead, a deal
/// through its opportunity's lead, an activity through its lead or opportunity).</para>
/// <para><see cref="Dimension(string, string)"/> keeps the records whose value of a dimension — their own, else their
/// account's, else their owner rep's (<see cref="SalesData.DimensionOf(Opportunity, string)"/>) — is one of the values
/// given; <see cref="Parse"/> reads one from text such as <c>office=West</c>. The columnar engine decides it from a code
/// per record.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads, provided the predicates are.</threadsafety>
public sealed class KpiFilter
{
    // Per collection (indexed by KpiRecordType), the predicate as a condition on records' traits, when it is one.
    private readonly RecordCondition?[] _conditions;

    private KpiFilter(
        Func<Lead, SalesData, bool>? leads,
        Func<Opportunity, SalesData, bool>? opportunities,
        Func<Deal, SalesData, bool>? deals,
        Func<SalesActivity, SalesData, bool>? activities,
        Func<MarketingSpend, SalesData, bool>? spend,
        string description,
        RecordCondition?[]? conditions = null,
        ImmutableArray<DimensionCondition> dimensions = default)
    {
        _conditions = conditions ?? new RecordCondition?[5];
        DimensionConditions = dimensions.IsDefault ? [] : dimensions;
        LeadPredicate = leads;
        OpportunityPredicate = opportunities;
        DealPredicate = deals;
        ActivityPredicate = activities;
        SpendPredicate = spend;
        Description = description;
    }

    /// <summary>Gets a description of the filter, for diagnostics.</summary>
    public string Description { get; }

    internal Func<Lead, SalesData, bool>? LeadPredicate { get; }

    internal Func<Opportunity, SalesData, bool>? OpportunityPredicate { get; }

    internal Func<Deal, SalesData, bool>? DealPredicate { get; }

    internal Func<SalesActivity, SalesData, bool>? ActivityPredicate { get; }

    internal Func<MarketingSpend, SalesData, bool>? SpendPredicate { get; }

    /// <summary>Gets the conditions on dimensions the filter's predicates check besides the trait conditions, all of which a record must meet (see <see cref="TryGetCondition"/>).</summary>
    internal ImmutableArray<DimensionCondition> DimensionConditions { get; }

    /// <summary>Returns a filter of leads.</summary>
    /// <param name="predicate">True for the leads to keep.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static KpiFilter Leads(Func<Lead, bool> predicate)
    {
        Preconditions.CheckNotNull(predicate);
        return new((l, _) => predicate(l), null, null, null, null, "leads");
    }

    /// <summary>Returns a filter of opportunities.</summary>
    /// <param name="predicate">True for the opportunities to keep.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static KpiFilter Opportunities(Func<Opportunity, bool> predicate)
    {
        Preconditions.CheckNotNull(predicate);
        return new(null, (o, _) => predicate(o), null, null, null, "opportunities");
    }

    /// <summary>Returns a filter of deals.</summary>
    /// <param name="predicate">True for the deals to keep.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static KpiFilter Deals(Func<Deal, bool> predicate)
    {
        Preconditions.CheckNotNull(predicate);
        return new(null, null, (d, _) => predicate(d), null, null, "deals");
    }

    /// <summary>Returns a filter of activities.</summary>
    /// <param name="predicate">True for the activities to keep.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static KpiFilter Activities(Func<SalesActivity, bool> predicate)
    {
        Preconditions.CheckNotNull(predicate);
        return new(null, null, null, (a, _) => predicate(a), null, "activities");
    }

    /// <summary>Returns a filter of marketing spend.</summary>
    /// <param name="predicate">True for the spend records to keep.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static KpiFilter Spend(Func<MarketingSpend, bool> predicate)
    {
        Preconditions.CheckNotNull(predicate);
        return new(null, null, null, null, (s, _) => predicate(s), "spend");
    }

    /// <summary>Returns a filter that keeps the records of one deal kind (deals only; other collections are kept).</summary>
    /// <param name="kind">The deal kind.</param>
    /// <returns>The filter.</returns>
    public static KpiFilter DealKind(DealKind kind) =>
        new(null, null, (d, _) => d.Kind == kind, null, null, "deal kind " + DealKinds.ToName(kind), Conditions(KpiRecordType.Deals, RecordCondition.OfDeals(k => k == kind)));

    /// <summary>Returns a filter that keeps the records of one lead source or marketing channel.</summary>
    /// <param name="source">The source, compared ordinally.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty or white space: no record has such a source.</exception>
    public static KpiFilter Source(string source)
    {
        Preconditions.CheckNotBlank(source);
        return new(
            (l, d) => Is(SourceKeys.Of(l), source),
            (o, d) => Is(SourceKeys.Of(o, d), source),
            (x, d) => Is(SourceKeys.Of(x, d), source),
            (a, d) => Is(SourceKeys.Of(a, d), source),
            (s, d) => Is(SourceKeys.Of(s), source),
            "source " + source,
            Conditions(KpiRecordType.Leads, RecordCondition.OfLeads((s, _, _) => Is(s, source))));
    }

    /// <summary>Returns a filter that keeps the records whose value of a dimension is the value given.</summary>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <param name="value">The value, compared ordinally.</param>
    /// <returns>The filter, described as <c>name=value</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid dimension name, or <paramref name="value"/> is empty or white space.</exception>
    /// <remarks><para>A record's value is its own, else (an opportunity or a deal) its account's, else its owner rep's;
    /// a record with none is not kept. Every collection is filtered: marketing spend by its own dimensions.</para></remarks>
    public static KpiFilter Dimension(string name, string value)
    {
        Preconditions.CheckNotBlank(value);
        return Dimension(name, [value]);
    }

    /// <summary>Returns a filter that keeps the records whose value of a dimension is one of the values given.</summary>
    /// <param name="name">The dimension's name, compared ignoring case.</param>
    /// <param name="values">The values, compared ordinally; at least one.</param>
    /// <returns>The filter, described as <c>name=value1,value2</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="values"/> or one of the values is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid dimension name, <paramref name="values"/>
    /// is empty, or a value is empty or white space.</exception>
    /// <remarks><para>A record's value is its own, else (an opportunity or a deal) its account's, else its owner rep's;
    /// a record with none is not kept.</para></remarks>
    public static KpiFilter Dimension(string name, IEnumerable<string> values)
    {
        Dimensions.CheckName(name, nameof(name));
        Preconditions.CheckNotNull(values);
        var list = values.ToList();
        Preconditions.CheckArgument(list.Count > 0, nameof(values), $"A filter by the dimension '{name}' needs at least one value.");
        foreach (var value in list)
        {
            Preconditions.CheckNotNull(value, nameof(values));
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(value), nameof(values), $"A value of the dimension '{name}' is empty or white space; no record has such a value.");
        }

        var set = list.ToFrozenSet(StringComparer.Ordinal);
        bool Keeps(string? v) => v is not null && set.Contains(v);
        return new(
            (l, d) => Keeps(d.DimensionOf(l, name)),
            (o, d) => Keeps(d.DimensionOf(o, name)),
            (x, d) => Keeps(d.DimensionOf(x, name)),
            (a, d) => Keeps(d.DimensionOf(a, name)),
            (s, d) => Keeps(d.DimensionOf(s, name)),
            name + "=" + string.Join(',', list.Distinct(StringComparer.Ordinal)),
            [RecordCondition.All, RecordCondition.All, RecordCondition.All, RecordCondition.All, RecordCondition.All],
            [new DimensionCondition(name, set)]);
    }

    /// <summary>Parses a filter by a dimension from text: <c>name=value</c>, or <c>name=value1,value2</c> for any of several values.</summary>
    /// <param name="text">The text, such as <c>office=West</c> or <c>office=West,East</c>; white space around the name and each value is ignored.</param>
    /// <returns>The filter (<see cref="Dimension(string, IEnumerable{string})"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not of that shape: no <c>=</c>, an empty name or value,
    /// or a name that is not a valid dimension name. The message quotes the text and the expected shape.</exception>
    public static KpiFilter Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? string.Empty : text[..equals].Trim();
        var values = equals < 0 ? [] : text[(equals + 1)..].Split(',').Select(v => v.Trim()).ToArray();
        if (name.Length == 0 || name.Length > SalesKpi.Dimensions.MaxNameLength || values.Length == 0 || values.Any(v => v.Length == 0))
        {
            throw new FormatException(
                $"'{text}' is not a filter by a dimension: expected NAME=VALUE or NAME=VALUE1,VALUE2 (such as office=West or office=West,East), with a name of 1 to {SalesKpi.Dimensions.MaxNameLength} characters and no empty value.");
        }

        return Dimension(name, values);
    }

    /// <summary>Returns a filter that keeps the records both filters keep.</summary>
    /// <param name="other">The other filter.</param>
    /// <returns>The combined filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public KpiFilter And(KpiFilter other)
    {
        Preconditions.CheckNotNull(other);
        return new(
            Both(LeadPredicate, other.LeadPredicate),
            Both(OpportunityPredicate, other.OpportunityPredicate),
            Both(DealPredicate, other.DealPredicate),
            Both(ActivityPredicate, other.ActivityPredicate),
            Both(SpendPredicate, other.SpendPredicate),
            Description + " and " + other.Description,
            [.. Enumerable.Range(0, 5).Select(t => BothConditions((KpiRecordType)t, other))],
            [.. DimensionConditions, .. other.DimensionConditions]);
    }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    /// <summary>Returns a snapshot that holds only the records the filter keeps, such as the records of one region.</summary>
    /// <param name="data">The snapshot.</param>
    /// <returns>A new snapshot with the kept leads, opportunities, deals, activities and spend; the roster and the
    /// accounts are those of <paramref name="data"/>, so that dimensions still resolve through them.</returns>
    /// <remarks><para>Use it to cut a snapshot once and evaluate many queries over it; to filter one KPI, use
    /// <see cref="KpiCalculatorExtensions.Where"/>. The records of a collection the filter has no rule for are kept.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public SalesData Apply(SalesData data)
    {
        Preconditions.CheckNotNull(data);
        var result = data;
        if (LeadPredicate is { } leads)
        {
            result = result.WithLeads(data.Leads.Where(l => leads(l, data)));
        }

        if (OpportunityPredicate is { } opportunities)
        {
            result = result.WithOpportunities(data.Opportunities.Where(o => opportunities(o, data)));
        }

        if (DealPredicate is { } deals)
        {
            result = result.WithDeals(data.Deals.Where(d => deals(d, data)));
        }

        if (ActivityPredicate is { } activities)
        {
            result = result.WithActivities(data.Activities.Where(a => activities(a, data)));
        }

        if (SpendPredicate is { } spend)
        {
            result = result.WithSpend(data.Spend.Where(s => spend(s, data)));
        }

        return result;
    }

    internal Func<T, SalesData, bool>? PredicateFor<T>()
        where T : class =>
        (LeadPredicate as Func<T, SalesData, bool>)
        ?? (OpportunityPredicate as Func<T, SalesData, bool>)
        ?? (DealPredicate as Func<T, SalesData, bool>)
        ?? (ActivityPredicate as Func<T, SalesData, bool>)
        ?? (SpendPredicate as Func<T, SalesData, bool>);

    /// <summary>
    /// Returns the filter's rule for one collection as a condition on records' traits: <see cref="RecordCondition.All"/>
    /// when it keeps every record, the declarative condition when it has one for the collection, and false when the rule
    /// needs the record itself (a predicate of the caller's, a link to another collection, or a dimension: see
    /// <see cref="TryGetTraitCondition"/>, for an executor that decides <see cref="DimensionConditions"/> itself).
    /// </summary>
    internal bool TryGetCondition(KpiRecordType type, out RecordCondition condition) =>
        TryGetTraitCondition(type, out condition) && (DimensionConditions.IsEmpty || !HasPredicate(type));

    /// <summary>
    /// Returns the filter's rule for one collection as a condition on records' traits, as <see cref="TryGetCondition"/>
    /// does, except that a record must also meet every one of <see cref="DimensionConditions"/>, which the trait
    /// condition does not hold: for the columnar scan, which decides those from codes.
    /// </summary>
    internal bool TryGetTraitCondition(KpiRecordType type, out RecordCondition condition)
    {
        condition = RecordCondition.All;
        if (!HasPredicate(type))
        {
            return true;
        }

        if (_conditions[(int)type] is { } declarative)
        {
            condition = declarative;
            return true;
        }

        return false;
    }

    /// <summary>A condition on a dimension: the record's resolved value is one of the values.</summary>
    internal sealed record DimensionCondition(string Name, FrozenSet<string> Values);

    private static RecordCondition?[] Conditions(KpiRecordType type, RecordCondition condition)
    {
        var conditions = new RecordCondition?[5];
        conditions[(int)type] = condition;
        return conditions;
    }

    private bool HasPredicate(KpiRecordType type) => type switch
    {
        KpiRecordType.Leads => LeadPredicate is not null,
        KpiRecordType.Opportunities => OpportunityPredicate is not null,
        KpiRecordType.Deals => DealPredicate is not null,
        KpiRecordType.Activities => ActivityPredicate is not null,
        _ => SpendPredicate is not null,
    };

    private RecordCondition? BothConditions(KpiRecordType type, KpiFilter other)
    {
        var mine = _conditions[(int)type];
        var theirs = other._conditions[(int)type];
        return (HasPredicate(type), other.HasPredicate(type)) switch
        {
            (false, _) => theirs,
            (_, false) => mine,
            _ => mine is not null && theirs is not null ? mine.And(theirs) : null,
        };
    }

    private static bool Is(string? key, string source) => string.Equals(key, source, StringComparison.Ordinal);

    private static Func<T, SalesData, bool>? Both<T>(Func<T, SalesData, bool>? a, Func<T, SalesData, bool>? b) =>
        a is null ? b : b is null ? a : (r, d) => a(r, d) && b(r, d);
}
