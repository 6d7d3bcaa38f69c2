using System.Data.Common;
using System.Globalization;

namespace SalesKpi.Sql;

/// <summary>
/// What the SQL SalesKpi generates needs of one database engine: how it quotes a name, writes a parameter, turns a
/// timestamp into a whole number of epoch units, divides integers and sums amounts exactly. Everything else in the
/// generated SQL — <c>SELECT</c>, <c>WHERE</c>, <c>CASE</c>, <c>GROUP BY</c>, <c>COUNT(*)</c>, <c>IS NOT NULL</c> — is the
/// SQL every engine shares.
/// </summary>
/// <remarks>
/// <para>Three dialects come with the package: <see cref="DuckDb"/>, <see cref="PostgreSql"/> and <see cref="Sqlite"/>.
/// Another engine (a warehouse, a distributed engine) is one more subclass; check it with the conformance tests
/// described in docs/sql.md before trusting its numbers.</para>
/// <para>A dialect never asks the database for a time zone: periods and local dates are computed by SalesKpi and passed
/// as whole numbers of epoch units (<see cref="EpochUnitsPerSecond"/>), so the same report is the same on every engine,
/// across daylight-saving changes, whatever the server's or the session's zone.</para>
/// </remarks>
/// <threadsafety>Dialects are immutable and safe to share across threads.</threadsafety>
public abstract class SqlDialect
{
    /// <summary>Gets DuckDB (DuckDB.NET): timestamps (<c>TIMESTAMP</c> or <c>TIMESTAMPTZ</c>) in microseconds, amounts <c>DECIMAL</c>.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>Gets PostgreSQL (Npgsql): timestamps (<c>timestamptz</c>, or <c>timestamp</c> read as UTC) in microseconds, amounts <c>numeric</c>.</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    /// <summary>Gets SQLite (Microsoft.Data.Sqlite): timestamps as ISO-8601 text in whole seconds, amounts as decimal text summed exactly to 10 places.</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>Gets the engine's name, such as <c>DuckDB</c>, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>Gets how many epoch units <see cref="EpochOf"/> counts per second: 1 for seconds, 1,000,000 for microseconds.</summary>
    /// <remarks>Period boundaries are whole seconds (the start of a local day in any zone), so seconds are exact for
    /// placing records in periods; finer units only matter for engines that cannot floor a timestamp to seconds exactly.</remarks>
    public abstract long EpochUnitsPerSecond { get; }

    /// <summary>Returns the dialect with the given name: <c>duckdb</c>, <c>postgres</c> (or <c>postgresql</c>) or <c>sqlite</c>, in any case.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The dialect.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No dialect has the name; the message lists the names.</exception>
    public static SqlDialect FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant() switch
        {
            "DUCKDB" => DuckDb,
            "POSTGRES" or "POSTGRESQL" => PostgreSql,
            "SQLITE" => Sqlite,
            _ => throw new ArgumentException($"'{name}' is not a SQL dialect; use duckdb, postgres or sqlite.", nameof(name)),
        };
    }

    /// <summary>Returns a name quoted as an identifier: <c>"owner"</c>, with a quote inside doubled.</summary>
    /// <param name="identifier">The name.</param>
    /// <returns>The quoted name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    public virtual string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Returns how a parameter is written in the SQL text: <c>@p0</c> by default.</summary>
    /// <param name="name">The parameter's name, such as <c>p0</c>.</param>
    /// <returns>The placeholder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public virtual string Parameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "@" + name;
    }

    /// <summary>Adds a 64-bit integer parameter to a command, named so that <see cref="Parameter"/> refers to it.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter's name, such as <c>p0</c>.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="name"/> is null.</exception>
    public virtual void AddParameter(DbCommand command, string name, long value)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Returns an expression of a timestamp that the engine compares with instant parameters (<see cref="AddParameter(DbCommand, string, NodaTime.Instant)"/>)
    /// exactly and whatever the session's zone, or null when it cannot (the default): the statement then compares epoch
    /// units (<see cref="EpochOf"/>). Comparing the column itself lets the engine use its statistics and indexes.
    /// </summary>
    /// <param name="timestamp">The timestamp expression.</param>
    /// <param name="dataTypeName">The expression's type as the provider names it (<see cref="DbDataReader.GetDataTypeName"/>).</param>
    /// <returns>The expression, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string? ComparableInstant(string timestamp, string dataTypeName)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(dataTypeName);
        return null;
    }

    /// <summary>Adds an instant parameter to a command, for the comparisons of <see cref="ComparableInstant"/>; by default a <see cref="DateTime"/> of kind UTC.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter's name, such as <c>p0</c>.</param>
    /// <param name="value">The instant, within the years 1 to 9999.</param>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="name"/> is null.</exception>
    public virtual void AddParameter(DbCommand command, string name, NodaTime.Instant value)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value.ToDateTimeUtc();
        command.Parameters.Add(parameter);
    }

    /// <summary>Returns an expression of a timestamp as a whole number of <see cref="EpochUnitsPerSecond"/> since 1970-01-01T00:00:00Z, rounded down.</summary>
    /// <param name="timestamp">The timestamp expression, such as <c>"created_at"</c>.</param>
    /// <returns>A 64-bit integer expression; null when the timestamp is null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timestamp"/> is null.</exception>
    public abstract string EpochOf(string timestamp);

    /// <summary>Returns the integer quotient of two non-negative integer expressions: <c>(a / b)</c> by default.</summary>
    /// <param name="dividend">The dividend, never negative.</param>
    /// <param name="divisor">The divisor, positive.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual string IntegerDivide(string dividend, string divisor)
    {
        ArgumentNullException.ThrowIfNull(dividend);
        ArgumentNullException.ThrowIfNull(divisor);
        return $"(({dividend}) / {divisor})";
    }

    /// <summary>Returns the aggregate columns that sum an amount exactly: <c>SUM(amount)</c> by default, one column of a decimal type.</summary>
    /// <param name="amount">The amount expression.</param>
    /// <returns>The aggregate expressions, read back by <see cref="ReadAmountSum"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> is null.</exception>
    public virtual IReadOnlyList<string> AmountSum(string amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return [$"SUM({amount})"];
    }

    /// <summary>Reads the sum written by <see cref="AmountSum"/> from a result row.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="ordinal">The ordinal of the first of the sum's columns.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public virtual decimal ReadAmountSum(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? 0m : Convert.ToDecimal(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string Name => "DuckDB";

        public override long EpochUnitsPerSecond => 1_000_000;

        // DuckDB.NET binds named parameters written $name.
        public override string Parameter(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            return "$" + name;
        }

        public override string EpochOf(string timestamp)
        {
            ArgumentNullException.ThrowIfNull(timestamp);
            return $"epoch_us({timestamp})";
        }

        // DuckDB's / is a division of doubles; // divides integers.
        public override string IntegerDivide(string dividend, string divisor)
        {
            ArgumentNullException.ThrowIfNull(dividend);
            ArgumentNullException.ThrowIfNull(divisor);
            return $"(({dividend}) // {divisor})";
        }
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        public override string Name => "PostgreSQL";

        public override long EpochUnitsPerSecond => 1_000_000;

        // EXTRACT is numeric since PostgreSQL 14: exact microseconds, for timestamptz the instant itself and for
        // timestamp the wall time read as UTC, never the session's zone.
        public override string EpochOf(string timestamp)
        {
            ArgumentNullException.ThrowIfNull(timestamp);
            return $"CAST(EXTRACT(EPOCH FROM {timestamp}) * 1000000 AS bigint)";
        }

        // A timestamptz is an instant, compared with a timestamptz parameter (Npgsql sends a UTC DateTime as one) with
        // no zone involved; a timestamp without a zone is read as UTC, as EpochOf reads it, whatever the session's zone.
        public override string? ComparableInstant(string timestamp, string dataTypeName)
        {
            ArgumentNullException.ThrowIfNull(timestamp);
            ArgumentNullException.ThrowIfNull(dataTypeName);
            return dataTypeName switch
            {
                "timestamp with time zone" or "timestamptz" => timestamp,
                "timestamp without time zone" or "timestamp" => $"({timestamp} AT TIME ZONE 'UTC')",
                _ => null,
            };
        }
    }

    private sealed class SqliteDialect : SqlDialect
    {
        // The digits of an amount's fraction summed as an integer: amounts are summed exactly to this many places.
        private const int FractionDigits = 10;

        public override string Name => "SQLite";

        public override long EpochUnitsPerSecond => 1;

        // unixepoch() reads ISO-8601 text with Z or an offset and returns whole seconds, rounded down.
        public override string EpochOf(string timestamp)
        {
            ArgumentNullException.ThrowIfNull(timestamp);
            return $"unixepoch({timestamp})";
        }

        // SQLite sums decimal text as doubles; summed as two integers — the whole units and the first ten digits of the
        // fraction — the sum is exact (SQLite's integer sum fails rather than overflow).
        public override IReadOnlyList<string> AmountSum(string amount)
        {
            ArgumentNullException.ThrowIfNull(amount);
            var text = $"CAST({amount} AS TEXT)";
            return
            [
                $"SUM(CAST({text} AS INTEGER))",
                $"SUM(CASE WHEN instr({text}, '.') > 0 THEN CAST(substr(substr({text}, instr({text}, '.') + 1) || '{new string('0', FractionDigits)}', 1, {FractionDigits}) AS INTEGER) ELSE 0 END)",
            ];
        }

        public override decimal ReadAmountSum(DbDataReader reader, int ordinal)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var whole = reader.IsDBNull(ordinal) ? 0L : reader.GetInt64(ordinal);
            var fraction = reader.IsDBNull(ordinal + 1) ? 0L : reader.GetInt64(ordinal + 1);
            return whole + (fraction / 10_000_000_000m);
        }
    }
}
