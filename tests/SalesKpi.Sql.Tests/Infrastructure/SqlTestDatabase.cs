using System.Data.Common;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;
using SalesKpi.Activities;
using SalesKpi.Csv;
using SalesKpi.Deals;
using SalesKpi.Opportunities;

namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>The database engines the SQL executor runs on.</summary>
public enum SqlEngine
{
    /// <summary>DuckDB, in process.</summary>
    DuckDb,

    /// <summary>PostgreSQL, the server of <see cref="PostgresServer"/>.</summary>
    PostgreSql,

    /// <summary>SQLite, in process.</summary>
    Sqlite,
}

/// <summary>
/// Loads a <see cref="SalesData"/> snapshot into tables in the SalesKpi layout — the names of
/// <see cref="DataReaderSource.TableNames"/> and the columns of docs/csv-format.md — in DuckDB, SQLite or PostgreSQL,
/// so that the executor's SQL runs over the same records as the in-memory engine.
/// </summary>
/// <remarks>
/// <para>Types: DuckDB <c>TIMESTAMPTZ</c>, <c>DECIMAL(38,10)</c>, <c>DATE</c>, <c>VARCHAR</c>; PostgreSQL
/// <c>timestamptz</c>, <c>numeric</c>, <c>date</c>, <c>text</c>; SQLite, which has no such types, <c>TEXT</c> throughout:
/// instants in ISO 8601 with <c>Z</c> (<c>2025-01-06T09:00:00Z</c>, fractional seconds only when not zero), dates as
/// <c>YYYY-MM-DD</c>, amounts as invariant decimals (<c>55300.00</c>). Enumerations are their CSV text (status
/// <c>open</c>/<c>won</c>/<c>lost</c>, deal kind <c>new-business</c>/<c>add-on</c>/<c>renewal</c>/<c>win-back</c>, an
/// activity's kind name) and outcomes the <c>;</c>-separated lower-case names, or NULL when there are none. An absent
/// optional value is NULL. Rows come in the snapshot's order; stage changes and field history entries in each opportunity's history order. The
/// forecast category of every opportunity is written, its default too.</para>
/// <para>DuckDB and PostgreSQL keep instants to the microsecond, and DuckDB amounts to 10 decimal places: a snapshot
/// with a finer instant or amount is refused (<see cref="NotSupportedException"/>) rather than rounded, so that the
/// database never holds other records than the snapshot.</para>
/// </remarks>
public static class SqlTestDatabase
{
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    private static readonly Lazy<SalesData> LazySample = new(() => new CsvImporter().ImportDirectory(SampleDirectory).Data);

    private static readonly (ActivityOutcomes Flag, string Name)[] OutcomeNames =
    [
        (ActivityOutcomes.Connected, "connected"), (ActivityOutcomes.Delivered, "delivered"), (ActivityOutcomes.Opened, "opened"),
        (ActivityOutcomes.Replied, "replied"), (ActivityOutcomes.Positive, "positive"), (ActivityOutcomes.NextAppointmentSet, "next-appointment"),
    ];

    private static readonly Table[] Tables =
    [
        new("reps", [TextColumn("id"), TextColumn("name"), TextColumn("team")], data => data.Roster.Reps.Select(r => Row(r.Id.Value, r.Name, r.Team.Value))),
        new(
            "leads",
            [TextColumn("id"), InstantColumn("created_at"), TextColumn("owner", nullable: true), TextColumn("source"), InstantColumn("qualified_at", nullable: true), InstantColumn("converted_at", nullable: true)],
            data => data.Leads.Select(l => Row(l.Id.Value, l.CreatedAt, l.Owner?.Value, l.Source, l.QualifiedAt, l.ConvertedAt))),
        new(
            "opportunities",
            [
                TextColumn("id"), TextColumn("account"), TextColumn("owner"), InstantColumn("created_at"), AmountColumn("amount"), TextColumn("currency"), TextColumn("status"),
                InstantColumn("closed_at", nullable: true), TextColumn("lead_id", nullable: true), DateColumn("expected_close", nullable: true),
                TextColumn("forecast_category", nullable: true),
            ],
            data => data.Opportunities.Select(o => Row(
                o.Id.Value, o.Account.Value, o.Owner.Value, o.CreatedAt, o.Amount.Amount, o.Amount.Currency.Code,
                o.Status.ToString().ToLowerInvariant(), o.ClosedAt, o.Lead?.Value, o.ExpectedClose, ForecastCategories.ToName(o.ForecastCategory)))),
        new(
            "stage_changes",
            [TextColumn("opportunity_id"), TextColumn("stage"), InstantColumn("entered_at")],
            data => data.Opportunities.SelectMany(o => o.StageHistory.Select(s => Row(o.Id.Value, s.Stage.Name, s.EnteredAt)))),
        new(
            "opportunity_history",
            [
                TextColumn("opportunity_id"), InstantColumn("changed_at"), AmountColumn("amount", nullable: true), TextColumn("currency", nullable: true),
                DateColumn("expected_close", nullable: true), TextColumn("forecast_category", nullable: true), TextColumn("owner", nullable: true),
            ],
            data => data.Opportunities.SelectMany(o => o.History.Select(c => Row(
                o.Id.Value, c.ChangedAt, c.Amount?.Amount, c.Amount?.Currency.Code, c.ExpectedClose,
                c.ForecastCategory is { } category ? ForecastCategories.ToName(category) : null, c.Owner?.Value)))),
        new(
            "deals",
            [
                TextColumn("id"), TextColumn("opportunity_id", nullable: true), TextColumn("account"), TextColumn("owner"), InstantColumn("closed_at"), AmountColumn("amount"),
                TextColumn("currency"), TextColumn("kind"), DateColumn("term_start", nullable: true), DateColumn("term_end", nullable: true),
                AmountColumn("recurring_monthly", nullable: true),
            ],
            data => data.Deals.Select(d => Row(
                d.Id.Value, d.Opportunity?.Value, d.Account.Value, d.Owner.Value, d.ClosedAt, d.Value.Amount, d.Value.Currency.Code,
                Kind(d.Kind), d.Term?.Start, d.Term?.End, d.RecurringMonthly?.Amount))),
        new(
            "activities",
            [
                TextColumn("id"), TextColumn("kind"), TextColumn("owner"), InstantColumn("occurred_at"), TextColumn("outcomes", nullable: true),
                TextColumn("lead_id", nullable: true), TextColumn("opportunity_id", nullable: true), TextColumn("tool", nullable: true),
            ],
            data => data.Activities.Select(a => Row(
                a.Id.Value, a.Kind.Name, a.Owner.Value, a.OccurredAt, Outcomes(a.Outcomes), a.Lead?.Value, a.Opportunity?.Value, a.Tool))),
        new(
            "spend",
            [TextColumn("channel"), DateColumn("start"), DateColumn("end"), AmountColumn("amount"), TextColumn("currency")],
            data => data.Spend.Select(s => Row(s.Channel, s.Period.Start, s.Period.End, s.Amount.Amount, s.Amount.Currency.Code))),
    ];

    private enum ColumnType
    {
        Text,
        Instant,
        Date,
        Amount,
    }

    /// <summary>Gets the folder of the CLI's sample data set, copied beside the tests (<c>Sample/*.csv</c>).</summary>
    public static string SampleDirectory => Path.Combine(AppContext.BaseDirectory, "Sample");

    /// <summary>Gets the CLI's sample data set, imported once from <see cref="SampleDirectory"/>.</summary>
    public static SalesData Sample => LazySample.Value;

    /// <summary>Gets the table names, in the order of <see cref="DataReaderSource.TableNames"/>.</summary>
    public static IReadOnlyList<string> TableNames { get; } = [.. Tables.Select(t => t.Name)];

    /// <summary>Returns the column names of a table, in the order of its CSV file's header in docs/csv-format.md.</summary>
    /// <param name="table">One of <see cref="TableNames"/>.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> ColumnNames(string table) =>
        [.. (Tables.SingleOrDefault(t => t.Name == table) ?? throw new ArgumentException($"no table '{table}'", nameof(table))).Columns.Select(c => c.Name)];

    /// <summary>Returns the <c>CREATE TABLE</c> statements of the layout for an engine, separated by <c>;</c> and line breaks.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The statements.</returns>
    public static string Schema(SqlEngine engine)
    {
        var sql = new StringBuilder();
        foreach (var table in Tables)
        {
            sql.Append("CREATE TABLE ").Append(table.Name).Append(" (");
            sql.AppendJoin(", ", table.Columns.Select(c => $"{Quote(c.Name)} {TypeName(c.Type, engine)}{(c.Nullable ? string.Empty : " NOT NULL")}"));
            sql.Append(");\n");
        }

        return sql.ToString();
    }

    /// <summary>Creates the tables of the layout, empty, in an open connection.</summary>
    /// <param name="connection">An open connection to a database without those tables.</param>
    /// <param name="engine">The connection's engine, which decides the column types.</param>
    public static void CreateSchema(DbConnection connection, SqlEngine engine)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Schema(engine);
        command.ExecuteNonQuery();
    }

    /// <summary>Opens an in-memory DuckDB database holding a snapshot; the caller disposes it.</summary>
    /// <param name="data">The snapshot.</param>
    /// <returns>The open connection.</returns>
    public static DuckDBConnection OpenDuckDb(SalesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            LoadDuckDb(connection, data);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the tables in an open DuckDB connection and fills them with a snapshot, through the appender.</summary>
    /// <param name="connection">An open connection to a database without those tables.</param>
    /// <param name="data">The snapshot.</param>
    public static void LoadDuckDb(DuckDBConnection connection, SalesData data)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        CreateSchema(connection, SqlEngine.DuckDb);
        foreach (var table in Tables)
        {
            using var appender = connection.CreateAppender(table.Name);
            foreach (var values in table.Rows(data))
            {
                var row = appender.CreateRow();
                for (var i = 0; i < values.Length; i++)
                {
                    row = values[i] switch
                    {
                        null => row.AppendNullValue(),
                        string text => row.AppendValue(text),
                        Instant instant => row.AppendValue((DateTimeOffset?)Microseconds(instant, table, i).ToDateTimeOffset()),
                        LocalDate date => row.AppendValue((DateOnly?)date.ToDateOnly()),
                        decimal amount => row.AppendValue((decimal?)DecimalPlaces(amount, table, i)),
                        var other => throw new InvalidOperationException($"no DuckDB value for {other.GetType()}"),
                    };
                }

                row.EndRow();
            }
        }
    }

    /// <summary>Opens an in-memory SQLite database holding a snapshot; the caller disposes it.</summary>
    /// <param name="data">The snapshot.</param>
    /// <returns>The open connection.</returns>
    public static SqliteConnection OpenSqlite(SalesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var connection = new SqliteConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            LoadSqlite(connection, data);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the tables in an open SQLite connection and fills them with a snapshot, in one transaction.</summary>
    /// <param name="connection">An open connection to a database without those tables.</param>
    /// <param name="data">The snapshot.</param>
    public static void LoadSqlite(SqliteConnection connection, SalesData data)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = Schema(SqlEngine.Sqlite);
            create.ExecuteNonQuery();
        }

        foreach (var table in Tables)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table.Name} ({ColumnList(table)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = table.Columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var values in table.Rows(data))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = (object?)SqliteText(values[i]) ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>Returns a value as SQLite holds it: text, in the formats of the CSV files.</summary>
    /// <param name="value">A string, an <see cref="NodaTime.Instant"/>, a <see cref="LocalDate"/>, a decimal, or null.</param>
    /// <returns>The text, or null.</returns>
    public static string? SqliteText(object? value) => value switch
    {
        null => null,
        string text => text,
        Instant instant => InstantText.Format(instant),
        LocalDate date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        var other => throw new ArgumentException($"no SQLite text for {other.GetType()}", nameof(value)),
    };

    /// <summary>Creates the tables in a PostgreSQL database and fills them with a snapshot, by binary COPY.</summary>
    /// <param name="connectionString">The Npgsql connection string of a database without those tables (<see cref="PostgresServer.CreateDatabase"/>).</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the tables are filled.</returns>
    public static Task LoadPostgresAsync(string connectionString, SalesData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(data);
        return Load(connectionString, data, cancellationToken);

        static async Task Load(string connectionString, SalesData data, CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await LoadPostgresAsync(connection, data, cancellationToken);
        }
    }

    /// <summary>Creates the tables in an open PostgreSQL connection and fills them with a snapshot, by binary COPY, in one transaction.</summary>
    /// <param name="connection">An open connection to a database without those tables.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the tables are filled.</returns>
    public static Task LoadPostgresAsync(NpgsqlConnection connection, SalesData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        return Load(connection, data, cancellationToken);

        static async Task Load(NpgsqlConnection connection, SalesData data, CancellationToken cancellationToken)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var create = new NpgsqlCommand(Schema(SqlEngine.PostgreSql), connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var table in Tables)
            {
                await using var writer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({ColumnList(table)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                foreach (var values in table.Rows(data))
                {
                    await writer.StartRowAsync(cancellationToken);
                    for (var i = 0; i < values.Length; i++)
                    {
                        var write = values[i] switch
                        {
                            null => writer.WriteNullAsync(cancellationToken),
                            string text => writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                            Instant instant => writer.WriteAsync(Microseconds(instant, table, i).ToDateTimeUtc(), NpgsqlDbType.TimestampTz, cancellationToken),
                            LocalDate date => writer.WriteAsync(date.ToDateOnly(), NpgsqlDbType.Date, cancellationToken),
                            decimal amount => writer.WriteAsync(amount, NpgsqlDbType.Numeric, cancellationToken),
                            var other => throw new InvalidOperationException($"no PostgreSQL value for {other.GetType()}"),
                        };
                        await write;
                    }
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static Instant Microseconds(Instant instant, Table table, int column) =>
        instant.ToUnixTimeTicks() % 10 == 0 && Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks()) == instant
            ? instant
            : throw new NotSupportedException(
                $"{table.Name}.{table.Columns[column].Name}: the instant {InstantText.Format(instant)} is finer than a microsecond, which the database cannot hold.");

    private static decimal DecimalPlaces(decimal amount, Table table, int column) =>
        amount.Scale <= 10 || decimal.Round(amount, 10) == amount
            ? amount
            : throw new NotSupportedException(
                $"{table.Name}.{table.Columns[column].Name}: the amount {amount.ToString(CultureInfo.InvariantCulture)} has more than 10 decimal places, which DECIMAL(38,10) cannot hold.");

    private static string TypeName(ColumnType type, SqlEngine engine) => (type, engine) switch
    {
        (_, SqlEngine.Sqlite) => "TEXT",
        (ColumnType.Text, SqlEngine.DuckDb) => "VARCHAR",
        (ColumnType.Instant, SqlEngine.DuckDb) => "TIMESTAMPTZ",
        (ColumnType.Date, SqlEngine.DuckDb) => "DATE",
        (ColumnType.Amount, SqlEngine.DuckDb) => "DECIMAL(38,10)",
        (ColumnType.Text, SqlEngine.PostgreSql) => "text",
        (ColumnType.Instant, SqlEngine.PostgreSql) => "timestamptz",
        (ColumnType.Date, SqlEngine.PostgreSql) => "date",
        (ColumnType.Amount, SqlEngine.PostgreSql) => "numeric",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    // start and end (spend) are keywords in every engine: every column is quoted, the same way everywhere.
    private static string Quote(string name) => $"\"{name}\"";

    private static string ColumnList(Table table) => string.Join(", ", table.Columns.Select(c => Quote(c.Name)));

    private static string? Outcomes(ActivityOutcomes outcomes) =>
        outcomes == ActivityOutcomes.None ? null : string.Join(';', OutcomeNames.Where(o => (outcomes & o.Flag) != 0).Select(o => o.Name));

    private static string Kind(DealKind kind) => kind switch
    {
        DealKind.NewBusiness => "new-business",
        DealKind.AddOn => "add-on",
        DealKind.Renewal => "renewal",
        DealKind.WinBack => "win-back",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown deal kind"),
    };

    private static object?[] Row(params object?[] values) => values;

    private static Column TextColumn(string name, bool nullable = false) => new(name, ColumnType.Text, nullable);

    private static Column InstantColumn(string name, bool nullable = false) => new(name, ColumnType.Instant, nullable);

    private static Column DateColumn(string name, bool nullable = false) => new(name, ColumnType.Date, nullable);

    private static Column AmountColumn(string name, bool nullable = false) => new(name, ColumnType.Amount, nullable);

    private sealed record Column(string Name, ColumnType Type, bool Nullable);

    /// <summary>A table: its name, its columns and the rows of a snapshot, one value per column (string, Instant, LocalDate, decimal or null).</summary>
    private sealed record Table(string Name, Column[] Columns, Func<SalesData, IEnumerable<object?[]>> Rows);
}
