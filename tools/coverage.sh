#!/usr/bin/env bash
# Line and branch coverage of the SalesKpi library (src/SalesKpi) by its unit tests, measured with coverlet.
# Usage: bash tools/coverage.sh            (writes artifacts/coverage/, prints a text summary)
# The HTML report is artifacts/coverage/report/index.html; the summary is artifacts/coverage/report/Summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=artifacts/coverage
rm -rf "$out"
dotnet tool restore >/dev/null

# Cobertura from coverlet, restricted to the SalesKpi assembly (not the tests, not Csv/Cli).
dotnet test tests/SalesKpi.Tests -c Release \
  --collect:"XPlat Code Coverage" \
  --results-directory "$out/raw" \
  -- DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura \
     DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include="[SalesKpi]*" \
     DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.ExcludeByAttribute="GeneratedCodeAttribute,CompilerGeneratedAttribute"

dotnet reportgenerator \
  -reports:"$out/raw/*/coverage.cobertura.xml" \
  -targetdir:"$out/report" \
  -reporttypes:"TextSummary;Html" \
  -assemblyfilters:"+SalesKpi" >/dev/null

# Print the summary block (line and branch figures) only.
awk 'NF == 0 { exit } { print }' "$out/report/Summary.txt"
