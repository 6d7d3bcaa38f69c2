// Writes the embedded sample's CSV files as Parquet files of the same names (leads.parquet, ...) into a directory, with
// DuckDB's own reader and writer: the input of tools/publish-aot.sh's Parquet comparison.
// Usage: dotnet run --file tools/make-parquet-sample.cs -- <sample CSV directory> <output directory>
#:package DuckDB.NET.Data.Full
using DuckDB.NET.Data;

var (source, target) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
Directory.CreateDirectory(target);
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
foreach (var csv in Directory.GetFiles(source, "*.csv"))
{
    using var command = connection.CreateCommand();
    var parquet = Path.Combine(target, Path.GetFileNameWithoutExtension(csv) + ".parquet");
    command.CommandText = $"COPY (SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}')) TO '{parquet.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
    command.ExecuteNonQuery();
}

Console.WriteLine($"parquet sample: {Directory.GetFiles(target, "*.parquet").Length} files in {target}");
