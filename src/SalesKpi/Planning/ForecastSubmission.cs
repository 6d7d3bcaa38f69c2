using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// A forecast a rep or a team submitted: "team north will close 300,000 USD in 2025-Q1", called on 2024-12-20 — the
/// input of <see cref="ForecastAccuracyCalculator"/>.
/// </summary>
/// <remarks>
/// <para>The submitter is named as a group of a report is: a grouping (<see cref="KpiGrouping.ByRep"/>,
/// <see cref="KpiGrouping.ByTeam"/>, or <see cref="KpiGrouping.None"/> for the whole company) and a key (a rep id, a
/// team, or <see cref="KpiGrouping.AllKey"/>), so that the actual is the measure of that group in the report of the
/// period. A submitter may submit many times for one period; which submission counts is decided by
/// <see cref="ForecastAccuracyOptions.CutoffOffset"/>.</para>
/// <para>The category is what is forecast: <see cref="ForecastCategory.Commit"/> (the default, what the submitter
/// commits to close), <see cref="ForecastCategory.BestCase"/> or <see cref="ForecastCategory.Pipeline"/>; a forecast of
/// <c>closed</c> or <c>omitted</c> means nothing and is refused. Equality is by reference.</para>
/// </remarks>
/// <example>
/// <code>
/// var call = new ForecastSubmission(KpiGrouping.ByTeam, "north", q1, new Money(300_000m, Currency.USD), submittedAt);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ForecastSubmission
{
    /// <summary>Initializes a submission.</summary>
    /// <param name="grouping">The dimension of <paramref name="submitter"/>: <see cref="KpiGrouping.ByRep"/>, <see cref="KpiGrouping.ByTeam"/>, or <see cref="KpiGrouping.None"/> for the whole data set.</param>
    /// <param name="submitter">The group key: a rep id or a team, or <see cref="KpiGrouping.AllKey"/> with <see cref="KpiGrouping.None"/>.</param>
    /// <param name="period">The dates the forecast is for, inclusive.</param>
    /// <param name="amount">The amount forecast; not negative.</param>
    /// <param name="submittedAt">When it was submitted.</param>
    /// <param name="category">What is forecast: commit (the default), best case or pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grouping"/>, <paramref name="submitter"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="submitter"/> is empty, or not <see cref="KpiGrouping.AllKey"/> without a grouping.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, or <paramref name="category"/> is not pipeline, best case or commit.</exception>
    public ForecastSubmission(KpiGrouping grouping, string submitter, DateInterval period, Money amount, Instant submittedAt, ForecastCategory category = ForecastCategory.Commit)
    {
        Grouping = Preconditions.CheckNotNull(grouping);
        Submitter = Preconditions.CheckNotBlank(submitter);
        Period = Preconditions.CheckNotNull(period);
        Preconditions.CheckArgument(
            grouping != KpiGrouping.None || submitter == KpiGrouping.AllKey,
            nameof(submitter),
            $"Without a grouping the submitter is '{KpiGrouping.AllKey}', not '{submitter}'.");
        Preconditions.CheckRange(amount.Amount >= 0m, amount, "A forecast must not be negative.", nameof(amount));
        Preconditions.CheckRange(
            category is ForecastCategory.Pipeline or ForecastCategory.BestCase or ForecastCategory.Commit,
            category,
            "A forecast is of the category commit, best-case or pipeline.",
            nameof(category));
        Amount = amount;
        SubmittedAt = submittedAt;
        Category = category;
    }

    /// <summary>Gets the dimension of <see cref="Submitter"/>; <see cref="KpiGrouping.None"/> for the whole data set.</summary>
    [JsonConverter(typeof(Serialization.KpiGroupingJsonConverter))]
    public KpiGrouping Grouping { get; }

    /// <summary>Gets the group key of the submitter: a rep id, a team, or <see cref="KpiGrouping.AllKey"/>.</summary>
    public string Submitter { get; }

    /// <summary>Gets the dates the forecast is for, inclusive.</summary>
    [JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Period { get; }

    /// <summary>Gets how the period is named, such as <c>2025-Q1</c>.</summary>
    /// <value>The default value is the period's dates, such as <c>2025-01-01..2025-03-31</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string PeriodLabel
    {
        get => field ?? string.Create(CultureInfo.InvariantCulture, $"{Period.Start:uuuu-MM-dd}..{Period.End:uuuu-MM-dd}");
        init => field = Preconditions.CheckSetNotNull(value);
    }

    /// <summary>Gets the amount forecast.</summary>
    public Money Amount { get; }

    /// <summary>Gets when the forecast was submitted.</summary>
    [JsonConverter(typeof(Serialization.InstantJsonConverter))]
    public Instant SubmittedAt { get; }

    /// <summary>Gets what is forecast: commit, best case or pipeline.</summary>
    public ForecastCategory Category { get; }

    /// <summary>Returns <c>dimension submitter, period: amount (category, submitted at)</c>, such as <c>team north, 2025-Q1: 300,000.00 USD (commit, submitted 2024-12-20T09:00:00Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Grouping.Dimension} {Submitter}, {PeriodLabel}: {Amount} ({ForecastCategories.ToName(Category)}, submitted {SubmittedAt})");
}
