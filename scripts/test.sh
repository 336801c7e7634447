#!/usr/bin/env bash
# Installs what the tests need (Chromium, PostgreSQL, nginx, Node for maildev when needed), starts a throwaway
# PostgreSQL server, a maildev SMTP server and the published portal behind nginx (scripts/proxied-portal.sh), and runs
# every test project. Used by .ci/run. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v fc-list >/dev/null || need+=(fontconfig)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v openssl >/dev/null || need+=(openssl)
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

# maildev: a real SMTP server with a JSON API (STACK-NOTES.md), installed once into a folder this script owns,
# started on free loopback ports and stopped on exit.
command -v npm >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }
tools="$HOME/.cache/portal-test-tools"
[ -x "$tools/node_modules/.bin/maildev" ] || npm install --prefix "$tools" --no-audit --no-fund maildev@3.0.0 >/dev/null
free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
smtp_port=$(free_port 1025)
web_port=$(free_port 1080)
mail_dir=$(mktemp -d)
"$tools/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$smtp_port" -w "$web_port" --mail-directory "$mail_dir" >"$mail_dir.log" 2>&1 &
maildev_pid=$!
# A second maildev for the crash test alone (it counts duplicate Message-Ids, which repeat across test databases).
crash_smtp_port=$(free_port $((smtp_port + 1)))
crash_web_port=$(free_port $((web_port + 1)))
"$tools/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$crash_smtp_port" -w "$crash_web_port" --mail-directory "$mail_dir/crash" >"$mail_dir.crash.log" 2>&1 &
crash_maildev_pid=$!
cleanup() {
  kill $maildev_pid $crash_maildev_pid 2>/dev/null
  rm -rf "$mail_dir" "$mail_dir.log" "$mail_dir.crash.log"
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pg/data -m immediate stop" >/dev/null 2>&1
  rm -rf "$pg"
}
trap cleanup EXIT
for port in "$web_port" "$crash_web_port"; do
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/healthz" >/dev/null && break; sleep 0.2; done
done
export PORTAL_TEST_SMTP_PORT=$smtp_port
export PORTAL_TEST_MAILDEV_URL="http://127.0.0.1:$web_port"
export PORTAL_TEST_CRASH_SMTP_PORT=$crash_smtp_port
export PORTAL_TEST_CRASH_MAILDEV_URL="http://127.0.0.1:$crash_web_port"

dotnet tool restore >/dev/null
dotnet build portal.sln -c Release --nologo -v q

# The published portal behind Debian's nginx with TLS, for Tests/EndToEnd/ProxiedPortalTests.cs.
proxy_dir=$(mktemp -d)
trap 'scripts/proxied-portal.sh stop "$proxy_dir"; cleanup' EXIT
# PORTAL_TEST_PROXY=off skips it, so that filtered runs leaving ProxiedPortalTests out can run side by side (it
# listens on fixed ports 8080/8443).
if [ "${PORTAL_TEST_PROXY:-on}" = off ]; then
  echo "Proxied portal not started (PORTAL_TEST_PROXY=off): ProxiedPortalTests will fail if the filter includes them"
else
  started=$SECONDS
  scripts/proxied-portal.sh start "$proxy_dir"
  echo "Proxied portal ready in $((SECONDS - started)) s"
  # shellcheck source=/dev/null
  source "$proxy_dir/env"
fi
log=$(mktemp)
status=0
dotnet test portal.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@" | tee "$log" || status=$?
# One closing line over all projects, in the plain form CI reads. The minimal logger ends each project with
# "Passed!  - Failed: 0, Passed: 912, ..."; the normal and detailed loggers with a "Total tests:" block instead.
awk '/^(Passed|Failed)!/ { line = $0; gsub(/[:,]/, " ", line); n = split(line, w, " ")
    for (i = 1; i < n; i++) { if (w[i] == "Failed") f += w[i+1]; if (w[i] == "Passed") p += w[i+1]; if (w[i] == "Skipped") s += w[i+1] } }
  /^ *(Passed|Failed|Skipped): *[0-9]+ *$/ { gsub(/[: ]+/, " "); split($0, w, " "); b[w[1]] += w[2] }
  END { if (p + f + s == 0) { p = b["Passed"]; f = b["Failed"]; s = b["Skipped"] }
        printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
