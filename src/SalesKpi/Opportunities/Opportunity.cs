using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using NodaTime;
using SalesKpi.Leads;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>
/// A potential sale to an account, worked by a rep through the stages of the pipeline until it is won or lost.
/// </summary>
/// <remarks>
/// <para>Invariants, checked by the constructor: a won or lost opportunity has a close date and an open one has
/// none; the close date is not before the creation date; the stage history is in chronological order and no entry
/// is before the creation date; the field history (<see cref="History"/>) is in chronological order, no entry is before
/// the creation date, and it ends at the current values (its last amount is <see cref="Amount"/>, and so on); a won
/// opportunity's forecast category is <see cref="ForecastCategory.Closed"/> and a lost one's
/// <see cref="ForecastCategory.Omitted"/>.</para>
/// <para>Equality is component-wise over every property, the stage history compared entry by entry.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Opportunity : IEquatable<Opportunity>
{
    /// <summary>Initializes an opportunity.</summary>
    /// <param name="id">The opportunity's identifier.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="owner">The rep who owns the opportunity.</param>
    /// <param name="createdAt">When the opportunity was created.</param>
    /// <param name="amount">The (expected or final) amount.</param>
    /// <param name="status">Open, won or lost.</param>
    /// <param name="closedAt">When it was won or lost; required if and only if <paramref name="status"/> is won or lost.</param>
    /// <param name="lead">The lead it was converted from, if any.</param>
    /// <param name="stageHistory">The stages entered, in chronological order; may be empty (null or a default <see cref="ImmutableArray{T}"/> is empty).</param>
    /// <param name="expectedClose">The date it is expected to close, if known.</param>
    /// <param name="lostReason">Why a lost opportunity was lost, or null when not known; trimmed, and allowed only
    /// when <paramref name="status"/> is <see cref="OpportunityStatus.Lost"/>.</param>
    /// <param name="dimensions">The opportunity's own dimensions, or null for none.</param>
    /// <param name="forecastCategory">The forecast category, or null for the default of the status
    /// (<see cref="ForecastCategories.DefaultFor"/>); a won opportunity's can only be <see cref="ForecastCategory.Closed"/>
    /// and a lost one's <see cref="ForecastCategory.Omitted"/>, and an open one's cannot be <see cref="ForecastCategory.Closed"/>.</param>
    /// <param name="history">The field history, in chronological order, or null (or a default <see cref="ImmutableArray{T}"/>)
    /// for none; see <see cref="OpportunityChange"/>.</param>
    /// <exception cref="ArgumentException">An identifier is the default value; <paramref name="closedAt"/> is missing
    /// for a closed opportunity, present for an open one, or before <paramref name="createdAt"/>; a stage entry is out
    /// of order or before <paramref name="createdAt"/>; <paramref name="lostReason"/> is blank, or given for an
    /// opportunity that is not lost; the forecast category does not agree with the status; a history entry is null, out of
    /// order or before <paramref name="createdAt"/>, or the history's last value of a field is not the current one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> or <paramref name="forecastCategory"/> is not a defined value.</exception>
    public Opportunity(
        OpportunityId id,
        AccountId account,
        RepId owner,
        Instant createdAt,
        Money amount,
        OpportunityStatus status = OpportunityStatus.Open,
        Instant? closedAt = null,
        LeadId? lead = null,
        IEnumerable<StageEntry>? stageHistory = null,
        LocalDate? expectedClose = null,
        string? lostReason = null,
        Dimensions? dimensions = null,
        ForecastCategory? forecastCategory = null,
        IEnumerable<OpportunityChange>? history = null)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Preconditions.CheckInitialized(!account.IsDefault, nameof(account));
        Preconditions.CheckInitialized(!owner.IsDefault, nameof(owner));
        Preconditions.CheckRange(Enum.IsDefined(status), status, "Unknown opportunity status.", nameof(status));
        if (lead is { } l)
        {
            Preconditions.CheckInitialized(!l.IsDefault, nameof(lead));
        }

        if (status == OpportunityStatus.Open)
        {
            Preconditions.CheckArgument(closedAt is null, nameof(closedAt), "An open opportunity has no close date.");
        }
        else
        {
            Preconditions.CheckArgument(closedAt is not null, nameof(closedAt), $"A {status.ToString().ToLowerInvariant()} opportunity needs a close date.");
            Preconditions.CheckArgument(
                closedAt.Value >= createdAt,
                nameof(closedAt),
                $"An opportunity cannot close ({closedAt}) before it was created ({createdAt}).");
        }

        if (lostReason is not null)
        {
            lostReason = lostReason.Trim();
            Preconditions.CheckArgument(lostReason.Length > 0, nameof(lostReason), "A lost reason cannot be blank; pass null when the reason is not known.");
            Preconditions.CheckArgument(
                status == OpportunityStatus.Lost,
                nameof(lostReason),
                $"Only a lost opportunity has a lost reason; this one is {status.ToString().ToLowerInvariant()} (lost reason '{lostReason}').");
        }

        var stages = stageHistory is null or ImmutableArray<StageEntry> { IsDefault: true } ? [] : stageHistory.ToImmutableArray();
        for (var i = 0; i < stages.Length; i++)
        {
            var entry = stages[i];
            Preconditions.CheckArgument(!entry.Stage.IsDefault, nameof(stageHistory), $"Stage entry {i} has no stage.");
            Preconditions.CheckArgument(
                entry.EnteredAt >= createdAt,
                nameof(stageHistory),
                $"Stage entry {i} ({entry}) is before the opportunity was created ({createdAt}).");
            Preconditions.CheckArgument(
                i == 0 || stages[i - 1].EnteredAt <= entry.EnteredAt,
                nameof(stageHistory),
                $"Stage entry {i} ({entry}) is before the entry preceding it ({(i == 0 ? null : stages[i - 1])}); the history must be in chronological order.");
        }

        var category = CheckForecastCategory(id, status, forecastCategory);
        var changes = history is null or ImmutableArray<OpportunityChange> { IsDefault: true } ? [] : history.ToImmutableArray();
        CheckHistory(id, createdAt, amount, status, closedAt, expectedClose, owner, category, changes);

        Id = id;
        Account = account;
        Owner = owner;
        CreatedAt = createdAt;
        Amount = amount;
        Status = status;
        ClosedAt = closedAt;
        Lead = lead;
        StageHistory = stages;
        ExpectedClose = expectedClose;
        LostReason = lostReason;
        Dimensions = dimensions ?? Dimensions.Empty;
        ForecastCategory = category;
        History = changes;
    }

    /// <summary>Initializes an opportunity from values known to be valid, such as those of a valid opportunity as it stood at
    /// an instant (<see cref="AsOf"/>), without checking them again.</summary>
    private Opportunity(
        Opportunity of,
        RepId owner,
        Money amount,
        bool closed,
        ImmutableArray<StageEntry> stageHistory,
        LocalDate? expectedClose,
        ForecastCategory forecastCategory,
        ImmutableArray<OpportunityChange> history)
    {
        Id = of.Id;
        Account = of.Account;
        Owner = owner;
        CreatedAt = of.CreatedAt;
        Amount = amount;
        Status = closed ? of.Status : OpportunityStatus.Open;
        ClosedAt = closed ? of.ClosedAt : null;
        Lead = of.Lead;
        StageHistory = stageHistory;
        ExpectedClose = expectedClose;
        LostReason = closed ? of.LostReason : null;
        Dimensions = of.Dimensions;
        ForecastCategory = forecastCategory;
        History = history;
    }

    /// <summary>Gets the opportunity's identifier.</summary>
    public OpportunityId Id { get; }

    /// <summary>Gets the customer account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the rep who owns the opportunity.</summary>
    public RepId Owner { get; }

    /// <summary>Gets when the opportunity was created; decides the period of <c>new-opportunities</c>.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets the amount.</summary>
    public Money Amount { get; }

    /// <summary>Gets whether the opportunity is open, won or lost.</summary>
    public OpportunityStatus Status { get; }

    /// <summary>Gets when the opportunity was won or lost; decides the period of <c>close-rate</c>.</summary>
    /// <value>The instant, or null while the opportunity is open.</value>
    public Instant? ClosedAt { get; }

    /// <summary>Gets the lead the opportunity was converted from.</summary>
    /// <value>The lead's identifier, or null.</value>
    public LeadId? Lead { get; }

    /// <summary>Gets the stages entered, in chronological order.</summary>
    public ImmutableArray<StageEntry> StageHistory { get; }

    /// <summary>Gets the date the opportunity is expected to close.</summary>
    /// <value>The date, or null when not known.</value>
    public LocalDate? ExpectedClose { get; }

    /// <summary>Returns true when the opportunity is open at an instant, such as a period's end: created before it, and
    /// closed at or after it or not at all. The rule of every KPI of the pipeline at a period's end, and of <see cref="AsOf"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when open at <paramref name="instant"/>.</returns>
    public bool IsOpenAt(Instant instant) => CreatedAt < instant && (ClosedAt is not { } closed || closed >= instant);

    /// <summary>Returns the amount just before an instant, from the field history: what <see cref="AsOf"/> gives, without
    /// making an opportunity.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The amount then (before the history's first amount, that amount; with no history, <see cref="Amount"/>).</returns>
    public Money AmountAt(Instant instant) => History.IsEmpty ? Amount : ValueAt(History, ChangesBefore(instant), static c => c.Amount) ?? Amount;

    /// <summary>Returns the expected close date just before an instant, from the field history, as <see cref="AsOf"/> gives it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date then, or null when none was known.</returns>
    public LocalDate? ExpectedCloseAt(Instant instant) =>
        History.IsEmpty ? ExpectedClose : ValueAt(History, ChangesBefore(instant), static c => c.ExpectedClose) ?? ExpectedClose;

    /// <summary>Returns the stage the opportunity was in just before an instant: the last one entered before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The stage then, or null when it had entered none.</returns>
    public OpportunityStage? StageAt(Instant instant)
    {
        for (var i = StageHistory.Length - 1; i >= 0; i--)
        {
            if (StageHistory[i].EnteredAt < instant)
            {
                return StageHistory[i].Stage;
            }
        }

        return null;
    }

    private int ChangesBefore(Instant instant)
    {
        var changes = History.Length;
        while (changes > 0 && History[changes - 1].ChangedAt >= instant)
        {
            changes--;
        }

        return changes;
    }

    /// <summary>Gets why the opportunity was lost; groups <c>--by lost-reason</c> (<see cref="Reporting.KpiGrouping.ByLostReason"/>).</summary>
    /// <value>The trimmed, non-empty reason, or null when not known or when the opportunity is not lost.</value>
    public string? LostReason { get; }

    /// <summary>Gets the opportunity's own dimensions; where a dimension is missing, the account's and then the owner's
    /// apply (<see cref="SalesData.DimensionOf(Opportunity, string)"/>).</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Gets the forecast category: the one given, or the default of the status (<see cref="ForecastCategories.DefaultFor"/>).</summary>
    public ForecastCategory ForecastCategory { get; }

    /// <summary>Gets the field history: the values the amount, the expected close date, the forecast category and the
    /// owner took over time, in chronological order (the stage's is <see cref="StageHistory"/>).</summary>
    /// <value>Empty when the history is not known: then the current values are taken to have held since creation.</value>
    public ImmutableArray<OpportunityChange> History { get; }

    /// <summary>Gets a value indicating whether the opportunity is won or lost.</summary>
    public bool IsClosed => Status != OpportunityStatus.Open;

    /// <summary>Gets the stage the opportunity is in now: the last entry of <see cref="StageHistory"/>.</summary>
    /// <value>The current stage, or null when the history is empty.</value>
    public OpportunityStage? CurrentStage => StageHistory.IsEmpty ? null : StageHistory[^1].Stage;

    /// <summary>Returns true when both opportunities are equal in every property, or both are null.</summary>
    /// <param name="left">The first opportunity.</param>
    /// <param name="right">The second opportunity.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Opportunity? left, Opportunity? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        return left.Id == right.Id
            && left.Account == right.Account
            && left.Owner == right.Owner
            && left.CreatedAt == right.CreatedAt
            && left.Amount == right.Amount
            && left.Status == right.Status
            && left.ClosedAt == right.ClosedAt
            && left.Lead == right.Lead
            && left.ExpectedClose == right.ExpectedClose
            && string.Equals(left.LostReason, right.LostReason, StringComparison.Ordinal)
            && left.StageHistory.AsSpan().SequenceEqual(right.StageHistory.AsSpan())
            && left.Dimensions == right.Dimensions
            && left.ForecastCategory == right.ForecastCategory
            && left.History.AsSpan().SequenceEqual(right.History.AsSpan());
    }

    /// <summary>Returns true when the opportunities differ in any property.</summary>
    /// <param name="left">The first opportunity.</param>
    /// <param name="right">The second opportunity.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Opportunity? left, Opportunity? right) => !(left == right);

    /// <summary>Returns a copy closed with the given status at the given instant.</summary>
    /// <param name="status">Won or lost (or open, with a null <paramref name="closedAt"/>). The lost reason is kept
    /// when the copy is lost and dropped otherwise; a forecast category chosen for an open opportunity is kept while the
    /// copy is open, and otherwise the copy takes the default of its status.</param>
    /// <param name="closedAt">When it closed.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException">The status and close date do not agree, or the close date is before creation.</exception>
    [Pure]
    public Opportunity WithStatus(OpportunityStatus status, Instant? closedAt) =>
        new(Id, Account, Owner, CreatedAt, Amount, status, closedAt, Lead, StageHistory, ExpectedClose, status == OpportunityStatus.Lost ? LostReason : null, Dimensions, status == OpportunityStatus.Open && ForecastCategory != ForecastCategories.DefaultFor(Status) ? ForecastCategory : null, History);

    /// <summary>Returns a copy with another amount.</summary>
    /// <param name="amount">The new amount.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException">The history records amounts, and its last is not <paramref name="amount"/>: record
    /// the change with <see cref="WithChange"/> instead.</exception>
    [Pure]
    public Opportunity WithAmount(Money amount) =>
        new(Id, Account, Owner, CreatedAt, amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, LostReason, Dimensions, ForecastCategory, History);

    /// <summary>Returns a copy with another owner.</summary>
    /// <param name="owner">The new owner.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is the default value, or the history records owners and
    /// its last is not <paramref name="owner"/>: record the change with <see cref="WithChange"/> instead.</exception>
    [Pure]
    public Opportunity WithOwner(RepId owner) =>
        new(Id, Account, owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, LostReason, Dimensions, ForecastCategory, History);

    /// <summary>Returns a copy with one more stage entry at the end of the history.</summary>
    /// <param name="stage">The stage entered.</param>
    /// <param name="enteredAt">When it was entered; not before the last entry.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException">The entry is out of order or before creation.</exception>
    [Pure]
    public Opportunity WithStage(OpportunityStage stage, Instant enteredAt)
    {
        Preconditions.CheckArgument(
            enteredAt >= CreatedAt,
            nameof(enteredAt),
            $"The stage entry ({enteredAt}) is before the opportunity was created ({CreatedAt}).");
        Preconditions.CheckArgument(
            StageHistory.IsEmpty || StageHistory[^1].EnteredAt <= enteredAt,
            nameof(enteredAt),
            $"The stage entry ({enteredAt}) is before the last entry of the history ({(StageHistory.IsEmpty ? null : StageHistory[^1])}).");
        return new(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory.Add(new StageEntry(stage, enteredAt)), ExpectedClose, LostReason, Dimensions, ForecastCategory, History);
    }

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [Pure]
    public Opportunity WithDimensions(Dimensions dimensions) =>
        new(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, LostReason, Preconditions.CheckNotNull(dimensions), ForecastCategory, History);

    /// <summary>Returns a copy with another lost reason.</summary>
    /// <param name="lostReason">The new reason (trimmed), or null for none.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException"><paramref name="lostReason"/> is blank, or given while the opportunity is not lost.</exception>
    [Pure]
    public Opportunity WithLostReason(string? lostReason) =>
        new(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, lostReason, Dimensions, ForecastCategory, History);

    /// <summary>Returns a copy in another forecast category.</summary>
    /// <param name="category">The category, or null for the default of the status.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentException">The category does not agree with the status, or the history records categories
    /// and its last is not <paramref name="category"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    [Pure]
    public Opportunity WithForecastCategory(ForecastCategory? category) =>
        new(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, LostReason, Dimensions, category, History);

    /// <summary>Returns a copy with another field history.</summary>
    /// <param name="history">The history, in chronological order; its last value of each field must be the current one.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">An entry is null, out of order or before creation, or the history does not end at
    /// the current values.</exception>
    [Pure]
    public Opportunity WithHistory(IEnumerable<OpportunityChange> history) =>
        new(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, Lead, StageHistory, ExpectedClose, LostReason, Dimensions, ForecastCategory, Preconditions.CheckNotNull(history));

    /// <summary>Returns a copy with a change at the end of its field history, and the change's values as its current values.</summary>
    /// <param name="change">The change; not before the last entry of the history, nor before creation.</param>
    /// <returns>A new opportunity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">The change is out of order or before creation, or its forecast category does not
    /// agree with the status.</exception>
    /// <example>
    /// <code>
    /// var grown = opportunity.WithChange(new OpportunityChange(march1, amount: new Money(12_000m, Currency.USD)));
    /// </code>
    /// </example>
    [Pure]
    public Opportunity WithChange(OpportunityChange change)
    {
        Preconditions.CheckNotNull(change);
        var history = History;
        if (history.IsEmpty)
        {
            // The values held until now become the history's first entry, so that the change reads as a change.
            history = [new OpportunityChange(CreatedAt, Amount, ExpectedClose, IsClosed ? null : ForecastCategory, Owner)];
        }

        return new(
            Id,
            Account,
            change.Owner ?? Owner,
            CreatedAt,
            change.Amount ?? Amount,
            Status,
            ClosedAt,
            Lead,
            StageHistory,
            change.ExpectedClose ?? ExpectedClose,
            LostReason,
            Dimensions,
            IsClosed ? null : change.ForecastCategory ?? ForecastCategory,
            history.Add(change));
    }

    /// <summary>
    /// Returns the opportunity as it stood just before an instant, rebuilt from its histories: open unless it had closed
    /// before the instant, with the amount, expected close date, forecast category and owner of its field history, and
    /// the stages entered before the instant.
    /// </summary>
    /// <param name="instant">The instant; what happened at it is not yet seen (the rule of
    /// <c>open-opportunities</c> at a period's end).</param>
    /// <returns>The opportunity as it stood, or null when it was created at or after <paramref name="instant"/>; this
    /// instance when nothing differs.</returns>
    /// <remarks><para>Before a field's first history entry, the field has that entry's value; a field with no history
    /// has its current value throughout.</para></remarks>
    /// <example>
    /// <code>
    /// Opportunity? lastMonday = opportunity.AsOf(Instant.FromUtc(2025, 3, 3, 0, 0));
    /// </code>
    /// </example>
    [Pure]
    public Opportunity? AsOf(Instant instant)
    {
        if (CreatedAt >= instant)
        {
            return null;
        }

        var closedBefore = ClosedAt is { } closed && closed < instant;
        var stages = StageHistory.Length;
        while (stages > 0 && StageHistory[stages - 1].EnteredAt >= instant)
        {
            stages--;
        }

        var changes = ChangesBefore(instant);
        if ((closedBefore || !IsClosed) && stages == StageHistory.Length && changes == History.Length)
        {
            return this;
        }

        var amount = ValueAt(History, changes, static c => c.Amount) ?? Amount;
        var expectedClose = ValueAt(History, changes, static c => c.ExpectedClose) ?? ExpectedClose;
        var category = ValueAt(History, changes, static c => c.ForecastCategory);
        var owner = ValueAt(History, changes, static c => c.Owner) ?? Owner;
        if (closedBefore)
        {
            category = ForecastCategory;
        }
        else
        {
            category ??= IsClosed ? null : ForecastCategory;
            if (category == ForecastCategory.Closed)
            {
                // Only a won opportunity is closed, from its close on (the history allows no earlier closed entry); this is
                // the first entry's value standing in for the time before it.
                category = null;
            }
        }

        return new(
            this,
            owner,
            amount,
            closedBefore,
            stages == StageHistory.Length ? StageHistory : StageHistory[..stages],
            expectedClose,
            category ?? ForecastCategory.Pipeline,
            changes == History.Length ? History : History[..changes]);
    }

    /// <summary>The value of a field just before the first <paramref name="count"/> entries end: the latest of them that
    /// gives the field, else the first entry of the whole history that does, else null.</summary>
    private static T? ValueAt<T>(ImmutableArray<OpportunityChange> history, int count, Func<OpportunityChange, T?> field)
        where T : struct
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (field(history[i]) is { } v)
            {
                return v;
            }
        }

        for (var i = count; i < history.Length; i++)
        {
            if (field(history[i]) is { } v)
            {
                return v;
            }
        }

        return null;
    }

    private static ForecastCategory CheckForecastCategory(OpportunityId id, OpportunityStatus status, ForecastCategory? given)
    {
        var defaultCategory = ForecastCategories.DefaultFor(status);
        if (given is not { } category)
        {
            return defaultCategory;
        }

        Preconditions.CheckRange(Enum.IsDefined(category), category, "Unknown forecast category.", "forecastCategory");
        if (status != OpportunityStatus.Open)
        {
            Preconditions.CheckArgument(
                category == defaultCategory,
                "forecastCategory",
                $"Opportunity {id} is {status.ToString().ToLowerInvariant()}, so its forecast category is {ForecastCategories.ToName(defaultCategory)}, not {ForecastCategories.ToName(category)}.");
        }
        else
        {
            Preconditions.CheckArgument(
                category != ForecastCategory.Closed,
                "forecastCategory",
                $"Opportunity {id} is open, so its forecast category cannot be closed (only a won opportunity's is); use commit for one about to close.");
        }

        return category;
    }

    private static void CheckHistory(
        OpportunityId id,
        Instant createdAt,
        Money amount,
        OpportunityStatus status,
        Instant? closedAt,
        LocalDate? expectedClose,
        RepId owner,
        ForecastCategory category,
        ImmutableArray<OpportunityChange> history)
    {
        for (var i = 0; i < history.Length; i++)
        {
            var change = history[i];
            Preconditions.CheckArgument(change is not null, nameof(history), $"Opportunity {id}: history entry {i} is null.");
            Preconditions.CheckArgument(
                change.ChangedAt >= createdAt,
                nameof(history),
                $"Opportunity {id}: history entry {i} ({change}) is before the opportunity was created ({createdAt}).");
            Preconditions.CheckArgument(
                i == 0 || history[i - 1].ChangedAt <= change.ChangedAt,
                nameof(history),
                $"Opportunity {id}: history entry {i} ({change}) is before the entry preceding it ({(i == 0 ? null : history[i - 1])}); the history must be in chronological order.");
            if (change.ForecastCategory == ForecastCategory.Closed && !(status == OpportunityStatus.Won && change.ChangedAt >= closedAt!.Value))
            {
                throw new ArgumentException(
                    status == OpportunityStatus.Won
                        ? $"Opportunity {id}: history entry {i} ({change}) puts it in the closed forecast category before it was won ({closedAt})."
                        : $"Opportunity {id}: history entry {i} ({change}) puts it in the closed forecast category, but it is {status.ToString().ToLowerInvariant()}; only a won opportunity is closed.",
                    nameof(history));
            }
        }

        if (history.IsEmpty)
        {
            return;
        }

        var mismatch = Mismatch(id, "amount", ValueAt(history, history.Length, static c => c.Amount), amount, static m => m.ToString(null, CultureInfo.InvariantCulture))
            ?? Mismatch(id, "expected close date", ValueAt(history, history.Length, static c => c.ExpectedClose), expectedClose, static d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))
            ?? Mismatch(id, "owner", ValueAt(history, history.Length, static c => c.Owner), owner, static r => r.ToString())
            ?? (status == OpportunityStatus.Open
                ? Mismatch(id, "forecast category", ValueAt(history, history.Length, static c => c.ForecastCategory), category, ForecastCategories.ToName)
                : null);
        if (mismatch is not null)
        {
            throw new ArgumentException(mismatch, nameof(history));
        }
    }

    /// <summary>Returns why the history's last value of a field is not the current one, or null when it is (or the history
    /// gives none); formatted only on failure, as every opportunity with a history is checked.</summary>
    private static string? Mismatch<T>(OpportunityId id, string field, T? last, T? current, Func<T, string> format)
        where T : struct
    {
        if (last is not { } l || (current is { } c && EqualityComparer<T>.Default.Equals(l, c)))
        {
            return null;
        }

        return current is { } now
            ? $"Opportunity {id}: the last {field} of its history ({format(l)}) is not its {field} ({format(now)}); the history must end at the current values."
            : $"Opportunity {id}: its history gives an {field} ({format(l)}), but the opportunity has none; the history must end at the current values.";
    }

    /// <summary>Returns when the opportunity first entered <paramref name="stage"/>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The instant of the first entry, or null when it never entered the stage.</returns>
    public Instant? FirstEntered(OpportunityStage stage)
    {
        foreach (var entry in StageHistory)
        {
            if (entry.Stage == stage)
            {
                return entry.EnteredAt;
            }
        }

        return null;
    }

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The opportunity to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Opportunity? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Opportunity other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Id, Account, Owner, CreatedAt, Amount, Status, ClosedAt, HashCode.Combine(Lead, ExpectedClose, StageHistory.Length, Dimensions, LostReason, ForecastCategory, History.Length));

    /// <summary>Returns a stable, culture-invariant description, such as <c>Opportunity O-1 (won, 1,000.00 USD, created 2025-01-02T09:00:00Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Opportunity {Id} ({Status.ToString().ToLowerInvariant()}, {Amount}, created {CreatedAt})");
}
