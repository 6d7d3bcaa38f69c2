#!/usr/bin/env bash
# Installs Debian's Chromium, which the HTML rendering test opens its page in, headless
# (tests/SalesKpi.Rendering.Tests/Browser). Needs root and apt-get; nothing is downloaded by the test itself.
# Idempotent: does nothing when a chromium is already on the PATH.
# Usage: bash tools/install-chromium.sh
set -euo pipefail

if command -v chromium >/dev/null; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq chromium
