#!/usr/bin/env bash
# Makes an upgrade fixture: the databases of an earlier release as an office would have them. Builds that release (a git
# worktree of the commit), runs it with its demo data on SQLite and on a throwaway PostgreSQL server, turns on one
# officer's authenticator through its own pages (enrol-authenticator.py), stops it, and keeps the SQLite database with
# its key ring and a pg_dump of the PostgreSQL one. UpgradeTests start today's portal on them.
# Usage (as root, from the repository): Tests/Fixtures/Upgrade/make-fixtures.sh COMMIT [OUTPUT_FOLDER]
# The fixture of 0ec0aa1 (the release before issue 17) was made with it on 6 Dec 2026.
set -euo pipefail
commit=${1:?Usage: make-fixtures.sh COMMIT [OUTPUT_FOLDER]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/$commit}
email=officer@lr.example.org
password='Demo-Password-2026!'
work=$(mktemp -d)
tree="$work/tree"
git -C "$here" worktree add --detach "$tree" "$commit" >/dev/null
free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
pg_port=$(free_port 5491)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg/data -m immediate stop" >/dev/null 2>&1 || true
  git -C "$here" worktree remove --force "$tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dotnet build "$tree/Portal" -c Release --nologo -v q >/dev/null
bin="$tree/Portal/bin/Release/net10.0"

# Runs the old portal with the given settings (as environment variables) until its sign-in page answers.
start() {
  local port
  port=$(free_port 5391)
  (cd "$bin" && env "$@" Seed__DemoData=true Jobs__Enabled=false Urls="http://127.0.0.1:$port" dotnet Portal.dll >"$work/portal.log" 2>&1) &
  pid=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/Account/Login" >/dev/null && break; sleep 1; done
  url="http://127.0.0.1:$port"
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=; }

mkdir -p "$out/sqlite/keys" "$out/postgresql"
start Database__Provider=Sqlite Database__DataPath="$work/sqlite"
sqlite_key=$(python3 "$here/enrol-authenticator.py" "$url" "$email" "$password")
stop
gzip -9 -c "$work/sqlite/portal.db" >"$out/sqlite/portal.db.gz"
cp "$work/sqlite/keys/"*.xml "$out/sqlite/keys/"

mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $work/pg/data -A trust -U postgres" >/dev/null
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg/data -l $work/pg/log -o '-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1' -w start" >/dev/null
start Database__Provider=PostgreSql Database__PostgreSqlConnection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=portal" Database__DataPath="$work/pgdata"
pg_key=$(python3 "$here/enrol-authenticator.py" "$url" "$email" "$password")
stop
pg_dump -h 127.0.0.1 -p "$pg_port" -U postgres -Fc --no-owner --no-privileges -f "$out/postgresql/portal.dump" portal

cat >"$out/fixture.json" <<JSON
{
  "release": "$commit",
  "madeOn": "$(date -u +%F)",
  "person": {
    "email": "$email",
    "password": "$password"
  },
  "sqlite": {
    "authenticatorKey": "$sqlite_key"
  },
  "postgresql": {
    "authenticatorKey": "$pg_key"
  },
  "restricted": {
    "reviewId": 1,
    "caseLabel": "Case A 2024",
    "deceasedNames": "Demo Person A 2024"
  }
}
JSON
echo "Fixture written to $out"
