using System.Data.Common;
using System.Globalization;
using System.Text;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Sql;

/// <summary>One row of a statement's result: a group, a period slot, the traits of its records and their aggregates.</summary>
internal readonly record struct SqlRow(
    string? Owner,
    int Slot,
    string? Text,
    int Flags,
    Currency Currency,
    LocalDate Date,
    int? Days,
    long Count,
    decimal Sum);

/// <summary>The rows of one statement.</summary>
internal sealed record SqlRowSet(SqlUnitStatement Statement, List<SqlRow> Rows);

/// <summary>
/// The executor of the pushed-down leaves: the database already aggregated their records, so it only writes the rows
/// into the leaves' accumulators — counts added, sums added per currency and date, day samples merged — through the same
/// <see cref="MeasureAccumulator"/> the in-memory engine fills, so the values are finished the same way.
/// </summary>
internal sealed class SqlExecutor(CompiledQuery compiled, KpiCalculatorContext context, IReadOnlyList<SqlRowSet> results, bool[] pushed, FastPlan.GroupMode mode) : IQueryExecutor
{
    public string Name => "SQL push-down";

    public bool Evaluates(CompiledQuery.LeafNode leaf) => pushed[leaf.Index];

    public IExecutorPart Execute(int partition, int partitions, CancellationToken cancellationToken) => new Part(this, partition == 0, cancellationToken);

    /// <summary>Reads a statement's result into rows, checking each trait it will match conditions on.</summary>
    public static async Task<SqlRowSet> ReadAsync(SqlUnitStatement statement, SqlTableColumns table, SqlKpiSource source, CancellationToken cancellationToken)
    {
        await using var command = source.Connection.CreateCommand();
#pragma warning disable CA2100 // Generated: layout columns, the application's mapping, and parameters for every value.
        command.CommandText = statement.Text;
#pragma warning restore CA2100
        foreach (var (name, value) in statement.Parameters)
        {
            if (value is Instant instant)
            {
                source.Dialect.AddParameter(command, name, instant);
            }
            else
            {
                source.Dialect.AddParameter(command, name, (long)value);
            }
        }

        var rows = new List<SqlRow>();
        var reader = new TraitReader(statement.Unit, table);
        await using (var result = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await result.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var i = 0;
                var owner = statement.Owner ? TextOf(result, i++) : null;
                var slotOrdinal = i++;
                var traitOrdinal = i;
                i += statement.Traits;
                var currencyOrdinal = statement.Currency ? i++ : -1;
                var dayOrdinal = statement.RateDay ? i++ : -1;
                var daysOrdinal = statement.Days ? i++ : -1;
                var count = Convert.ToInt64(result.GetValue(i++), CultureInfo.InvariantCulture);
                if (result.IsDBNull(slotOrdinal))
                {
                    continue;
                }

                var slot = Convert.ToInt32(result.GetValue(slotOrdinal), CultureInfo.InvariantCulture);
                if (slot < 0)
                {
                    continue; // In the gap after a hidden previous period, as PeriodPlan.Locate places it.
                }

                var (text, flags) = reader.Read(result, traitOrdinal, count);
                var currency = currencyOrdinal < 0 ? default : reader.Currency(result, currencyOrdinal, count);
                var date = dayOrdinal < 0 || result.IsDBNull(dayOrdinal) ? default : SqlPlanner.DateOf(Convert.ToInt64(result.GetValue(dayOrdinal), CultureInfo.InvariantCulture));
                int? days = daysOrdinal < 0 || result.IsDBNull(daysOrdinal) ? null : Convert.ToInt32(result.GetValue(daysOrdinal), CultureInfo.InvariantCulture);
                var sum = statement.Currency ? source.Dialect.ReadAmountSum(result, i) : 0m;
                rows.Add(new SqlRow(owner, slot, text, flags, currency, date, days, count, sum));
            }
        }

        return new SqlRowSet(statement, rows);
    }

    private static string? TextOf(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private KpiAccumulation NewAccumulation() => new(compiled, context);

    private void Deliver(KpiAccumulation accumulation, CancellationToken cancellationToken)
    {
        var roster = context.Data.Roster;
        var kinds = new Dictionary<string, SalesActivityKind>(StringComparer.Ordinal);
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (statement, rows) in results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = statement.Unit;
            foreach (var row in rows)
            {
                var key = KeyOf(unit.Type, row, roster, teams);
                foreach (var part in unit.Parts)
                {
                    if (!Matches(unit.Type, part.Routing, row, kinds))
                    {
                        continue;
                    }

                    var leaf = part.Leaf;
                    if (accumulation.MeasureCell(key, leaf, row.Slot) is not { } cell)
                    {
                        continue; // Overflowed: undefined, whatever else is added.
                    }

                    try
                    {
                        Add(cell, part, row, unit.Type, kinds);
                    }
                    catch (OverflowException)
                    {
                        // The cell's sum no longer fits a decimal: it is undefined, and the rest of the report goes on.
                        accumulation.SetOverflowed(key, leaf, row.Slot);
                    }
                }
            }
        }
    }

    private static void Add(MeasureAccumulator cell, SqlLeafPart part, SqlRow row, KpiRecordType type, Dictionary<string, SalesActivityKind> kinds)
    {
        if (part.Leaf.Measure!.Shape == MeasureShape.ShareByAmount)
        {
            // As MeasureAccumulator by weight: an amount is in the numerator only when it could be priced in the denominator.
            if (!Matches(type, part.Components[0].Condition, row, kinds))
            {
                return;
            }

            var denominator = cell.Total(0);
            var unpricedBefore = denominator.UnpricedCount;
            denominator.AddMany(row.Sum, row.Currency, row.Count, row.Date);
            if (denominator.UnpricedCount == unpricedBefore && Matches(type, part.Components[1].Condition, row, kinds))
            {
                cell.Total(1).AddMany(row.Sum, row.Currency, row.Count, row.Date);
            }

            return;
        }

        foreach (var (component, condition) in part.Components)
        {
            if (!Matches(type, condition, row, kinds))
            {
                continue;
            }

            switch (component.Kind)
            {
                case MeasureComponentKind.Count:
                    cell.Count(component.Slot) += row.Count;
                    break;
                case MeasureComponentKind.Sum:
                    cell.Total(component.Slot).AddMany(row.Sum, row.Currency, row.Count, row.Date);
                    break;
                default:
                    if (row.Days is { } days)
                    {
                        var sample = new DayHistogram();
                        sample.Add(days, row.Count);
                        cell.AddDays(sample);
                    }

                    break;
            }
        }
    }

    private string KeyOf(KpiRecordType type, SqlRow row, Roster roster, Dictionary<string, string> teams)
    {
        switch (mode)
        {
            case FastPlan.GroupMode.None:
                return KpiGrouping.AllKey;
            case FastPlan.GroupMode.Rep:
                return row.Owner ?? KpiGrouping.NoKey;
            case FastPlan.GroupMode.Team:
                if (row.Owner is not { } owner)
                {
                    return KpiGrouping.NoKey;
                }

                if (!teams.TryGetValue(owner, out var team))
                {
                    team = roster.TeamOf(new RepId(owner))?.Value ?? KpiGrouping.NoKey;
                    teams.Add(owner, team);
                }

                return team;
            case FastPlan.GroupMode.Source:
                return row.Text ?? KpiGrouping.NoKey;
            default:
                return type == KpiRecordType.Deals ? DealKinds.ToName((DealKind)row.Flags) : KpiGrouping.NoKey;
        }
    }

    private static bool Matches(KpiRecordType type, RecordCondition condition, SqlRow row, Dictionary<string, SalesActivityKind> kinds)
    {
        switch (type)
        {
            case KpiRecordType.Activities:
                if (condition.Activity is not { } activity)
                {
                    return true;
                }

                if (!kinds.TryGetValue(row.Text!, out var kind))
                {
                    kind = new SalesActivityKind(row.Text!);
                    kinds.Add(row.Text!, kind);
                }

                return activity(kind, (ActivityOutcomes)row.Flags);
            case KpiRecordType.Leads:
                return condition.Lead?.Invoke(row.Text!, (row.Flags & 1) != 0, (row.Flags & 2) != 0) ?? true;
            case KpiRecordType.Opportunities:
                return condition.Opportunity?.Invoke((OpportunityStatus)row.Flags) ?? true;
            default:
                return condition.Deal?.Invoke((DealKind)row.Flags) ?? true;
        }
    }

    /// <summary>Reads and checks the traits of a row: an activity's kind and outcomes, a lead's source and dates, an opportunity's status, a deal's kind.</summary>
    private sealed class TraitReader(SqlUnit unit, SqlTableColumns table)
    {
        public (string? Text, int Flags) Read(DbDataReader reader, int ordinal, long count)
        {
            switch (unit.Type)
            {
                case KpiRecordType.Activities:
                    return (Required(reader, ordinal, "kind", count), (int)Outcomes(reader, ordinal + 1, count));
                case KpiRecordType.Leads:
                    var flags = (Convert.ToInt64(reader.GetValue(ordinal + 1), CultureInfo.InvariantCulture) != 0 ? 1 : 0)
                        | (Convert.ToInt64(reader.GetValue(ordinal + 2), CultureInfo.InvariantCulture) != 0 ? 2 : 0);
                    return (Required(reader, ordinal, "source", count), flags);
                case KpiRecordType.Opportunities:
                    var status = Required(reader, ordinal, "status", count);
                    return (null, (int)(status.Trim().ToUpperInvariant() switch
                    {
                        "OPEN" => OpportunityStatus.Open,
                        "WON" => OpportunityStatus.Won,
                        "LOST" => OpportunityStatus.Lost,
                        _ => throw Bad("status", status, "an opportunity status; use open, won or lost", count),
                    }));
                default:
                    var text = Required(reader, ordinal, "kind", count);
                    return DealKinds.TryParse(text.Trim(), out var kind)
                        ? (null, (int)kind)
                        : throw Bad("kind", text, "a deal kind; use new-business, add-on, renewal or win-back", count);
            }
        }

        public Currency Currency(DbDataReader reader, int ordinal, long count)
        {
            var text = Required(reader, ordinal, "currency", count);
            return SalesKpi.Currency.TryParse(text, CultureInfo.InvariantCulture, out var currency)
                ? currency
                : throw Bad("currency", text, "an ISO 4217 currency code in upper case, such as USD", count);
        }

        private ActivityOutcomes Outcomes(DbDataReader reader, int ordinal, long count)
        {
            if (reader.IsDBNull(ordinal))
            {
                return ActivityOutcomes.None;
            }

            var value = reader.GetValue(ordinal);
            if (value is long or int or short or byte or sbyte or ushort or uint)
            {
                var flags = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return flags is >= 0 and <= 63 ? (ActivityOutcomes)flags : throw Bad("outcomes", value.ToString()!, "a set of outcomes (the flags 1 connected, 2 delivered, 4 opened, 8 replied, 16 positive, 32 next-appointment)", count);
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            var outcomes = ActivityOutcomes.None;
            foreach (var part in text.Split(';'))
            {
                var word = part.Trim();
                if (word.Length == 0)
                {
                    continue;
                }

                outcomes |= word.ToUpperInvariant() switch
                {
                    "CONNECTED" => ActivityOutcomes.Connected,
                    "DELIVERED" => ActivityOutcomes.Delivered,
                    "OPENED" => ActivityOutcomes.Opened,
                    "REPLIED" => ActivityOutcomes.Replied,
                    "POSITIVE" => ActivityOutcomes.Positive,
                    "NEXT-APPOINTMENT" => ActivityOutcomes.NextAppointmentSet,
                    _ => throw Bad("outcomes", text, "a list of outcomes; use connected, delivered, opened, replied, positive or next-appointment, separated by ';'", count),
                };
            }

            return outcomes;
        }

        private string Required(DbDataReader reader, int ordinal, string column, long count) =>
            TextOf(reader, ordinal) ?? throw new SqlKpiException(
                string.Create(CultureInfo.InvariantCulture, $"{table.Described}: {column}: {count:N0} {(count == 1 ? "row has" : "rows have")} no value, and every {Singular(unit.Table)} needs one."))
            {
                Table = unit.Table,
                Column = column,
            };

        private SqlKpiException Bad(string column, string value, string what, long count) =>
            new(string.Create(
                CultureInfo.InvariantCulture,
                $"{table.Described}: {column}: '{Shown(value)}' ({count:N0} {(count == 1 ? "row" : "rows")}) is not {what}; fix the rows, or map the column to an expression that gives one (SqlTableMapping.MapColumn)."))
            {
                Table = unit.Table,
                Column = column,
            };

        private static string Singular(string table) => table switch
        {
            "activities" => "activity",
            "opportunities" => "opportunity",
            _ => table[..^1],
        };

        private static string Shown(string value)
        {
            var builder = new StringBuilder();
            foreach (var c in value.Length <= 80 ? value : value[..60])
            {
                builder.Append(char.IsControl(c) ? '?' : c);
            }

            return value.Length <= 80 ? builder.ToString() : builder.Append(string.Create(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)")).ToString();
        }
    }

    private sealed class Part(SqlExecutor owner, bool first, CancellationToken cancellationToken) : IExecutorPart
    {
        private bool _holdsResults = first;

        public void Merge(IExecutorPart other)
        {
            // Only the first partition holds the database's rows; the others are empty.
            _holdsResults |= ((Part)other)._holdsResults;
        }

        public KpiAccumulation DeliverTo(KpiAccumulation? accumulation)
        {
            accumulation ??= owner.NewAccumulation();
            if (_holdsResults)
            {
                owner.Deliver(accumulation, cancellationToken);
            }

            return accumulation;
        }
    }
}
