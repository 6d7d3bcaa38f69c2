using BenchmarkDotNet.Running;
using SalesKpi.Benchmarks;

// Memory, which BenchmarkDotNet does not measure (it counts allocations, not what stays or the peak of a process):
//   snapshot-bytes OPPORTUNITIES   what a snapshot keeps per lead and per activity, as objects and as columns;
// and two helpers of benchmarks/end-to-end-memory.sh, which measures peak memory in processes of their own:
//   export DIR OPPORTUNITIES   writes the reference data as CSV (DIR/csv) and Parquet (DIR/parquet) files;
//   duckdb DIR read_csv|read_parquet   runs DuckDB end to end on them (EndToEndBenchmarks.DuckDbEndToEnd).
switch (args)
{
    case ["export", var directory, var opportunities]:
        EndToEndBenchmarks.Write(directory, int.Parse(opportunities, System.Globalization.CultureInfo.InvariantCulture));
        return;
    case ["snapshot-bytes", var opportunities]:
        SnapshotMemory.Run(int.Parse(opportunities, System.Globalization.CultureInfo.InvariantCulture));
        return;
    case ["duckdb", var directory, var reader]:
        Console.WriteLine($"{EndToEndBenchmarks.DuckDbEndToEnd(directory, reader, "Europe/Istanbul")} rows");
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
