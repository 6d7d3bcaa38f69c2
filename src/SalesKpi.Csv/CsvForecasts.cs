using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Csv;

/// <summary>Options of <see cref="CsvForecasts"/>.</summary>
public sealed class CsvForecastOptions
{
    /// <summary>
    /// Gets or sets the groups of each dimension (the reps and teams of the data) a submitter may name; one not among
    /// them is an error with the closest names. Null for no check.
    /// </summary>
    /// <value>The default value is null.</value>
    public Func<KpiGrouping, IReadOnlyCollection<string>>? KnownGroups { get; set; }

    /// <summary>Gets or sets the currency of a row whose <c>currency</c> cell is empty or absent, such as the data's one currency.</summary>
    /// <value>The default value is null: every row needs a currency.</value>
    public Currency? DefaultCurrency { get; set; }
}

/// <summary>
/// Reads forecast submissions (<see cref="ForecastSubmission"/>) from a CSV file with the columns <c>submitter</c>,
/// <c>period</c>, <c>amount</c>, <c>currency</c>, <c>submitted_at</c>, <c>category</c> (docs/forecasting.md, "The
/// forecasts file").
/// </summary>
/// <remarks>
/// <para>The file is read with the import's strict CSV reader, as <see cref="CsvGoals"/> reads targets. The first line is
/// the header; <c>submitter</c>, <c>period</c>, <c>amount</c> and <c>submitted_at</c> are required, <c>currency</c> and
/// <c>category</c> optional, in any order.</para>
/// <para><c>submitter</c> is <c>all</c> (the company), <c>rep:ID</c>, <c>team:NAME</c>, or a bare rep id. <c>period</c> is
/// a year, a quarter (<c>2025-Q1</c>), a month, an ISO week or dates, as in the targets file. <c>amount</c> is an
/// invariant number, not negative (<c>300000</c>, <c>125000.50</c>); <c>currency</c> an ISO 4217 code (default
/// <see cref="CsvForecastOptions.DefaultCurrency"/>). <c>submitted_at</c> is an ISO-8601 instant with its offset
/// (<c>2024-12-20T09:00:00Z</c>), as in the data files. <c>category</c> is <c>commit</c> (the default when empty),
/// <c>best-case</c> or <c>pipeline</c>.</para>
/// <para>The first problem stops the read with a <see cref="CsvImportException"/> naming the file, line and column, with
/// the closest names for a mistyped column, rep or team.</para>
/// </remarks>
/// <threadsafety>This type is safe to use from several threads.</threadsafety>
public static class CsvForecasts
{
    private const string SubmitterUsage = "write all, rep:ID, team:NAME, or a rep id";

    private static readonly string[] Columns = ["submitter", "period", "amount", "currency", "submitted_at", "category"];

    private static readonly (string Prefix, KpiGrouping Grouping)[] SubmitterDimensions = [("rep", KpiGrouping.ByRep), ("team", KpiGrouping.ByTeam)];
    private static readonly OffsetDateTimePattern IsoSeconds = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern IsoMinutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    /// <summary>Reads the submissions of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The submissions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">The file is malformed, or a row is bad.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ImmutableArray<ForecastSubmission> ReadFile(string path, CsvForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path, options);
    }

    /// <summary>Reads the submissions of a stream.</summary>
    /// <param name="stream">The bytes of the CSV text.</param>
    /// <param name="fileName">How the file is named in errors.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The submissions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="CsvImportException">The text is malformed, or a row is bad.</exception>
    public static ImmutableArray<ForecastSubmission> Read(Stream stream, string fileName, CsvForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new CsvForecastOptions();
        return SideFile.Read(stream, fileName, reader => ReadRecords(reader, fileName, options));
    }

    private static ImmutableArray<ForecastSubmission> ReadRecords(CsvRecordReader reader, string fileName, CsvForecastOptions options)
    {
        var index = SideFile.Header(reader, fileName, Columns, ["submitter", "period", "amount", "submitted_at"]);
        var submissions = ImmutableArray.CreateBuilder<ForecastSubmission>();
        while (SideFile.NextRow(reader, fileName, index))
        {
            string Text(string column) => index.TryGetValue(column, out var i) ? reader[i].Trim() : string.Empty;
            CsvImportException Bad(string column, string reason) => SideFile.Reject(fileName, reader.PositionOf(index[column]), column, reason);

            var submitterText = Text("submitter");
            var (grouping, submitter) = submitterText.Length == 0
                ? throw Bad("submitter", "no submitter: " + SubmitterUsage)
                : SideFile.Group(submitterText, "submitter", SubmitterDimensions, options.KnownGroups, SubmitterUsage, Bad);
            var periodText = Text("period");
            var period = CsvGoals.Period(periodText) ?? throw Bad("period", $"'{MessageText.Of(periodText)}' is not a period: write a year (2025), a quarter (2025-Q1), a month (2025-03), an ISO week (2025-W07) or dates (2025-01-06..2025-02-28)");
            if (period.Start < KpiQuery.MinDate || period.End > KpiQuery.MaxDate)
            {
                throw Bad("period", $"{periodText} is outside the dates a report can cover, {KpiQuery.MinDate:uuuu-MM-dd} to {KpiQuery.MaxDate:uuuu-MM-dd}");
            }

            var amountText = Text("amount");
            if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                throw Bad("amount", $"'{MessageText.Of(amountText)}' is not an amount (write 300000 or 125000.50, without separators or a currency sign)");
            }

            if (amount < 0m)
            {
                throw Bad("amount", $"{amountText} is negative; a forecast is an amount of 0 or more");
            }

            var currencyText = Text("currency");
            Currency currency;
            if (currencyText.Length == 0)
            {
                currency = options.DefaultCurrency ?? throw (index.ContainsKey("currency")
                    ? Bad("currency", "no currency: write an ISO 4217 code such as USD")
                    : Bad("amount", "no currency: add a column 'currency' with an ISO 4217 code such as USD"));
            }
            else if (!Currency.TryParse(currencyText, null, out currency))
            {
                throw Bad("currency", $"'{MessageText.Of(currencyText)}' is not a currency: write an ISO 4217 code such as USD");
            }

            var atText = Text("submitted_at");
            var at = IsoSeconds.Parse(atText) is { Success: true } seconds ? seconds.Value
                : IsoMinutes.Parse(atText) is { Success: true } minutes ? minutes.Value
                : throw Bad("submitted_at", $"'{MessageText.Of(atText)}' is not an ISO-8601 instant such as 2024-12-20T09:00:00Z or 2024-12-20T12:00:00+03:00{(LocalDatePattern.Iso.Parse(atText).Success ? "; a date alone is not an instant: add the time and the offset (2024-12-20T00:00:00Z)" : string.Empty)}");
            Instant submittedAt;
            try
            {
                submittedAt = at.ToInstant();
            }
            catch (OverflowException)
            {
                throw Bad("submitted_at", $"{atText} is outside the range of instants");
            }

            var categoryText = Text("category");
            var category = ForecastCategory.Commit;
            if (categoryText.Length > 0 && (!ForecastCategories.TryParse(categoryText, out category) || category is ForecastCategory.Closed or ForecastCategory.Omitted))
            {
                string[] names = ["commit", "best-case", "pipeline"];
                throw Bad("category", $"'{MessageText.Of(categoryText)}' is not a forecast category{Suggestions.DidYouMean(categoryText, names)} (a forecast is of commit, best-case or pipeline; empty is commit)");
            }

            submissions.Add(new ForecastSubmission(grouping, submitter, period, new Money(amount, currency), submittedAt, category) { PeriodLabel = periodText });
        }

        return submissions.ToImmutable();
    }
}
