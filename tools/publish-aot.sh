#!/usr/bin/env bash
# Publishes the saleskpi tool with Native AOT for linux-x64 and fails on any warning of the publish (the trim and AOT
# analyzers' IL2xxx/IL3xxx included), then proves the native binary writes byte for byte what the JIT build writes:
# --version; the embedded sample as table, JSON and CSV; --engine duckdb; the sample read from a CSV directory, from
# Parquet files (memory and duckdb engines) and from a SQLite database (memory and sqlite engines).
# Usage: bash tools/publish-aot.sh [output directory, default artifacts/aot/linux-x64]
#        bash tools/publish-aot.sh --pack <package folder>   (the same, through `dotnet pack -r linux-x64`: the RID
#        package SalesKpi.Cli.linux-x64 lands in the folder, at the cost of one native compilation, as .ci/run does)
# The native binary is <output>/SalesKpi.Cli. Re-run it after any change to the tool or its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "--pack" ]; then
  command=(dotnet pack src/SalesKpi.Cli/SalesKpi.Cli.csproj -c Release -r linux-x64 -o "$2")
  out=src/SalesKpi.Cli/bin/Release/net10.0/linux-x64/publish
else
  out=${1:-artifacts/aot/linux-x64}
  command=(dotnet publish src/SalesKpi.Cli/SalesKpi.Cli.csproj -c Release -r linux-x64 -o "$out")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash tools/install-aot-prereqs.sh

# The publish: warnings are errors in this repository already; the log is searched too, so that a warning that is not
# an error (an ILCompiler warning, a NuGet one) still fails.
set +e
"${command[@]}" >"$work/publish.log" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ] || grep -Eq '(warning|error) [A-Z]+[0-9]+' "$work/publish.log"; then
  grep -E '(warning|error) [A-Z]+[0-9]+' "$work/publish.log" | sort -u >&2 || tail -30 "$work/publish.log" >&2
  echo "publish-aot: the Native AOT publish failed or warned (exit $status)" >&2
  exit 1
fi
echo "publish-aot: $out/SalesKpi.Cli published with no warning"

# The JIT build of the same sources, and the inputs: the sample's CSV files, as Parquet files and as a SQLite database.
dotnet build src/SalesKpi.Cli/SalesKpi.Cli.csproj -c Release -o "$work/jit" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
sample=src/SalesKpi.Cli/Sample
dotnet run --file tools/make-parquet-sample.cs -- "$sample" "$work/parquet" >/dev/null
python3 tools/make-sqlite-sample.py "$sample" "$work/crm.db" >/dev/null

cases=(
  "--version"
  "report"
  "report --format json"
  "report --format csv"
  "report --engine duckdb --format json"
  "report --by rep --per quarter --format csv"
  "report --data $sample --format json"
  "report --data $work/parquet --format json"
  "report --engine duckdb --data $work/parquet --format json"
  "report --connection $work/crm.db --format json"
  "report --engine sqlite --connection $work/crm.db --format json"
  "report --by team --per fiscal-quarter --fiscal-start 4 --format markdown"
  "report --by rep --per month --layout long"
  "kpis --format json"
  "plan --goal 1000000 --format json"
  "plan --goal 1000000 --by rep"
  "targets --targets docs/examples/targets.csv --format json"
  "compare --kpi close-rate,revenue --format csv"
  "trend --kpi revenue --per quarter --format markdown"
  "report --per day --from 2025-03-01 --to 2025-03-31 --kpi revenue,close-rate --rolling 7d --format json"
  "report --per month --kpi revenue --to-date quarter --vs last-year --format csv"
  "trend --kpi calls --per week --cumulative --format csv"
  "report --rolling 9x"
  "reprot"
  "report --by manager"
)
failed=0
for c in "${cases[@]}"; do
  # shellcheck disable=SC2086 # each case is a list of words
  jit_status=0; dotnet "$work/jit/SalesKpi.Cli.dll" $c >"$work/jit.out" 2>"$work/jit.err" || jit_status=$?
  # shellcheck disable=SC2086
  aot_status=0; "$out/SalesKpi.Cli" $c >"$work/aot.out" 2>"$work/aot.err" || aot_status=$?
  if [ "$jit_status" -ne "$aot_status" ] || ! cmp -s "$work/jit.out" "$work/aot.out" || ! cmp -s "$work/jit.err" "$work/aot.err"; then
    echo "publish-aot: saleskpi $c: the AOT binary (exit $aot_status) differs from the JIT build (exit $jit_status)" >&2
    diff "$work/jit.out" "$work/aot.out" | head -10 >&2 || true
    head -5 "$work/aot.err" >&2
    failed=1
  else
    echo "publish-aot: saleskpi $c: identical (exit $aot_status, $(wc -c <"$work/aot.out") bytes)"
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "publish-aot: the AOT binary writes what the JIT build writes in ${#cases[@]} cases"
