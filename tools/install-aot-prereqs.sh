#!/usr/bin/env bash
# Installs what a Native AOT publish of the saleskpi tool needs on Linux besides the .NET SDK: Debian's clang (the
# compiler driver the ILCompiler links with), lld (the linker it prefers) and zlib1g-dev (the runtime links zlib). The
# ILCompiler itself is a NuGet package the SDK restores at the version it picks. Needs root and apt-get. Idempotent:
# does nothing when all three are there.
# Usage: bash tools/install-aot-prereqs.sh
set -euo pipefail

if command -v clang >/dev/null && command -v ld.lld >/dev/null && [ -e /usr/include/zlib.h ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq clang lld zlib1g-dev
