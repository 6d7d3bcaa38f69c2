using System.Data.Common;
using System.Reflection;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Csv;
using SalesKpi.Sql.Tests.Infrastructure;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Sql.Tests.Hostile;

/// <summary>
/// A valid argument of each type the public API of SalesKpi.Sql takes, for <see cref="NullGuards"/>. A sweep that meets
/// a type missing here fails and names it: add it to <see cref="Samples"/> (or, for a parameter whose valid values are
/// a subset of its type's, to <see cref="ByParameterName"/>) rather than skip it. A public concrete class of
/// SalesKpi.Sql that is not in the table is built with its public constructor of fewest parameters whose arguments all
/// have samples, so a new type usually needs no entry.
/// </summary>
internal sealed class SqlArgumentSamples : IArgumentSource
{
    private static readonly DateInterval January = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "sample",
        [typeof(int)] = () => 1,
        [typeof(long)] = () => 1L,
        [typeof(bool)] = () => false,
        [typeof(decimal)] = () => 1m,
        [typeof(CancellationToken)] = () => CancellationToken.None,
        [typeof(TimeSpan)] = () => TimeSpan.FromSeconds(30),

        // The databases: a connection is not opened by a null check, so SQLite's in-memory one serves every engine.
        [typeof(DbConnection)] = () => new SqliteConnection("Data Source=:memory:"),
        [typeof(SqliteConnection)] = () => new SqliteConnection("Data Source=:memory:"),
        [typeof(DuckDBConnection)] = () => new DuckDBConnection("DataSource=:memory:"),
        [typeof(NpgsqlConnection)] = () => new NpgsqlConnection("Host=127.0.0.1;Username=postgres"),
        [typeof(DbDataSource)] = () => SqliteFactory.Instance.CreateDataSource("Data Source=:memory:"),

        // NodaTime, the core and the CSV package.
        [typeof(Instant)] = () => Instant.FromUtc(2025, 1, 6, 9, 0),
        [typeof(LocalDate)] = () => new LocalDate(2025, 1, 6),
        [typeof(DateInterval)] = () => January,
        [typeof(DateTimeZone)] = () => DateTimeZone.Utc,
        [typeof(Currency)] = () => Currency.USD,
        [typeof(SalesData)] = () => SalesData.Empty,
        [typeof(KpiCalculator)] = () => Kpis.CloseRate,
        [typeof(KpiSettings)] = () => KpiSettings.Default,
        [typeof(KpiQuery)] = () => new KpiQuery(January, [Kpis.CloseRate]),
        [typeof(KpiEvaluator)] = () => new KpiEvaluator(),
        [typeof(CsvImportOptions)] = () => CsvImportOptions.Default,
        [typeof(DataReaderSource)] = () => DataReaderSource.FromConnection(new SqliteConnection("Data Source=:memory:")),
        [typeof(SqlEngine)] = () => SqlEngine.Sqlite,
        [typeof(SqlDialect)] = () => SqlDialect.Sqlite,
        [typeof(SqlTableMapping)] = () => SqlTableMapping.Default,
        [typeof(SqlKpiSource)] = () => new SqlKpiSource(new SqliteConnection("Data Source=:memory:"), SqlDialect.Sqlite),
        [typeof(DbCommand)] = () => new SqliteCommand(),

        // The summary of an empty database: no tables, no instant, no currency, an empty roster.
        [typeof(SqlDataSummary)] = () => SqlDataSummary.ReadAsync(new SqlKpiSource(new SqliteConnection("Data Source=:memory:"), SqlDialect.Sqlite)).GetAwaiter().GetResult(),
    };

    // Parameters whose valid values are a subset of their type's.
    private static readonly Dictionary<string, Func<object>> ByParameterName = new(StringComparer.Ordinal)
    {
        ["connectionString"] = () => "Data Source=:memory:",
    };

    [ThreadStatic]
    private static int _constructionDepth;

    /// <summary>Gets the samples.</summary>
    public static SqlArgumentSamples Instance { get; } = new();

    public bool TryGet(ParameterInfo parameter, out object? value)
    {
        if (parameter.Name is { } name && ByParameterName.TryGetValue(name, out var byName))
        {
            value = byName();
            return true;
        }

        return TryGetInstance(parameter.ParameterType, out value);
    }

    public bool TryGetInstance(Type type, out object? value) =>
        ArgumentSampleTable.TryGet(Samples, type, out value) || TryConstruct(type, out value);

    // No generic public members yet; one added later is reported until a type argument is given here.
    public Type? TryClose(Type definition) => null;

    public MethodInfo? TryClose(MethodInfo definition) => null;

    // A concrete class of SalesKpi.Sql not in the table is built with its public constructor of fewest parameters whose
    // arguments all have samples in turn; a constructor that refuses them is no sample, and the sweep names the type.
    private bool TryConstruct(Type type, out object? value)
    {
        value = null;
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || type.Assembly.GetName().Name != "SalesKpi.Sql" || _constructionDepth >= 4)
        {
            return false;
        }

        _constructionDepth++;
        try
        {
            foreach (var constructor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
            {
                var parameters = constructor.GetParameters();
                var arguments = new object?[parameters.Length];
                var complete = true;
                for (var i = 0; i < parameters.Length && complete; i++)
                {
                    if (parameters[i].HasDefaultValue)
                    {
                        arguments[i] = parameters[i].DefaultValue;
                    }
                    else
                    {
                        complete = TryGet(parameters[i], out arguments[i]);
                    }
                }

                if (!complete)
                {
                    continue;
                }

                try
                {
                    value = constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
                    return true;
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }

            return false;
        }
        finally
        {
            _constructionDepth--;
        }
    }
}
