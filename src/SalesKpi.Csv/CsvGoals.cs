using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Text;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Csv;

/// <summary>Options of <see cref="CsvGoals"/>.</summary>
public sealed class CsvGoalOptions
{
    /// <summary>Gets or sets the KPIs the <c>kpi</c> column may name.</summary>
    /// <value>The default value is <see cref="KpiCatalog.BuiltIn"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public IKpiCatalog Catalog { get; set => field = value ?? throw new ArgumentNullException(nameof(value)); } = KpiCatalog.BuiltIn;

    /// <summary>
    /// Gets or sets the groups of each dimension (the reps, teams and lead sources of the data) a goal may name; a group
    /// not among them is an error with the closest names. Null for no check.
    /// </summary>
    /// <value>The default value is null.</value>
    public Func<KpiGrouping, IReadOnlyCollection<string>>? KnownGroups { get; set; }
}

/// <summary>
/// Reads goals — targets with warning and critical thresholds — from a CSV file with the columns <c>kpi</c>,
/// <c>group</c>, <c>period</c>, <c>target</c>, <c>warning</c>, <c>critical</c> (docs/csv-format.md, "Targets").
/// </summary>
/// <remarks>
/// <para>The file is read with the import's strict CSV reader (UTF-8 or UTF-16 with a byte-order mark, RFC 4180 quoting).
/// The first line is the header; <c>kpi</c>, <c>period</c> and <c>target</c> are required, <c>group</c> (default
/// <c>all</c>), <c>warning</c> and <c>critical</c> optional, and the columns may come in any order.</para>
/// <para><c>group</c> is <c>all</c> (the whole data set), <c>rep:ID</c>, <c>team:NAME</c>, <c>source:NAME</c>, or a bare
/// rep id. <c>period</c> is a year (<c>2025</c>), a quarter (<c>2025-Q1</c>), a month (<c>2025-03</c>), an ISO week
/// (<c>2025-W07</c>, Monday to Sunday) or dates (<c>2025-01-06..2025-02-28</c>, both included). Numbers are invariant
/// (<c>0.65</c>, <c>300000</c>) and may end in <c>%</c> (<c>65%</c> is 0.65); the target and thresholds are in the KPI's
/// unit (an amount in the data's currency for money, days for a duration).</para>
/// <para>The first problem stops the read with a <see cref="CsvImportException"/> whose <see cref="CsvImportException.Rejection"/>
/// names the file, line and column, with the closest names for a mistyped KPI id or group.</para>
/// </remarks>
/// <threadsafety>This type is safe to use from several threads.</threadsafety>
public static class CsvGoals
{
    private static readonly string[] Columns = ["kpi", "group", "period", "target", "warning", "critical"];

    private static readonly (string Prefix, KpiGrouping Grouping)[] GroupDimensions = [("rep", KpiGrouping.ByRep), ("team", KpiGrouping.ByTeam), ("source", KpiGrouping.BySource)];

    /// <summary>Reads the goals of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The goals, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">The file is malformed, or a row is bad.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ImmutableArray<KpiGoal> ReadFile(string path, CsvGoalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path, options);
    }

    /// <summary>Reads the goals of a stream.</summary>
    /// <param name="stream">The bytes of the CSV text.</param>
    /// <param name="fileName">How the file is named in errors.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The goals, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="CsvImportException">The text is malformed, or a row is bad.</exception>
    public static ImmutableArray<KpiGoal> Read(Stream stream, string fileName, CsvGoalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new CsvGoalOptions();
        return SideFile.Read(stream, fileName, reader => ReadRecords(reader, fileName, options));
    }

    private static ImmutableArray<KpiGoal> ReadRecords(CsvRecordReader reader, string fileName, CsvGoalOptions options)
    {
        var index = SideFile.Header(reader, fileName, Columns, ["kpi", "period", "target"]);
        var goals = ImmutableArray.CreateBuilder<KpiGoal>();
        while (SideFile.NextRow(reader, fileName, index))
        {
            string Text(string column) => index.TryGetValue(column, out var i) ? reader[i].Trim() : string.Empty;
            CsvImportException Bad(string column, string reason) => SideFile.Reject(fileName, reader.PositionOf(index[column]), column, reason);

            var id = Text("kpi");
            if (!options.Catalog.TryGet(id, out var kpi))
            {
                var ids = Catalog(options.Catalog);
                throw Bad("kpi", id.Length == 0 ? "no KPI id" : $"unknown KPI '{MessageText.Of(id)}'{Suggestions.DidYouMean(id, ids)}");
            }

            var (grouping, group) = Text("group") is { Length: > 0 } groupText
                ? SideFile.Group(groupText, "group", GroupDimensions, options.KnownGroups, "write all, rep:ID, team:NAME, source:NAME, or a rep id", Bad)
                : (KpiGrouping.None, KpiGrouping.AllKey);
            var periodText = Text("period");
            var period = Period(periodText) ?? throw Bad("period", $"'{MessageText.Of(periodText)}' is not a period: write a year (2025), a quarter (2025-Q1), a month (2025-03), an ISO week (2025-W07) or dates (2025-01-06..2025-02-28)");
            if (period.Start < KpiQuery.MinDate || period.End > KpiQuery.MaxDate)
            {
                throw Bad("period", $"{periodText} is outside the dates a report can cover, {KpiQuery.MinDate:uuuu-MM-dd} to {KpiQuery.MaxDate:uuuu-MM-dd}");
            }

            var target = Number(Text("target")) ?? throw Bad("target", $"'{MessageText.Of(Text("target"))}' is not a number (write 0.65, 65% or 300000)");
            decimal? Threshold(string column)
            {
                var text = Text(column);
                return text.Length == 0 ? null : Number(text) ?? throw Bad(column, $"'{MessageText.Of(text)}' is not a number (write 0.65, 65% or 300000, or leave it empty)");
            }

            var warning = Threshold("warning");
            var critical = Threshold("critical");
            KpiGoal goal;
            try
            {
                goal = new KpiGoal(kpi, grouping, group, period, target, warning, critical) { PeriodLabel = periodText };
            }
            catch (ArgumentException e) when (e.ParamName == "warning")
            {
                throw Bad(index.ContainsKey("warning") ? "warning" : "critical", e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'));
            }

            goals.Add(goal);
        }

        return goals.ToImmutable();
    }

    /// <summary>Returns the period a text names, or null.</summary>
    internal static DateInterval? Period(string text)
    {
        var range = text.Split("..", 2);
        if (range.Length == 2)
        {
            var from = LocalDatePattern.Iso.Parse(range[0].Trim());
            var to = LocalDatePattern.Iso.Parse(range[1].Trim());
            return from.Success && to.Success && to.Value >= from.Value ? new DateInterval(from.Value, to.Value) : null;
        }

        var parts = text.Split('-');
        if (parts.Length is < 1 or > 2 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        }

        var rest = parts[1];
        if (rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
        {
            var first = new LocalDate(year, ((rest[1] - '1') * 3) + 1, 1);
            return new DateInterval(first, first.PlusMonths(3).PlusDays(-1));
        }

        if (rest.Length == 3 && rest[0] is 'W' or 'w' && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= WeekYearRules.Iso.GetWeeksInWeekYear(year))
        {
            var monday = WeekYearRules.Iso.GetLocalDate(year, week, IsoDayOfWeek.Monday);
            return new DateInterval(monday, monday.PlusDays(6));
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            var first = new LocalDate(year, month, 1);
            return new DateInterval(first, first.PlusMonths(1).PlusDays(-1));
        }

        return null;
    }

    /// <summary>Returns the number a text holds (<c>65%</c> is 0.65), or null.</summary>
    internal static decimal? Number(string text)
    {
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1].TrimEnd() : text;
        return decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? percent ? value / 100m : value
            : null;
    }

    private static IEnumerable<string> Catalog(IKpiCatalog catalog) =>
        catalog is KpiCatalog c ? c.All.Select(k => k.Id) : Kpis.All.Select(k => k.Id);
}
