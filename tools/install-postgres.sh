#!/usr/bin/env bash
# Installs Debian's PostgreSQL server (initdb, pg_ctl, postgres under /usr/lib/postgresql/<version>/bin), which the
# SQL tests run a throw-away server from (tests/SalesKpi.Sql.Tests/Infrastructure/PostgresServer.cs). Needs root and
# apt-get. Idempotent: does nothing when a server is already installed.
# Usage: bash tools/install-postgres.sh
set -euo pipefail

if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq postgresql

# The package creates a cluster 'main' and may start it (where no policy-rc.d forbids it): the tests run their own
# server on a free port, so stop whatever the package started rather than leave a server running.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters --no-header | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
    pg_ctlcluster "$version" "$cluster" stop || true
  done
fi
