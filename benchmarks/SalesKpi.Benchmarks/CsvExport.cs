using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Activities;
using SalesKpi.Csv;
using SalesKpi.Deals;

namespace SalesKpi.Benchmarks;

/// <summary>
/// Writes a data set in the CSV format of docs/csv-format.md, into memory, so that <see cref="CsvImportBenchmarks"/>
/// measures parsing and validation rather than the disk.
/// </summary>
public static class CsvExport
{
    private static readonly InstantPattern Timestamp = InstantPattern.General;

    /// <summary>Returns the files of a data set (reps, leads, opportunities, deals, activities, spend) as UTF-8 bytes.</summary>
    /// <param name="data">The data set; stage histories, deal terms and activity links are not written.</param>
    /// <returns>The file contents by file name.</returns>
    public static IReadOnlyDictionary<string, byte[]> Write(SalesData data)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var text = new StringBuilder();

        text.Append("id,name,team\n");
        foreach (var rep in data.Roster.Reps)
        {
            text.Append(rep.Id.Value).Append(',').Append(rep.Name).Append(',').Append(rep.Team.Value).Append('\n');
        }

        files["reps.csv"] = Flush(text);

        text.Append("id,created_at,owner,source,qualified_at,converted_at\n");
        foreach (var lead in data.Leads)
        {
            text.Append(lead.Id.Value).Append(',');
            AppendInstant(text, lead.CreatedAt).Append(',');
            text.Append(lead.Owner?.Value).Append(',').Append(lead.Source).Append(',');
            AppendInstant(text, lead.QualifiedAt).Append(',');
            AppendInstant(text, lead.ConvertedAt).Append('\n');
        }

        files["leads.csv"] = Flush(text);

        text.Append("id,account,owner,created_at,amount,currency,status,closed_at\n");
        foreach (var opportunity in data.Opportunities)
        {
            text.Append(opportunity.Id.Value).Append(',').Append(opportunity.Account.Value).Append(',')
                .Append(opportunity.Owner.Value).Append(',');
            AppendInstant(text, opportunity.CreatedAt).Append(',');
            AppendMoney(text, opportunity.Amount).Append(',');
            text.Append(opportunity.Status.ToString().ToLowerInvariant()).Append(',');
            AppendInstant(text, opportunity.ClosedAt).Append('\n');
        }

        files["opportunities.csv"] = Flush(text);

        text.Append("id,account,owner,closed_at,amount,currency,kind\n");
        foreach (var deal in data.Deals)
        {
            text.Append(deal.Id.Value).Append(',').Append(deal.Account.Value).Append(',').Append(deal.Owner.Value).Append(',');
            AppendInstant(text, deal.ClosedAt).Append(',');
            AppendMoney(text, deal.Value).Append(',').Append(Kind(deal.Kind)).Append('\n');
        }

        files["deals.csv"] = Flush(text);

        text.Append("id,kind,owner,occurred_at,outcomes\n");
        foreach (var activity in data.Activities)
        {
            text.Append(activity.Id.Value).Append(',').Append(activity.Kind.Name).Append(',').Append(activity.Owner.Value).Append(',');
            AppendInstant(text, activity.OccurredAt).Append(',');
            AppendOutcomes(text, activity.Outcomes).Append('\n');
        }

        files["activities.csv"] = Flush(text);

        text.Append("channel,start,end,amount,currency\n");
        foreach (var spend in data.Spend)
        {
            text.Append(spend.Channel).Append(',')
                .Append(spend.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(spend.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
            AppendMoney(text, spend.Amount).Append('\n');
        }

        files["spend.csv"] = Flush(text);
        return files;
    }

    /// <summary>Returns the number of data rows in the files (every line but the headers).</summary>
    /// <param name="files">The files <see cref="Write"/> returned.</param>
    /// <returns>The number of rows.</returns>
    public static long Rows(IReadOnlyDictionary<string, byte[]> files) =>
        files.Values.Sum(bytes => (long)bytes.AsSpan().Count((byte)'\n') - 1);

    private static byte[] Flush(StringBuilder text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        text.Clear();
        return bytes;
    }

    private static StringBuilder AppendInstant(StringBuilder text, Instant? instant) =>
        instant is { } value ? text.Append(Timestamp.Format(value)) : text;

    private static StringBuilder AppendMoney(StringBuilder text, Money money) =>
        text.Append(money.Amount.ToString(CultureInfo.InvariantCulture)).Append(',').Append(money.Currency.Code);

    private static StringBuilder AppendOutcomes(StringBuilder text, ActivityOutcomes outcomes)
    {
        var separator = string.Empty;
        foreach (var (flag, name) in OutcomeNames)
        {
            if ((outcomes & flag) != 0)
            {
                text.Append(separator).Append(name);
                separator = ";";
            }
        }

        return text;
    }

    private static readonly (ActivityOutcomes Flag, string Name)[] OutcomeNames =
    [
        (ActivityOutcomes.Connected, "connected"), (ActivityOutcomes.Delivered, "delivered"), (ActivityOutcomes.Opened, "opened"),
        (ActivityOutcomes.Replied, "replied"), (ActivityOutcomes.Positive, "positive"),
    ];

    private static string Kind(DealKind kind) => kind switch
    {
        DealKind.NewBusiness => "new-business",
        DealKind.AddOn => "add-on",
        DealKind.Renewal => "renewal",
        _ => "win-back",
    };

    /// <summary>A <see cref="CsvSource"/> over files held in memory.</summary>
    /// <param name="files">The file contents by name.</param>
    public sealed class MemorySource(IReadOnlyDictionary<string, byte[]> files) : CsvSource
    {
        /// <inheritdoc />
        public override string Description => "memory";

        /// <inheritdoc />
        public override bool Exists(string fileName) => files.ContainsKey(fileName);

        /// <inheritdoc />
        public override Stream Open(string fileName) => new MemoryStream(files[fileName], writable: false);

        /// <inheritdoc />
        public override long? LengthOf(string fileName) => files[fileName].Length;

        /// <inheritdoc />
        public override string Describe(string fileName) => "memory/" + fileName;
    }
}
