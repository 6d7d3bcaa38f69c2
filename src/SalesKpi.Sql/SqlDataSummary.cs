using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reps;

namespace SalesKpi.Sql;

/// <summary>
/// What a database holds in the SalesKpi layout, from <see cref="SqlDataSummary.ReadAsync"/>: the rows of each table,
/// the latest instant of any record, the currencies of the amounts and the roster — what an application needs to choose
/// a report's default range and reporting currency, and to name its reps, without reading the records.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SqlDataSummary
{
    private static readonly (string Table, string[] Columns)[] Timestamps =
    [
        ("leads", ["created_at", "qualified_at", "converted_at"]),
        ("opportunities", ["created_at", "closed_at"]),
        ("deals", ["closed_at"]),
        ("activities", ["occurred_at"]),
    ];

    private SqlDataSummary(ImmutableArray<KeyValuePair<string, long>> rows, Instant? latestInstant, ImmutableArray<Currency> currencies, Roster roster)
    {
        Rows = rows;
        LatestInstant = latestInstant;
        Currencies = currencies;
        Roster = roster;
    }

    /// <summary>Gets the number of rows of each layout table the database has, in layout order; a table it lacks is not listed.</summary>
    public ImmutableArray<KeyValuePair<string, long>> Rows { get; }

    /// <summary>
    /// Gets the latest instant any record holds, as <see cref="SalesData.LatestInstant"/> reads it (a lead's creation,
    /// qualification or conversion, an opportunity's creation or close, a deal's close, an activity), to the dialect's
    /// <see cref="SqlDialect.EpochUnitsPerSecond"/> rounded down; null when there is none.
    /// </summary>
    public Instant? LatestInstant { get; }

    /// <summary>Gets the currencies of the amounts of opportunities, deals and spend, ordered by code.</summary>
    public ImmutableArray<Currency> Currencies { get; }

    /// <summary>Gets the roster (the <c>reps</c> table), read with every check of an import; empty when there is no such table.</summary>
    public Roster Roster { get; }

    /// <summary>Returns the number of rows of a layout table: 0 when the database has no such table.</summary>
    /// <param name="table">The layout table, such as <c>leads</c>.</param>
    /// <returns>The number of rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a layout table.</exception>
    public long RowsOf(string table)
    {
        var name = DataReaderSource.TableName(SqlTableMapping.LayoutTable(table));
        return Rows.FirstOrDefault(r => string.Equals(r.Key, name, StringComparison.Ordinal)).Value;
    }

    /// <summary>Reads the summary of a source: one <c>COUNT(*)</c> per table with the <c>MAX</c> of its timestamps, the distinct currencies, and the roster.</summary>
    /// <param name="source">The database.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="SqlKpiException">A table lacks a required column, or holds a currency that is not an ISO 4217 code.</exception>
    /// <exception cref="CsvImportException">The <c>reps</c> table has a bad row.</exception>
    /// <exception cref="DbException">The database refused a query.</exception>
    public static Task<SqlDataSummary> ReadAsync(SqlKpiSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadCoreAsync(source, cancellationToken);
    }

    private static async Task<SqlDataSummary> ReadCoreAsync(SqlKpiSource source, CancellationToken cancellationToken)
    {
        var opened = false;
        if (source.Connection.State == ConnectionState.Closed)
        {
            await source.Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            opened = true;
        }

        try
        {
            var rows = ImmutableArray.CreateBuilder<KeyValuePair<string, long>>();
            var latest = (long?)null;
            var currencies = new SortedDictionary<string, Currency>(StringComparer.Ordinal);
            SqlTableColumns? reps = null;
            foreach (var table in SqlTableMapping.TableNames)
            {
                if (await SqlTableColumns.FindAsync(source, table, cancellationToken).ConfigureAwait(false) is not { } columns)
                {
                    continue;
                }

                if (table == "reps")
                {
                    reps = columns;
                }

                var timestamps = Array.Find(Timestamps, t => t.Table == table).Columns ?? [];
                var present = timestamps.Where(c => columns.Present.Contains(c)).ToList();
                var sql = "SELECT COUNT(*)" + string.Concat(present.Select(c => $", MAX({source.Dialect.EpochOf(columns.Expression(c))})")) + " FROM " + columns.From;
                await using (var reader = await ExecuteAsync(source.Connection, sql, cancellationToken).ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    rows.Add(new(table, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)));
                    for (var i = 1; i < reader.FieldCount; i++)
                    {
                        if (!reader.IsDBNull(i) && Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture) is var units && (latest is null || units > latest))
                        {
                            latest = units;
                        }
                    }
                }

                if (table is "opportunities" or "deals" or "spend")
                {
                    var currency = columns.Expression("currency");
                    await using var reader = await ExecuteAsync(source.Connection, $"SELECT DISTINCT {currency} FROM {columns.From} WHERE {currency} IS NOT NULL", cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var text = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                        if (!Currency.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
                        {
                            throw new SqlKpiException($"{columns.Described}: currency: '{MessageText.Of(text)}' is not an ISO 4217 currency code in upper case, such as USD; fix the rows, or map the column to an expression that gives one (SqlTableMapping.MapColumn).")
                            {
                                Table = table,
                                Column = "currency",
                            };
                        }

                        currencies.TryAdd(parsed.Code, parsed);
                    }
                }
            }

            var roster = Roster.Empty;
            if (reps is not null)
            {
                var imported = await new DataReaderImporter(source.ImportOptions)
                    .ImportAsync(new SqlImportSource(source, new Dictionary<string, SqlTableColumns>(StringComparer.Ordinal) { ["reps"] = reps }), cancellationToken)
                    .ConfigureAwait(false);
                roster = imported.Data.Roster;
            }

            Instant? instant = latest is { } l
                ? Instant.FromUnixTimeTicks((long)Int128.Clamp(
                    FloorDivide((Int128)l * NodaConstants.TicksPerSecond, source.Dialect.EpochUnitsPerSecond),
                    Instant.MinValue.ToUnixTimeTicks(),
                    Instant.MaxValue.ToUnixTimeTicks()))
                : null;
            return new SqlDataSummary(rows.ToImmutable(), instant, [.. currencies.Values], roster);
        }
        finally
        {
            if (opened)
            {
                await source.Connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static Int128 FloorDivide(Int128 dividend, long divisor)
    {
        var quotient = dividend / divisor;
        return (dividend % divisor != 0) && ((dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }

    private static async Task<DbDataReader> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        // Not disposed here: the reader is, and a provider may close the command with it.
#pragma warning disable CA2000
        var command = connection.CreateCommand();
#pragma warning restore CA2000
#pragma warning disable CA2100 // Layout columns over the application's mapping.
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }
}
