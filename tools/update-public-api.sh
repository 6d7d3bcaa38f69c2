#!/usr/bin/env bash
# Records the public API changes of the packable libraries in their PublicAPI.Unshipped.txt.
# Builds each library, collects the symbols the PublicApiAnalyzers report as new (RS0016) or removed (RS0017),
# and adds or removes their lines. Review the diff of PublicAPI.Unshipped.txt like any other change.
# Usage: tools/update-public-api.sh [project directory ...]   (default: src/SalesKpi src/SalesKpi.Csv)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/SalesKpi src/SalesKpi.Csv)
for dir in "${projects[@]}"; do
  dir=${dir%/}
  project=$dir/$(basename "$dir").csproj
  unshipped=$dir/PublicAPI.Unshipped.txt
  for _ in 1 2 3; do
    log=$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
    # Only this project's own diagnostics: a referenced library reports its symbols in its own file.
    log=$(grep -F "[$(pwd)/$project]" <<<"$log" || true)
    added=$(grep -oE "RS0016: Symbol '.*' is not part of the declared public API" <<<"$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
    removed=$(grep -oE "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" <<<"$log" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)
    [ -z "$added" ] && [ -z "$removed" ] && break
    if [ -n "$removed" ]; then
      grep -vxF -f <(printf '%s\n' "$removed") "$unshipped" > "$unshipped.tmp" || true
      mv "$unshipped.tmp" "$unshipped"
    fi
    [ -n "$added" ] && printf '%s\n' "$added" >> "$unshipped"
    { head -n 1 "$unshipped"; tail -n +2 "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
  done
  echo "$(($(wc -l < "$unshipped") - 1)) symbols in $unshipped"
done
