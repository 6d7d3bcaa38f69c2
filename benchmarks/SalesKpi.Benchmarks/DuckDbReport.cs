using System.Globalization;
using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Opportunities;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report in DuckDB: the snapshot loaded once into in-memory tables (rep and kind as text, timestamps as
/// TIMESTAMPTZ, amounts as DECIMAL(18,2)), then one SQL query per collection and timestamp with filtered aggregates.
/// Two versions of the SQL: <see cref="Queries"/> as a user writes it, bucketing by <c>date_trunc('week', …)</c> in the
/// session's time zone (ICU converts each timestamp), and <see cref="TunedQueries"/>, which buckets as the library does:
/// the zone's offsets over the range are constants of the query, each timestamp's local day is integer arithmetic on its
/// epoch microseconds, and the range is compared as instants. A third version, <see cref="ExpertQueries"/>, gives DuckDB
/// its best: a schema of its own that an expert would pick (integer codes for reps and kinds, epoch-microsecond
/// integers for timestamps, rows sorted by time so zone maps skip row groups; see <see cref="LoadExpert"/>) with the
/// tuned SQL's arithmetic over it, grouped by integer week numbers.
/// </summary>
public sealed class DuckDbReport : IDisposable
{
    private readonly DuckDBConnection _connection;
    private IReadOnlyList<string> _tuned = [];
    private IReadOnlyList<string> _expert = [];
    private string[] _repNames = [];

    private DuckDbReport(DuckDBConnection connection) => _connection = connection;

    /// <summary>The queries, in the order of <see cref="Result"/>'s parts.</summary>
    public static IReadOnlyList<string> Queries { get; } =
    [
        """
        SELECT rep, date_trunc('week', occurred_at)::DATE AS week,
               count(*) FILTER (WHERE kind = 'call') AS calls,
               count(*) FILTER (WHERE kind = 'email') AS emails,
               count(*) FILTER (WHERE kind = 'meeting') AS meetings,
               count(*) FILTER (WHERE kind IN ('call', 'meeting') AND outcomes & 1 = 1) AS conversations
        FROM activities
        WHERE occurred_at >= TIMESTAMPTZ '2025-01-01 00:00:00' AND occurred_at < TIMESTAMPTZ '2026-01-01 00:00:00'
        GROUP BY ALL
        """,
        """
        SELECT coalesce(rep, '(none)') AS rep, date_trunc('week', created_at)::DATE AS week, count(*) AS new_leads
        FROM leads
        WHERE created_at >= TIMESTAMPTZ '2025-01-01 00:00:00' AND created_at < TIMESTAMPTZ '2026-01-01 00:00:00'
        GROUP BY ALL
        """,
        """
        SELECT coalesce(rep, '(none)') AS rep, date_trunc('week', qualified_at)::DATE AS week, count(*) AS sqls
        FROM leads
        WHERE qualified_at >= TIMESTAMPTZ '2025-01-01 00:00:00' AND qualified_at < TIMESTAMPTZ '2026-01-01 00:00:00'
        GROUP BY ALL
        """,
        """
        SELECT rep, date_trunc('week', closed_at)::DATE AS week,
               count(*) FILTER (WHERE status = 'won') AS won,
               count(*) AS closed,
               CAST(sum(date_diff('day', created_at::DATE, closed_at::DATE)) FILTER (WHERE status = 'won') AS BIGINT) AS cycle_sum,
               median(date_diff('day', created_at::DATE, closed_at::DATE)) FILTER (WHERE status = 'won') AS cycle_median
        FROM opportunities
        WHERE closed_at >= TIMESTAMPTZ '2025-01-01 00:00:00' AND closed_at < TIMESTAMPTZ '2026-01-01 00:00:00'
        GROUP BY ALL
        """,
        """
        SELECT rep, date_trunc('week', closed_at)::DATE AS week,
               sum(value) AS total, count(*) AS deals,
               coalesce(sum(value) FILTER (WHERE kind = 'new-business'), 0) AS new_business,
               coalesce(sum(value) FILTER (WHERE kind = 'add-on'), 0) AS add_on,
               coalesce(sum(value) FILTER (WHERE kind = 'renewal'), 0) AS renewal,
               coalesce(sum(value) FILTER (WHERE kind = 'win-back'), 0) AS win_back
        FROM deals
        WHERE closed_at >= TIMESTAMPTZ '2025-01-01 00:00:00' AND closed_at < TIMESTAMPTZ '2026-01-01 00:00:00'
        GROUP BY ALL
        """,
    ];

    /// <summary>Returns the tuned queries for a zone: the same results as <see cref="Queries"/>, in the same column order.</summary>
    public static IReadOnlyList<string> TunedQueries(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var year = ReferenceData.Year;
        var from = zone.AtStartOfDay(year.Start).ToInstant();
        var to = zone.AtStartOfDay(year.End.PlusDays(1)).ToInstant();
        string Range(string column) => string.Create(
            CultureInfo.InvariantCulture,
            $"{column} >= TIMESTAMPTZ '{from:uuuu-MM-dd'T'HH:mm:ss}Z' AND {column} < TIMESTAMPTZ '{to:uuuu-MM-dd'T'HH:mm:ss}Z'");

        // The local day number of epoch microseconds (see LocalDay). The data spans 2024–2026.
        var intervals = Intervals(zone);
        string Day(string column) => LocalDay($"epoch_us({column})", intervals);

        // The Monday of the ISO week of a local day number (day 0, 1970-01-01, was a Thursday).
        string Week(string column) => $"(DATE '1970-01-01' + CAST(7 * (({Day(column)} + 3) // 7) - 3 AS INTEGER))";
        return
        [
            $"""
            SELECT rep, {Week("occurred_at")} AS week,
                   count(*) FILTER (WHERE kind = 'call') AS calls,
                   count(*) FILTER (WHERE kind = 'email') AS emails,
                   count(*) FILTER (WHERE kind = 'meeting') AS meetings,
                   count(*) FILTER (WHERE kind IN ('call', 'meeting') AND outcomes & 1 = 1) AS conversations
            FROM activities WHERE {Range("occurred_at")}
            GROUP BY ALL
            """,
            $"""
            SELECT coalesce(rep, '(none)') AS rep, {Week("created_at")} AS week, count(*) AS new_leads
            FROM leads WHERE {Range("created_at")}
            GROUP BY ALL
            """,
            $"""
            SELECT coalesce(rep, '(none)') AS rep, {Week("qualified_at")} AS week, count(*) AS sqls
            FROM leads WHERE {Range("qualified_at")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("closed_at")} AS week,
                   count(*) FILTER (WHERE status = 'won') AS won,
                   count(*) AS closed,
                   CAST(sum({Day("closed_at")} - {Day("created_at")}) FILTER (WHERE status = 'won') AS BIGINT) AS cycle_sum,
                   median({Day("closed_at")} - {Day("created_at")}) FILTER (WHERE status = 'won') AS cycle_median
            FROM opportunities WHERE {Range("closed_at")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("closed_at")} AS week,
                   sum(value) AS total, count(*) AS deals,
                   coalesce(sum(value) FILTER (WHERE kind = 'new-business'), 0) AS new_business,
                   coalesce(sum(value) FILTER (WHERE kind = 'add-on'), 0) AS add_on,
                   coalesce(sum(value) FILTER (WHERE kind = 'renewal'), 0) AS renewal,
                   coalesce(sum(value) FILTER (WHERE kind = 'win-back'), 0) AS win_back
            FROM deals WHERE {Range("closed_at")}
            GROUP BY ALL
            """,
        ];
    }

    /// <summary>
    /// Returns the queries over the expert schema for a zone: the results of <see cref="Queries"/> with the rep as its
    /// code and the week as its number (see <see cref="Result"/>), in the same column order.
    /// </summary>
    /// <param name="zoneId">The TZDB zone id.</param>
    /// <param name="kinds">The activity kind codes of call, email and meeting.</param>
    /// <returns>The queries.</returns>
    public static IReadOnlyList<string> ExpertQueries(string zoneId, (int Call, int Email, int Meeting) kinds)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var year = ReferenceData.Year;
        var from = zone.AtStartOfDay(year.Start).ToInstant().ToUnixTimeTicks() / 10;
        var to = zone.AtStartOfDay(year.End.PlusDays(1)).ToInstant().ToUnixTimeTicks() / 10;
        var intervals = Intervals(zone);
        string Range(string column) => string.Create(CultureInfo.InvariantCulture, $"{column} >= {from} AND {column} < {to}");
        string Day(string column) => LocalDay(column, intervals);

        // The week number: the Monday of week w is day 7w − 3 (day 0, 1970-01-01, was a Thursday); grouped as an integer.
        string Week(string column) => $"(({Day(column)} + 3) // 7)";
        var (call, email, meeting) = kinds;
        var (won, newBusiness, addOn, renewal, winBack) =
            ((int)OpportunityStatus.Won, (int)DealKind.NewBusiness, (int)DealKind.AddOn, (int)DealKind.Renewal, (int)DealKind.WinBack);
        return
        [
            $"""
            SELECT rep, {Week("occurred_us")} AS week,
                   count(*) FILTER (WHERE kind = {call}) AS calls,
                   count(*) FILTER (WHERE kind = {email}) AS emails,
                   count(*) FILTER (WHERE kind = {meeting}) AS meetings,
                   count(*) FILTER (WHERE (kind = {call} OR kind = {meeting}) AND outcomes & 1 = 1) AS conversations
            FROM x_activities WHERE {Range("occurred_us")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("created_us")} AS week, count(*) AS new_leads
            FROM x_leads WHERE {Range("created_us")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("qualified_us")} AS week, count(*) AS sqls
            FROM x_leads WHERE {Range("qualified_us")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("closed_us")} AS week,
                   count(*) FILTER (WHERE status = {won}) AS won,
                   count(*) AS closed,
                   CAST(sum({Day("closed_us")} - {Day("created_us")}) FILTER (WHERE status = {won}) AS BIGINT) AS cycle_sum,
                   median({Day("closed_us")} - {Day("created_us")}) FILTER (WHERE status = {won}) AS cycle_median
            FROM x_opportunities WHERE {Range("closed_us")}
            GROUP BY ALL
            """,
            $"""
            SELECT rep, {Week("closed_us")} AS week,
                   sum(value) AS total, count(*) AS deals,
                   coalesce(sum(value) FILTER (WHERE kind = {newBusiness}), 0) AS new_business,
                   coalesce(sum(value) FILTER (WHERE kind = {addOn}), 0) AS add_on,
                   coalesce(sum(value) FILTER (WHERE kind = {renewal}), 0) AS renewal,
                   coalesce(sum(value) FILTER (WHERE kind = {winBack}), 0) AS win_back
            FROM x_deals WHERE {Range("closed_us")}
            GROUP BY ALL
            """,
        ];
    }

    /// <summary>Opens an in-memory database, loads the snapshot's leads, opportunities, deals and activities, and sets the zone and threads.</summary>
    public static DuckDbReport Load(SalesData data, string zoneId, int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var report = new DuckDbReport(connection);
        report.Execute("""
            CREATE TABLE activities (rep VARCHAR NOT NULL, kind VARCHAR NOT NULL, outcomes UTINYINT NOT NULL, occurred_at TIMESTAMPTZ NOT NULL);
            CREATE TABLE leads (rep VARCHAR, source VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL, qualified_at TIMESTAMPTZ, converted_at TIMESTAMPTZ);
            CREATE TABLE opportunities (rep VARCHAR NOT NULL, status VARCHAR NOT NULL, amount DECIMAL(18, 2) NOT NULL, created_at TIMESTAMPTZ NOT NULL, closed_at TIMESTAMPTZ);
            CREATE TABLE deals (rep VARCHAR NOT NULL, kind VARCHAR NOT NULL, value DECIMAL(18, 2) NOT NULL, closed_at TIMESTAMPTZ NOT NULL);
            """);
        using (var appender = connection.CreateAppender("activities"))
        {
            foreach (var a in data.Activities)
            {
                appender.CreateRow().AppendValue(a.Owner.Value).AppendValue(a.Kind.Name).AppendValue((byte)a.Outcomes).AppendValue(Utc(a.OccurredAt)).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("leads"))
        {
            foreach (var l in data.Leads)
            {
                appender.CreateRow().AppendValue(l.Owner?.Value).AppendValue(l.Source).AppendValue(Utc(l.CreatedAt))
                    .AppendValue(Utc(l.QualifiedAt)).AppendValue(Utc(l.ConvertedAt)).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("opportunities"))
        {
            foreach (var o in data.Opportunities)
            {
                appender.CreateRow().AppendValue(o.Owner.Value).AppendValue(StatusName(o.Status)).AppendValue(o.Amount.Amount)
                    .AppendValue(Utc(o.CreatedAt)).AppendValue(Utc(o.ClosedAt)).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("deals"))
        {
            foreach (var d in data.Deals)
            {
                appender.CreateRow().AppendValue(d.Owner.Value).AppendValue(DealKinds.ToName(d.Kind)).AppendValue(d.Value.Amount)
                    .AppendValue(Utc(d.ClosedAt)).EndRow();
            }
        }

        var kinds = report.LoadExpert(data);
        report.Execute($"SET TimeZone = '{zoneId}'; SET threads = {threads};");
        report._tuned = TunedQueries(zoneId);
        report._expert = ExpertQueries(zoneId, kinds);
        return report;
    }

    /// <summary>Gets the open connection that holds the tables, for other SQL over the same tables (<see cref="PushDown.DuckDbReportTables"/>).</summary>
    public DuckDBConnection Connection => _connection;

    /// <summary>Runs the queries (as written, or tuned) and reads every row.</summary>
    public Result Run(bool tuned = false) => Run(tuned ? _tuned : Queries, null);

    /// <summary>Runs the queries over the expert schema (<see cref="ExpertQueries"/>) and reads every row.</summary>
    public Result RunExpert() => Run(_expert, _repNames);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Returns the zone's intervals over the data's span (2024–2026, with a margin).</summary>
    private static List<NodaTime.TimeZones.ZoneInterval> Intervals(DateTimeZone zone) =>
        [.. zone.GetZoneIntervals(Instant.FromUtc(2023, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0))];

    /// <summary>
    /// Returns the SQL of the local day number of an expression of epoch microseconds: (us + offset) // day, with the zone's
    /// offsets as a CASE over its transitions (none for UTC or a fixed offset).
    /// </summary>
    private static string LocalDay(string us, List<NodaTime.TimeZones.ZoneInterval> intervals)
    {
        if (intervals.Count == 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"(({us} + {intervals[0].WallOffset.Seconds * 1_000_000L}) // 86400000000)");
        }

        var cases = string.Join(" ", intervals.Skip(1).Select((interval, i) => string.Create(
            CultureInfo.InvariantCulture,
            $"WHEN {us} < {interval.Start.ToUnixTimeTicks() / 10} THEN {intervals[i].WallOffset.Seconds * 1_000_000L}")));
        return string.Create(CultureInfo.InvariantCulture, $"(({us} + CASE {cases} ELSE {intervals[^1].WallOffset.Seconds * 1_000_000L} END) // 86400000000)");
    }

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;

    /// <summary>
    /// Loads the expert schema: reps as USMALLINT codes (0 for no owner; <see cref="_repNames"/> names them), activity
    /// kinds as UTINYINT codes, statuses and deal kinds as their enum values, timestamps as BIGINT epoch microseconds
    /// (what TIMESTAMP holds, with no zone), amounts as DECIMAL(18,2) (a 64-bit integer of cents), and each table's rows
    /// appended in order of the timestamp its queries filter on, so that the row groups' zone maps skip the margins.
    /// </summary>
    /// <returns>The kind codes of call, email and meeting (−1 for a kind not in the data).</returns>
    private (int Call, int Email, int Meeting) LoadExpert(SalesData data)
    {
        Execute("""
            CREATE TABLE x_activities (rep USMALLINT NOT NULL, kind UTINYINT NOT NULL, outcomes UTINYINT NOT NULL, occurred_us BIGINT NOT NULL);
            CREATE TABLE x_leads (rep USMALLINT NOT NULL, created_us BIGINT NOT NULL, qualified_us BIGINT);
            CREATE TABLE x_opportunities (rep USMALLINT NOT NULL, status UTINYINT NOT NULL, created_us BIGINT NOT NULL, closed_us BIGINT);
            CREATE TABLE x_deals (rep USMALLINT NOT NULL, kind UTINYINT NOT NULL, value DECIMAL(18, 2) NOT NULL, closed_us BIGINT NOT NULL);
            """);
        var reps = data.Activities.Select(a => a.Owner.Value).Concat(data.Leads.Where(l => l.Owner is not null).Select(l => l.Owner!.Value.Value))
            .Concat(data.Opportunities.Select(o => o.Owner.Value)).Concat(data.Deals.Select(d => d.Owner.Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _repNames = ["(none)", .. reps];
        var repCodes = reps.Select((rep, i) => (rep, i)).ToDictionary(x => x.rep, x => (ushort)(x.i + 1), StringComparer.Ordinal);
        var kindCodes = data.Activities.Select(a => a.Kind.Name).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((kind, i) => (kind, i)).ToDictionary(x => x.kind, x => (byte)x.i, StringComparer.OrdinalIgnoreCase);
        int KindCode(SalesActivityKind kind) => kindCodes.TryGetValue(kind.Name, out var code) ? code : -1;

        using (var appender = _connection.CreateAppender("x_activities"))
        {
            foreach (var a in data.Activities.OrderBy(a => a.OccurredAt))
            {
                appender.CreateRow().AppendValue(repCodes[a.Owner.Value]).AppendValue(kindCodes[a.Kind.Name]).AppendValue((byte)a.Outcomes)
                    .AppendValue(Micros(a.OccurredAt)).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("x_leads"))
        {
            foreach (var l in data.Leads.OrderBy(l => l.CreatedAt))
            {
                appender.CreateRow().AppendValue(l.Owner is { } owner ? repCodes[owner.Value] : (ushort)0).AppendValue(Micros(l.CreatedAt))
                    .AppendValue(l.QualifiedAt is { } q ? Micros(q) : null).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("x_opportunities"))
        {
            foreach (var o in data.Opportunities.OrderBy(o => o.ClosedAt ?? Instant.MaxValue))
            {
                appender.CreateRow().AppendValue(repCodes[o.Owner.Value]).AppendValue((byte)o.Status).AppendValue(Micros(o.CreatedAt))
                    .AppendValue(o.ClosedAt is { } c ? Micros(c) : null).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("x_deals"))
        {
            foreach (var d in data.Deals.OrderBy(d => d.ClosedAt))
            {
                appender.CreateRow().AppendValue(repCodes[d.Owner.Value]).AppendValue((byte)d.Kind).AppendValue(d.Value.Amount)
                    .AppendValue(Micros(d.ClosedAt)).EndRow();
            }
        }

        return (KindCode(SalesActivityKind.Call), KindCode(SalesActivityKind.Email), KindCode(SalesActivityKind.Meeting));
    }

    /// <summary>Runs queries and reads every row; <paramref name="repNames"/> names rep codes of the expert schema.</summary>
    private Result Run(IReadOnlyList<string> queries, string[]? repNames)
    {
        var parts = new List<object[]>[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = queries[q];
            using var reader = command.ExecuteReader();
            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            parts[q] = rows;
        }

        return new Result(parts, repNames);
    }

    private static DateTimeOffset Utc(Instant instant) => instant.ToDateTimeOffset();

    private static DateTimeOffset? Utc(Instant? instant) => instant?.ToDateTimeOffset();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The rows of each query: each starts with the rep and the week — the rep's name and the Monday's date, or, from the
    /// expert schema, the rep's code (named by <paramref name="repNames"/>) and the week's number.
    /// </summary>
    public sealed class Result(IReadOnlyList<List<object[]>> parts, string[]? repNames = null)
    {
        /// <summary>Gets the number of rows read.</summary>
        public int Rows => parts.Sum(p => p.Count);

        /// <summary>Returns the results in comparable form.</summary>
        public ReportTable ToTable()
        {
            var table = new ReportTable();
            static long L(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
            string Rep(object[] row) => repNames is null ? (string)row[0] : repNames[L(row[0])];
            string Week(object[] row) => ReferenceReport.WeekLabel(
                repNames is not null ? new LocalDate(1970, 1, 1).PlusDays((int)((7 * L(row[1])) - 3))
                : LocalDate.FromDateOnly(row[1] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)row[1])));
            foreach (var row in parts[0])
            {
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.Calls, L(row[2]));
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.EmailsSent, L(row[3]));
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.Meetings, L(row[4]));
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.Conversations, L(row[5]));
                table.Ratio(Rep(row), Week(row), ReferenceReport.Ids.CallToMeeting, L(row[4]), L(row[2]));
            }

            foreach (var row in parts[1])
            {
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.NewLeads, L(row[2]));
            }

            foreach (var row in parts[2])
            {
                table.Count(Rep(row), Week(row), ReferenceReport.Ids.SqlCount, L(row[2]));
            }

            foreach (var row in parts[3])
            {
                table.Ratio(Rep(row), Week(row), ReferenceReport.Ids.CloseRate, L(row[2]), L(row[3]));
                if (L(row[2]) > 0)
                {
                    table.Sample(Rep(row), Week(row), ReferenceReport.Ids.SalesCycle, L(row[2]), L(row[4]), Convert.ToDouble(row[5], CultureInfo.InvariantCulture));
                }
            }

            foreach (var row in parts[4])
            {
                table.Average(Rep(row), Week(row), ReferenceReport.Ids.AverageDealSize, (decimal)row[2], L(row[3]));
                table.Money(Rep(row), Week(row), ReferenceReport.Ids.RevenueNewBusiness, (decimal)row[4]);
                table.Money(Rep(row), Week(row), ReferenceReport.Ids.RevenueAddOn, (decimal)row[5]);
                table.Money(Rep(row), Week(row), ReferenceReport.Ids.RevenueRenewal, (decimal)row[6]);
                table.Money(Rep(row), Week(row), ReferenceReport.Ids.RevenueWinBack, (decimal)row[7]);
            }

            return table;
        }
    }

    /// <summary>The statuses as stored.</summary>
    internal static string StatusName(OpportunityStatus status) => status.ToString().ToLowerInvariant();
}
