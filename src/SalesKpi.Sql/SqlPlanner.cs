using System.Globalization;
using System.Text;
using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Sql;

/// <summary>What one pushed-down leaf reads through one statement: its routing condition (the stream's and the filter's) and its components there, each with its full condition.</summary>
internal sealed record SqlLeafPart(CompiledQuery.LeafNode Leaf, KpiStream Stream, RecordCondition Routing, (MeasureComponent Component, RecordCondition Condition)[] Components);

/// <summary>
/// One statement: the partial aggregates of one layout table placed by one timestamp column, grouped by the group's
/// column, the period slot, the traits the conditions read, and — when the leaves need them — the currency, the local
/// date of the event (for exchange rates) and the cycle's days.
/// </summary>
internal sealed class SqlUnit(KpiTimestamp timestamp)
{
    public KpiTimestamp Timestamp { get; } = timestamp;

    public KpiRecordType Type => Timestamp switch
    {
        KpiTimestamp.ActivityOccurred => KpiRecordType.Activities,
        KpiTimestamp.LeadCreated or KpiTimestamp.LeadQualified or KpiTimestamp.LeadConverted => KpiRecordType.Leads,
        KpiTimestamp.OpportunityCreated or KpiTimestamp.OpportunityClosed => KpiRecordType.Opportunities,
        _ => KpiRecordType.Deals,
    };

    /// <summary>Gets the layout table.</summary>
    public string Table => Type switch
    {
        KpiRecordType.Activities => "activities",
        KpiRecordType.Leads => "leads",
        KpiRecordType.Opportunities => "opportunities",
        _ => "deals",
    };

    /// <summary>Gets the layout column of the timestamp.</summary>
    public string TimestampColumn => Timestamp switch
    {
        KpiTimestamp.ActivityOccurred => "occurred_at",
        KpiTimestamp.LeadCreated or KpiTimestamp.OpportunityCreated => "created_at",
        KpiTimestamp.LeadQualified => "qualified_at",
        KpiTimestamp.LeadConverted => "converted_at",
        _ => "closed_at",
    };

    /// <summary>Gets the layout columns of the traits the conditions read, in the order the statement returns them.</summary>
    public string[] TraitColumns => Type switch
    {
        KpiRecordType.Activities => ["kind", "outcomes"],
        KpiRecordType.Leads => ["source", "qualified_at", "converted_at"],
        KpiRecordType.Opportunities => ["status"],
        _ => ["kind"],
    };

    public List<SqlLeafPart> Parts { get; } = [];

    public bool Sums => Parts.Exists(p => p.Components.Any(c => c.Component.Kind == MeasureComponentKind.Sum));

    public bool Days => Parts.Exists(p => p.Components.Any(c => c.Component.Kind == MeasureComponentKind.Days));
}

/// <summary>A statement ready to run: its SQL, its parameters and where each part of a result row is.</summary>
internal sealed class SqlUnitStatement(SqlUnit unit, string text, IReadOnlyList<KeyValuePair<string, object>> parameters, bool owner, int traits, bool currency, bool rateDay, bool days)
{
    public SqlUnit Unit { get; } = unit;

    public string Text { get; } = text;

    /// <summary>Gets the parameters: whole epoch units (<see cref="long"/>) or instants (<see cref="Instant"/>, for <see cref="SqlDialect.ComparableInstant"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Parameters { get; } = parameters;

    public bool Owner { get; } = owner;

    public int Traits { get; } = traits;

    public bool Currency { get; } = currency;

    public bool RateDay { get; } = rateDay;

    public bool Days { get; } = days;
}

/// <summary>Decides which leaves of a compiled query the database computes, and writes their statements.</summary>
internal static class SqlPlanner
{
    // Local day numbers are counted from this many days before 1970-01-01, so that every instant from -9998-01-01 on has
    // a positive day number and integer division rounds down on every engine.
    internal const long DayShift = 5_000_000;

    private const long SecondsPerDay = 86_400;

    /// <summary>Returns why a leaf cannot be computed in the database, or null when it can.</summary>
    public static string? WhyNot(CompiledQuery.LeafNode leaf, FastPlan.GroupMode mode, KpiGrouping grouping)
    {
        if (leaf.Measure is not { } measure)
        {
            return "it has its own accumulator, which reads whole records (give it a KpiMeasure to compute it in the database)";
        }

        if (measure.Components.Any(c => c.Records.Condition.ReadsRecords))
        {
            return "a condition reads whole records (KpiRecords.Where<TRecord>); conditions on traits (kind, outcomes, source, status) can be computed in the database";
        }

        if (mode == FastPlan.GroupMode.Unsupported)
        {
            return $"the grouping '{grouping.Dimension}' is a function of whole records; the built-in groupings by rep, team, source and deal kind can be computed in the database";
        }

        foreach (var stream in measure.Streams)
        {
            var type = KpiStreams.RecordType(stream);
            if (!FastPlan.Groups(mode, type))
            {
                return $"grouping {type.ToString().ToLowerInvariant()} by {grouping.Dimension} follows the links between records (an opportunity's lead, a deal's opportunity)";
            }

            if (leaf.Filter is { } filter && !filter.TryGetCondition(type, out _))
            {
                return $"the filter '{filter.Description}' reads whole {type.ToString().ToLowerInvariant()} (a predicate of its own, or a link to another collection)";
            }
        }

        return null;
    }

    /// <summary>Returns the statements of the pushed-down leaves, one per table and timestamp.</summary>
    public static List<SqlUnit> Units(CompiledQuery compiled, Func<CompiledQuery.LeafNode, bool> pushed)
    {
        var units = new Dictionary<KpiTimestamp, SqlUnit>();
        foreach (var leaf in compiled.Leaves)
        {
            if (!pushed(leaf))
            {
                continue;
            }

            var measure = leaf.Measure!;
            foreach (var stream in measure.Streams)
            {
                var type = KpiStreams.RecordType(stream);
                var filter = RecordCondition.All;
                _ = leaf.Filter?.TryGetCondition(type, out filter);
                var timestamp = KpiStreams.Timestamp(stream);
                if (!units.TryGetValue(timestamp, out var unit))
                {
                    unit = new SqlUnit(timestamp);
                    units.Add(timestamp, unit);
                }

                var routing = KpiStreams.Routing(stream).And(filter);
                unit.Parts.Add(new SqlLeafPart(
                    leaf,
                    stream,
                    routing,
                    [.. measure.Components.Where(c => c.Records.Stream == stream).Select(c => (c, routing.And(c.Records.Condition)))]));
            }
        }

        return [.. units.Values.OrderBy(u => u.Timestamp)];
    }

    /// <summary>
    /// Writes the statement of a unit over the columns the source has. For a unit with cycle days,
    /// <paramref name="oldestCreated"/> is the oldest creation of the opportunities it reads (<see cref="OldestCreatedAsync"/>):
    /// the zone's transitions before it are left out of the creations' day numbers.
    /// </summary>
    public static SqlUnitStatement Write(SqlUnit unit, SqlTableColumns columns, SqlDialect dialect, CompiledQuery compiled, FastPlan.GroupMode mode, Instant oldestCreated)
    {
        var settings = compiled.Settings;
        var plan = compiled.Plan;
        var units = dialect.EpochUnitsPerSecond;
        var parameters = new List<KeyValuePair<string, object>>();
        var names = new Dictionary<object, string>();
        string Add(object value)
        {
            if (!names.TryGetValue(value, out var name))
            {
                name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                names.Add(value, name);
                parameters.Add(new(name, value));
            }

            return dialect.Parameter(name);
        }

        string Parameter(Instant instant) => Add(EpochUnits(instant, units));

        var owner = mode is FastPlan.GroupMode.Rep or FastPlan.GroupMode.Team;
        var currency = unit.Sums;
        var rateDay = currency && settings.ExchangeRates is not null && settings.FixedRateDate is null;
        var days = unit.Days;

        // The timestamp compared as it is when the engine can (its statistics and indexes then serve the range), as
        // epoch units otherwise; the epoch is computed anyway where a local date needs it.
        var timestamp = columns.Expression(unit.TimestampColumn);
        var native = FitsDateTime(plan) && columns.TypeOf(unit.TimestampColumn) is { } type ? dialect.ComparableInstant(timestamp, type) : null;
        Func<Instant, string> boundary = native is null ? Parameter : instant => Add(instant);

        // The inner query names every column the outer one reads; the outer one groups.
        var inner = new List<string>();
        if (owner)
        {
            inner.Add(columns.Expression("owner") + " AS k");
        }

        inner.Add((native ?? dialect.EpochOf(timestamp)) + " AS t");
        if (native is not null && rateDay)
        {
            inner.Add(dialect.EpochOf(timestamp) + " AS te");
        }
        var traits = unit.TraitColumns;
        for (var i = 0; i < traits.Length; i++)
        {
            var expression = columns.Expression(traits[i]);
            inner.Add((unit.Type == KpiRecordType.Leads && i > 0 ? $"CASE WHEN {expression} IS NULL THEN 0 ELSE 1 END" : expression) + $" AS a{i}");
        }

        if (currency)
        {
            inner.Add(columns.Expression("amount") + " AS m");
            inner.Add(columns.Expression("currency") + " AS c");
        }

        if (days)
        {
            inner.Add(dialect.EpochOf(columns.Expression("created_at")) + " AS t0");
            inner.Add(dialect.EpochOf(columns.Expression("closed_at")) + " AS t1");
        }

        var outer = new List<string>();
        if (owner)
        {
            outer.Add("r.k");
        }

        outer.Add(((native is null ? SlotArithmetic("r.t", plan, dialect, Parameter) : null) ?? SlotCase("r.t", plan, boundary)) + " AS slot");
        for (var i = 0; i < traits.Length; i++)
        {
            outer.Add($"r.a{i}");
        }

        if (currency)
        {
            outer.Add("r.c");
        }

        if (rateDay)
        {
            outer.Add(DayNumber(native is null ? "r.t" : "r.te", settings.Zone, plan.RangeStart, plan.RangeEnd, dialect, Parameter) + " AS d");
        }

        if (days)
        {
            var cycle = $"{DayNumber("r.t1", settings.Zone, plan.RangeStart, plan.RangeEnd, dialect, Parameter)} - {DayNumber("r.t0", settings.Zone, oldestCreated, plan.RangeEnd, dialect, Parameter)}";
            var statuses = DayStatuses(unit);
            outer.Add(statuses.Length == 3
                ? $"({cycle}) AS y"
                : $"CASE WHEN lower(r.a0) IN ({string.Join(", ", statuses.Select(s => "'" + s.ToString().ToLowerInvariant() + "'"))}) THEN {cycle} END AS y");
        }

        var grouped = outer.Count;
        outer.Add("COUNT(*) AS n");
        if (currency)
        {
            outer.AddRange(dialect.AmountSum("r.m"));
        }

        var text = new StringBuilder();
        text.Append("SELECT ").AppendJoin(",\n       ", outer).Append('\n');
        text.Append("FROM (SELECT ").AppendJoin(", ", inner).Append(" FROM ").Append(columns.From).Append(") AS r\n");
        text.Append("WHERE r.t >= ").Append(boundary(plan.RangeStart)).Append(" AND r.t < ").Append(boundary(plan.RangeEnd)).Append('\n');
        text.Append("GROUP BY ").AppendJoin(", ", Enumerable.Range(1, grouped).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return new SqlUnitStatement(unit, text.ToString(), parameters, owner, traits.Length, currency, rateDay, days);
    }

    /// <summary>
    /// Returns the oldest creation of the opportunities a unit with cycle days reads (closed in the range), rounded down
    /// to a whole second, or <see cref="Instant.MinValue"/> when there is none: one aggregate over the table, so that the
    /// day numbers of creations search only the zone's transitions since then instead of all of its history (113
    /// offsets for Istanbul), which an engine otherwise compiles into every statement.
    /// </summary>
    public static async Task<Instant> OldestCreatedAsync(SqlUnit unit, SqlTableColumns columns, SqlKpiSource source, CompiledQuery compiled, CancellationToken cancellationToken)
    {
        if (!unit.Days)
        {
            return Instant.MinValue;
        }

        var dialect = source.Dialect;
        var units = dialect.EpochUnitsPerSecond;
        var closed = dialect.EpochOf(columns.Expression(unit.TimestampColumn));
        await using var command = source.Connection.CreateCommand();
#pragma warning disable CA2100 // Generated: layout columns, the application's mapping, and parameters for every value.
        command.CommandText = $"SELECT MIN({dialect.EpochOf(columns.Expression("created_at"))}) FROM {columns.From} WHERE {closed} >= {dialect.Parameter("p0")} AND {closed} < {dialect.Parameter("p1")}";
#pragma warning restore CA2100
        dialect.AddParameter(command, "p0", EpochUnits(compiled.Plan.RangeStart, units));
        dialect.AddParameter(command, "p1", EpochUnits(compiled.Plan.RangeEnd, units));
        var oldest = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (oldest is null or DBNull)
        {
            return Instant.MinValue;
        }

        var seconds = Math.DivRem(Convert.ToInt64(oldest, CultureInfo.InvariantCulture), units, out var rest);
        return Instant.FromUnixTimeSeconds(rest < 0 ? seconds - 1 : seconds);
    }

    /// <summary>Returns the local date of a day number written by <see cref="DayNumber"/>.</summary>
    public static LocalDate DateOf(long dayNumber) => new LocalDate(1970, 1, 1).PlusDays(checked((int)(dayNumber - DayShift)));

    /// <summary>Returns an instant as whole epoch units, rounded down.</summary>
    internal static long EpochUnits(Instant instant, long unitsPerSecond)
    {
        var seconds = Math.DivRem(instant.ToUnixTimeTicks(), NodaConstants.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
        }

        return seconds * unitsPerSecond;
    }

    /// <summary>Returns true when every boundary of the plan is an instant a <see cref="DateTime"/> holds (the years 1 to 9999), as instant parameters are sent.</summary>
    private static bool FitsDateTime(PeriodPlan plan)
    {
        var first = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
        var last = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
        return plan.RangeStart >= first && plan.RangeEnd <= last;
    }

    /// <summary>
    /// Returns the period slot as arithmetic when the periods are contiguous and of one length in instants (days, or weeks
    /// in a zone with one offset over the range; the first and last may be cut short by the range): one subtraction and
    /// one division per row. Null when they are not, for <see cref="SlotCase"/>.
    /// </summary>
    private static string? SlotArithmetic(string epoch, PeriodPlan plan, SqlDialect dialect, Func<Instant, string> parameter)
    {
        var periods = plan.Periods;
        if (periods.Length == 1)
        {
            return "0";
        }

        if (periods.Length < 3)
        {
            return null;
        }

        var length = periods[1].End - periods[1].Start;
        for (var i = 0; i < periods.Length; i++)
        {
            var period = periods[i];
            var span = period.End - period.Start;
            if ((i > 0 && periods[i - 1].End != period.Start) || span > length || (i > 0 && i < periods.Length - 1 && span != length))
            {
                return null;
            }
        }

        var lengthUnits = checked((long)length.TotalSeconds * dialect.EpochUnitsPerSecond);
        if (length.TotalSeconds != Math.Floor(length.TotalSeconds) || lengthUnits <= 0)
        {
            return null;
        }

        // The bucket the first period is cut from starts one length before the second period.
        return dialect.IntegerDivide($"{epoch} - {parameter(periods[1].Start - length)}", lengthUnits.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The statuses for which a days component of the unit can count an opportunity.</summary>
    private static OpportunityStatus[] DayStatuses(SqlUnit unit) =>
    [
        .. Enum.GetValues<OpportunityStatus>().Where(s => unit.Parts.Exists(p => p.Components.Any(c =>
            c.Component.Kind == MeasureComponentKind.Days && (c.Condition.Opportunity?.Invoke(s) ?? true)))),
    ];

    /// <summary>
    /// Returns the period slot of an epoch expression: a search tree of <c>CASE</c>s over the period boundaries, so each
    /// row takes a few comparisons whatever the number of periods; -1 in the gap after a hidden previous period.
    /// </summary>
    private static string SlotCase(string epoch, PeriodPlan plan, Func<Instant, string> parameter)
    {
        var segments = new List<(Instant From, string Value)>();
        for (var i = 0; i < plan.Periods.Length; i++)
        {
            var period = plan.Periods[i];
            if (segments.Count > 0 && plan.Periods[i - 1].End < period.Start)
            {
                segments.Add((plan.Periods[i - 1].End, "-1"));
            }

            segments.Add((period.Start, i.ToString(CultureInfo.InvariantCulture)));
        }

        return Tree(epoch, segments, parameter);
    }

    /// <summary>
    /// Returns the local day number (days since 1970-01-01 plus <see cref="DayShift"/>) of an epoch expression in a zone:
    /// the epoch plus the zone's offset at that instant — a search tree over the zone's transitions between
    /// <paramref name="from"/> and <paramref name="to"/>, computed here, never by the database — divided by a day.
    /// </summary>
    private static string DayNumber(string epoch, DateTimeZone zone, Instant from, Instant to, SqlDialect dialect, Func<Instant, string> parameter)
    {
        var units = dialect.EpochUnitsPerSecond;
        var segments = new List<(Instant From, string Value)>();
        foreach (var interval in zone.GetZoneIntervals(new Interval(from, to)))
        {
            var offset = interval.WallOffset.Seconds * units;
            var start = interval.HasStart && interval.Start > from ? interval.Start : from;
            if (segments.Count > 0 && segments[^1].Value == Literal(offset))
            {
                continue;
            }

            segments.Add((start, Literal(offset)));
        }

        var shift = DayShift * SecondsPerDay * units;
        var offsetTree = segments.Count == 0 ? "0" : Tree(epoch, segments, parameter);
        return dialect.IntegerDivide($"{epoch} + {offsetTree} + {Literal(shift)}", Literal(SecondsPerDay * units));
    }

    private static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns a balanced tree of <c>CASE WHEN e &lt; boundary</c> over sorted segments: the value of the segment the expression falls in.</summary>
    private static string Tree(string expression, List<(Instant From, string Value)> segments, Func<Instant, string> parameter)
    {
        string Build(int first, int last)
        {
            if (first == last)
            {
                return segments[first].Value;
            }

            var middle = (first + last + 1) / 2;
            return $"CASE WHEN {expression} < {parameter(segments[middle].From)} THEN {Build(first, middle - 1)} ELSE {Build(middle, last)} END";
        }

        return Build(0, segments.Count - 1);
    }
}
