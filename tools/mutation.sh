#!/usr/bin/env bash
# Mutation testing of the SalesKpi library (src/SalesKpi) with Stryker.NET, pinned in .config/dotnet-tools.json.
# Settings: tests/SalesKpi.Tests/stryker-config.json (perTest coverage, Release, html + json + cleartext reports).
# Usage:
#   bash tools/mutation.sh                              # the whole library (long: see docs/quality.md)
#   bash tools/mutation.sh -m '**/Money.cs'             # one slice; any further dotnet-stryker option is passed on
# Reports: tests/SalesKpi.Tests/StrykerOutput/<timestamp>/reports/mutation-report.{html,json}
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
cd tests/SalesKpi.Tests
exec dotnet dotnet-stryker --config-file stryker-config.json "$@"
