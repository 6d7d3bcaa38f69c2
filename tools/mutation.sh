#!/usr/bin/env bash
# Mutation testing of the SalesKpi library (src/SalesKpi) with Stryker.NET, pinned in .config/dotnet-tools.json.
# Settings: tests/SalesKpi.Tests/stryker-config.json (perTest coverage, Release, html + json + cleartext reports).
# Usage:
#   bash tools/mutation.sh                              # the whole library (long: see docs/quality.md)
#   bash tools/mutation.sh -m '**/Money.cs'             # one slice; any further dotnet-stryker option is passed on
# Reports: tests/SalesKpi.Tests/StrykerOutput/<timestamp>/reports/mutation-report.{html,json}
#
# Three scale and concurrency tests are left out of mutation runs (SALESKPI_MUTATION_TEST_FILTER overrides, an empty
# value runs every test): the 600,000-activity two-core report, the mixed-currency large-data report and the 16-thread
# tests take 10-60 s each and would dominate every mutant they cover, while smaller tests check the same code paths.
# Leaving tests out can only lower the score, never raise it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
filter="${SALESKPI_MUTATION_TEST_FILTER-FullyQualifiedName!~SixHundredThousand&FullyQualifiedName!~ThreadSafety&FullyQualifiedName!~LargeData}"
cd tests/SalesKpi.Tests
exec dotnet dotnet-stryker --config-file stryker-config.json ${filter:+--test-case-filter "$filter"} "$@"
