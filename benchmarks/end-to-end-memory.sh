#!/usr/bin/env bash
# Peak memory (and wall time) end to end, each run a process of its own: the saleskpi tool reporting by rep and ISO
# week in Europe/Istanbul as JSON, against DuckDB reading the same files into tables and running the report's SQL
# (EndToEndBenchmarks.DuckDbEndToEnd, 2 threads). BenchmarkDotNet cannot measure this: DuckDB's memory is native.
#   bash benchmarks/end-to-end-memory.sh [OPPORTUNITIES] [RUNS]   (default 1000000 opportunities: 13.2M records; 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
opportunities=${1:-1000000}
runs=${2:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
dotnet build -c Release src/SalesKpi.Cli >/dev/null
dotnet build -c Release benchmarks/SalesKpi.Benchmarks >/dev/null
bench=benchmarks/SalesKpi.Benchmarks/bin/Release/net10.0/SalesKpi.Benchmarks.dll
cli=src/SalesKpi.Cli/bin/Release/net10.0/SalesKpi.Cli.dll
dotnet "$bench" export "$dir" "$opportunities"
measure() {
  local label=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "$label: %e s, peak %M KB" "$@" >/dev/null
  done
}
for format in csv parquet; do
  measure "saleskpi report ($format)" dotnet "$cli" report --data "$dir/$format" --by rep --per week --zone Europe/Istanbul --format json
  measure "duckdb read_$format + SQL" dotnet "$bench" duckdb "$dir/$format" "read_$format"
done
