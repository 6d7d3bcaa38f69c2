#!/usr/bin/env bash
# Consumer check (#19): a fresh console project, outside the repository, references the packed SalesKpi and
# SalesKpi.Csv packages (and SalesKpi.Sql, over SQLite, and SalesKpi.Rendering) from a local folder feed, builds with warnings as errors, runs, and must print
# .ci/consumer/expected.txt exactly.
# Usage: .ci/consumer-check.sh FEED_DIR [FEED_DIR...]   (the folders holding the packed .nupkg files)
# KEEP=1 keeps the temporary project (printed on the first line) for a look after a failure.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FEED_DIR [FEED_DIR...]" >&2
  exit 2
fi
template="$(cd "$(dirname "$0")/consumer" && pwd)"

# Everything the check needs from the feed, in one local folder: the packages it references.
work=$(mktemp -d "${TMPDIR:-/tmp}/saleskpi-consumer.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir "$work/feed" "$work/app" "$work/packages"
version=""
for package in SalesKpi SalesKpi.Csv SalesKpi.Sql SalesKpi.Rendering; do
  found=()
  for dir in "$@"; do
    # SalesKpi.<version>.nupkg: the name followed by a digit, so SalesKpi.Csv.* is not taken for SalesKpi.
    for file in "$dir"/"$package".[0-9]*.nupkg; do
      [ -f "$file" ] && found+=("$file")
    done
  done
  if [ "${#found[@]}" -ne 1 ]; then
    echo "consumer check: expected one $package.<version>.nupkg in $*, found ${#found[@]}" >&2
    exit 1
  fi
  name=$(basename "${found[0]}" .nupkg)
  this_version=${name#"$package".}
  if [ -n "$version" ] && [ "$this_version" != "$version" ]; then
    echo "consumer check: $package is $this_version but SalesKpi is $version" >&2
    exit 1
  fi
  version=$this_version
  cp "${found[0]}" "$work/feed/"
done

# A genuinely fresh project: outside the repository, so none of its Directory.*.props, .editorconfig or
# global.json apply; its own nuget.config: the local feed plus the machine's usual sources (for NodaTime and the
# other dependencies); an empty package folder, so the SalesKpi packages come from the feed and not from a cache.
cp "$template/Consumer.csproj" "$template/Program.cs" "$work/app/"
machine_sources=$(cd "$work" && dotnet nuget list source --format short | awk '$1 == "E" {print $2}')
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"local-feed\" value=\"$work/feed\" />"
  i=0
  while read -r source; do
    [ -n "$source" ] || continue
    i=$((i + 1))
    echo "    <add key=\"machine-$i\" value=\"$source\" />"
  done <<< "$machine_sources"
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="local-feed">'
  echo '      <package pattern="SalesKpi" />'
  echo '      <package pattern="SalesKpi.*" />'
  echo '    </packageSource>'
  for ((n = 1; n <= i; n++)); do
    echo "    <packageSource key=\"machine-$n\">"
    echo '      <package pattern="*" />'
    echo '    </packageSource>'
  done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} > "$work/app/nuget.config"
export NUGET_PACKAGES="$work/packages"

echo "consumer check: SalesKpi $version from the local feed, in $work/app"
cd "$work/app"
if ! dotnet build -c Release -warnaserror -p:SalesKpiVersion="$version" -nologo -clp:NoSummary > "$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "consumer check: the fresh project does not build with warnings as errors" >&2
  exit 1
fi
for package in saleskpi saleskpi.csv saleskpi.sql saleskpi.rendering; do
  if [ ! -f "$NUGET_PACKAGES/$package/$version/$package.$version.nupkg" ]; then
    echo "consumer check: $package $version was not restored from the local feed" >&2
    exit 1
  fi
done
if ! dotnet run -c Release --no-build > "$work/actual.txt" 2> "$work/run.err"; then
  cat "$work/actual.txt" "$work/run.err" >&2
  echo "consumer check: the fresh project failed when run" >&2
  exit 1
fi
if ! diff -u "$template/expected.txt" "$work/actual.txt" >&2; then
  echo "consumer check: the output differs from .ci/consumer/expected.txt (- expected, + actual)" >&2
  exit 1
fi
echo "consumer check: SalesKpi $version builds warning-free in a fresh project and prints the expected values"
