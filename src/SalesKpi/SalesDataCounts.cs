using System.Globalization;

namespace SalesKpi;

/// <summary>The number of records of each kind in a <see cref="SalesData"/> snapshot (<see cref="SalesData.Counts"/>).</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public readonly struct SalesDataCounts : IEquatable<SalesDataCounts>
{
    /// <summary>Initializes the counts.</summary>
    /// <param name="leads">The number of leads.</param>
    /// <param name="opportunities">The number of opportunities.</param>
    /// <param name="stageChanges">The number of stage entries of all opportunities.</param>
    /// <param name="deals">The number of won deals.</param>
    /// <param name="activities">The number of activities.</param>
    /// <param name="spend">The number of marketing spend records.</param>
    /// <param name="reps">The number of reps in the roster.</param>
    public SalesDataCounts(int leads, int opportunities, int stageChanges, int deals, int activities, int spend, int reps)
        : this(leads, opportunities, stageChanges, deals, activities, spend, reps, 0)
    {
    }

    /// <summary>Initializes the counts, with the accounts.</summary>
    /// <param name="leads">The number of leads.</param>
    /// <param name="opportunities">The number of opportunities.</param>
    /// <param name="stageChanges">The number of stage entries of all opportunities.</param>
    /// <param name="deals">The number of won deals.</param>
    /// <param name="activities">The number of activities.</param>
    /// <param name="spend">The number of marketing spend records.</param>
    /// <param name="reps">The number of reps in the roster.</param>
    /// <param name="accounts">The number of accounts.</param>
    public SalesDataCounts(int leads, int opportunities, int stageChanges, int deals, int activities, int spend, int reps, int accounts)
    {
        Leads = leads;
        Opportunities = opportunities;
        StageChanges = stageChanges;
        Deals = deals;
        Activities = activities;
        Spend = spend;
        Reps = reps;
        Accounts = accounts;
    }

    /// <summary>Gets the number of leads.</summary>
    public int Leads { get; }

    /// <summary>Gets the number of opportunities.</summary>
    public int Opportunities { get; }

    /// <summary>Gets the number of stage entries of all opportunities.</summary>
    public int StageChanges { get; }

    /// <summary>Gets the number of won deals.</summary>
    public int Deals { get; }

    /// <summary>Gets the number of activities.</summary>
    public int Activities { get; }

    /// <summary>Gets the number of marketing spend records.</summary>
    public int Spend { get; }

    /// <summary>Gets the number of reps in the roster.</summary>
    public int Reps { get; }

    /// <summary>Gets the number of accounts.</summary>
    public int Accounts { get; }

    /// <summary>Returns true when two counts are equal.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>True when every count is equal.</returns>
    public static bool operator ==(SalesDataCounts left, SalesDataCounts right) => left.Equals(right);

    /// <summary>Returns true when two counts differ.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>True when a count differs.</returns>
    public static bool operator !=(SalesDataCounts left, SalesDataCounts right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(SalesDataCounts other) =>
        Leads == other.Leads && Opportunities == other.Opportunities && StageChanges == other.StageChanges && Deals == other.Deals
        && Activities == other.Activities && Spend == other.Spend && Reps == other.Reps && Accounts == other.Accounts;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SalesDataCounts other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Leads, Opportunities, StageChanges, Deals, Activities, Spend, Reps, Accounts);

    /// <summary>Returns the counts, such as <c>12 leads, 3 opportunities (9 stage changes), 2 deals, 40 activities, 1 spend, 4 reps</c>, with <c>, 5 accounts</c> at the end when there are any.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Leads} leads, {Opportunities} opportunities ({StageChanges} stage changes), {Deals} deals, {Activities} activities, {Spend} spend, {Reps} reps{(Accounts == 0 ? string.Empty : $", {Accounts} accounts")}");
}
