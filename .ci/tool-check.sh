#!/usr/bin/env bash
# Checks the saleskpi tool's packages in a folder: the top-level SalesKpi.Cli names the 'saleskpi' command and points at
# SalesKpi.Cli.linux-x64 and SalesKpi.Cli.any; the 'any' package runs on dotnet and the linux-x64 one is a native
# executable; then `dotnet tool install` from the folder as a local feed installs 'saleskpi' (the native binary here,
# on linux-x64), whose --version and sample report equal the framework-dependent package's.
# Usage: bash .ci/tool-check.sh <folder with the SalesKpi.Cli*.nupkg files>
set -euo pipefail
feed=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package check: SalesKpi.Cli: $1" >&2; exit 1; }

top=$(ls "$feed"/SalesKpi.Cli.[0-9]*.nupkg)
version=$(basename "$top" .nupkg); version=${version#SalesKpi.Cli.}
settings=$(unzip -p "$top" tools/any/any/DotnetToolSettings.xml) || fail "the top-level package has no tools/any/any/DotnetToolSettings.xml"
for expected in 'Name="saleskpi"' 'RuntimeIdentifier="linux-x64" Id="SalesKpi.Cli.linux-x64"' 'RuntimeIdentifier="any" Id="SalesKpi.Cli.any"'; do
  grep -qF "$expected" <<<"$settings" || fail "the top-level DotnetToolSettings.xml lacks $expected"
done
unzip -p "$feed/SalesKpi.Cli.any.$version.nupkg" tools/net10.0/any/DotnetToolSettings.xml | grep -qF 'Runner="dotnet"' \
  || fail "SalesKpi.Cli.any does not run the tool on dotnet"
unzip -p "$feed/SalesKpi.Cli.linux-x64.$version.nupkg" tools/any/linux-x64/DotnetToolSettings.xml | grep -qF 'Runner="executable"' \
  || fail "SalesKpi.Cli.linux-x64 is not a native executable"

dotnet tool install --tool-path "$work/tool" --add-source "$feed" SalesKpi.Cli --version "$version" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "dotnet tool install failed"; }
[ -x "$work/tool/saleskpi" ] || fail "the installed tool has no 'saleskpi' command"
mkdir "$work/any" && (cd "$work/any" && unzip -q "$feed/SalesKpi.Cli.any.$version.nupkg")
for c in "--version" "report --format json"; do
  # shellcheck disable=SC2086 # each case is a list of words
  cmp -s <("$work/tool/saleskpi" $c) <(dotnet "$work/any/tools/net10.0/any/SalesKpi.Cli.dll" $c) \
    || fail "the installed 'saleskpi $c' differs from the framework-dependent package's"
done
echo "package check: SalesKpi.Cli installs the 'saleskpi' command (Native AOT on linux-x64, framework-dependent elsewhere)"
