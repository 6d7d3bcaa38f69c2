#!/usr/bin/env bash
# Times the saleskpi tool's start-up: N runs (default 20) each of `saleskpi --version` and of the embedded sample's
# report as JSON to /dev/null, for the plain framework-dependent build (`dotnet build -c Release`, run through its
# apphost as an installed tool is) and for the Native AOT binary (tools/publish-aot.sh); prints the median and the
# 90th percentile in milliseconds, and each AOT figure as a ratio of the plain build's in the same run.
# Usage: bash tools/measure-startup.sh [runs] [AOT binary, default artifacts/aot/linux-x64/SalesKpi.Cli]
# With no AOT binary there it runs tools/publish-aot.sh first. No timing is asserted anywhere: this only measures.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
aot=${2:-artifacts/aot/linux-x64/SalesKpi.Cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$aot" ] || bash tools/publish-aot.sh "$(dirname "$aot")"
dotnet build src/SalesKpi.Cli/SalesKpi.Cli.csproj -c Release -o "$work/plain" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
plain="$work/plain/SalesKpi.Cli"

# Prints "median p90" in ms of $runs runs of the command (after one warm-up run that fills the file cache).
measure() {
  "$@" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
  done | sort -n | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    p = t[int(0.9 * NR + 0.999999)]
    printf "%.1f %.1f\n", m / 1000, p / 1000 }'
}

echo "saleskpi start-up, $runs runs each, $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
printf '%-34s %12s %12s %12s %12s %10s %10s\n' command "plain median" "plain p90" "AOT median" "AOT p90" "median x" "p90 x"
for c in "--version" "report --format json"; do
  # shellcheck disable=SC2086 # each case is a list of words
  read -r pm pp < <(measure "$plain" $c)
  # shellcheck disable=SC2086
  read -r am ap < <(measure "$aot" $c)
  printf '%-34s %10s ms %9s ms %9s ms %9s ms %10s %10s\n' "saleskpi $c" "$pm" "$pp" "$am" "$ap" \
    "$(awk -v a="$am" -v p="$pm" 'BEGIN { printf "%.3f", a / p }')" "$(awk -v a="$ap" -v p="$pp" 'BEGIN { printf "%.3f", a / p }')"
done
