#!/usr/bin/env bash
# Restores a backup made by postgres-backup.sh into a new, empty PostgreSQL database (created if it does not exist)
# and, when the backup holds document files, into an empty documents folder. Every file is checked against the
# backup's checksums before anything is restored, and every table's row count after. Then start the portal on it
# (with the same Documents:Folder): it upgrades the database if its release is newer than the backup's.
#
# Usage: scripts/postgres-restore.sh BACKUP_FOLDER [--documents DIR]
#   --documents DIR  where the documents go (the new Documents:Folder): required when the backup holds documents
# The target database comes from Database__PostgreSqlConnection (as the portal's) or the PG* environment variables;
# the account needs the right to create a database (or create it beforehand, empty).
# Exit code 0 done, 1 refused or failed (the reason on standard error), 2 wrong usage.
set -euo pipefail
usage() { sed -n '/^# Usage/,/^# Exit code/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
backup=${1:-}; [ -n "$backup" ] && [[ $backup != -* ]] || usage; shift
documents=
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres-connection.sh
. "$here/postgres-connection.sh"
fail() { echo "$*" >&2; exit 1; }

[ -f "$backup/manifest.json" ] && [ -f "$backup/SHA256SUMS" ] || fail "$backup is not a PostgreSQL portal backup: it has no manifest.json and SHA256SUMS."
(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || fail "The backup is damaged: a file does not match its checksum (above). Nothing was restored."
if [ -d "$backup/documents" ]; then
  [ -n "$documents" ] || fail "The backup holds document files: say where they go with --documents DIR (the portal's Documents:Folder). Nothing was restored."
  [ ! -e "$documents" ] || [ -z "$(ls -A "$documents")" ] || fail "$documents is not empty: documents are restored into an empty folder only. Nothing was restored."
fi

database=$PGDATABASE
exists=$(PGDATABASE=postgres psql -Atc "SELECT 1 FROM pg_database WHERE datname = '${database//\'/\'\'}'")
if [ -z "$exists" ]; then
  PGDATABASE=postgres psql -qc "CREATE DATABASE \"${database//\"/\"\"}\""
elif [ "$(psql -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" != 0 ]; then
  fail "The database $database already has tables: a backup is restored into a new, empty database only. Nothing was restored."
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$database" "$backup/portal.dump"
while IFS=$'\t' read -r table rows; do
  # Tables outside the public schema (Hangfire's) are named schema.table.
  if [[ $table == *.* ]]; then relation="\"${table%%.*}\".\"${table#*.}\""; else relation="public.\"$table\""; fi
  actual=$(psql -Atc "SELECT count(*) FROM $relation")
  [ "$actual" = "$rows" ] || fail "The restored table $table has $actual rows, the backup $rows: do not start the portal on it."
done <"$backup/rows.tsv"

if [ -d "$backup/documents" ]; then
  (umask 077; mkdir -p "$documents")
  cp --preserve=timestamps -r "$backup/documents/." "$documents/"
  chmod 600 "$documents"/* 2>/dev/null || true
fi

echo "Restored $backup into the database $database: $(wc -l <"$backup/rows.tsv") tables, every checksum and row count checked."
grep -o '"note": "[^"]*' "$backup/manifest.json" | sed 's/"note": "//'
echo "Start the portal on it${documents:+ with Documents:Folder=$documents}: it upgrades the database if its release is newer than the backup's."
