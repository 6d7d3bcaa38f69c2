using System.Data.Common;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>
/// The layout tables an evaluation reads into memory, each as the projection of its mapped source onto the layout's
/// column names: the import checks their rows as it checks a CSV file's; every other table is absent.
/// </summary>
internal sealed class SqlImportSource(SqlKpiSource source, Dictionary<string, SqlTableColumns> tables) : DataReaderSource
{
    public override string Description => source.Name;

    public override ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(tables.ContainsKey(name));
    }

    public override async ValueTask<DbDataReader> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Not disposed here: a provider may close the command's reader with it (SQLite does); the reader keeps it
        // reachable while it is read, and it holds nothing once the reader is closed.
#pragma warning disable CA2000
        var command = source.Connection.CreateCommand();
#pragma warning restore CA2000
#pragma warning disable CA2100 // The layout's column names over the application's mapping.
        command.CommandText = tables[name].Projection(source.Dialect);
#pragma warning restore CA2100
        return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    public override string Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return tables.TryGetValue(name, out var table) ? table.Described : base.Describe(name);
    }
}
