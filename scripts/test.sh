#!/usr/bin/env bash
# Installs what the tests need (Chromium, PostgreSQL, Node for maildev when needed), starts a throwaway
# PostgreSQL server, and runs every test project. Used by .ci/run. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v fc-list >/dev/null || need+=(fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

# A throwaway PostgreSQL cluster on the first free port from 5433, removed on exit.
port=5433
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
pg=$(mktemp -d)
chown postgres "$pg"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $pg/data -A trust -U postgres" >/dev/null
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pg/data -l $pg/log -o '-p $port -k $pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -w start" >/dev/null
trap 'su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pg/data -m immediate stop" >/dev/null 2>&1; rm -rf "$pg"' EXIT
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=20"
export PORTAL_CHROMIUM=/usr/bin/chromium

dotnet tool restore >/dev/null
dotnet build portal.sln -c Release --nologo -v q
log=$(mktemp)
status=0
dotnet test portal.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@" | tee "$log" || status=$?
# One closing line over all projects, in the plain form CI reads.
awk -F'[:,]' '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i ~ /Failed/) f += $(i+1); if ($i ~ /Passed/ && $i !~ /!/) p += $(i+1); if ($i ~ /Skipped/) s += $(i+1) } }
  END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
