#!/usr/bin/env bash
# Backs up a PostgreSQL portal: a pg_dump of the database (which holds the data-protection key ring, in the
# DataProtectionKeys table, and the documents when Documents:Store=Database), the documents folder when documents are
# files (Documents:Store=Folder), and a manifest, into a folder of its own under BACKUP_ROOT; then removes backups
# older than --keep-days (never the newest). Run it from cron or a systemd timer, as the portal's account.
#
# Usage: scripts/postgres-backup.sh BACKUP_ROOT [--documents DIR] [--portal DIR] [--keep-days N]
#   --documents DIR  the shared documents folder (Documents:Folder), when documents are files
#   --portal DIR     the published portal's folder (Portal.dll), to record its release in the manifest
#   --keep-days N    default 14 (Backup:KeepDays)
# The connection comes from Database__PostgreSqlConnection (as the portal's) or the PG* environment variables.
# Prints the new backup's folder on standard output. Exit code 0 done, 1 failed (see standard error), 2 wrong usage.
set -euo pipefail
usage() { sed -n '/^# Usage/,/^# Prints/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
root=${1:-}; [ -n "$root" ] && [[ $root != -* ]] || usage; shift
documents= portal= keep_days=14
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=${2:?}; shift 2 ;;
    --portal) portal=${2:?}; shift 2 ;;
    --keep-days) keep_days=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres-connection.sh
. "$here/postgres-connection.sh"

# Backups hold everything, keys included: the portal's account alone reads them.
umask 077
mkdir -p "$root"
now=$(date -u +%Y%m%dT%H%M%SZ)
name="portal-$now"
partial="$root/.partial-$name"
trap 'rm -rf "$partial"' EXIT
mkdir "$partial"

# pg_dump reads one snapshot: the dump is the database as at its start, while the portal keeps writing.
pg_dump --format=custom --no-owner --no-privileges --file="$partial/portal.dump"
# Row counts from the dump itself (its COPY blocks), so they describe exactly what it holds.
pg_restore --data-only --file=- "$partial/portal.dump" | awk '
  /^COPY / { table = $2; sub(/^public\./, "", table); gsub(/"/, "", table); rows = 0; inside = 1; next }
  inside && /^\\\.$/ { print table "\t" rows; inside = 0; next }
  inside { rows++ }' | sort >"$partial/rows.tsv"
migration=$(psql -Atc 'SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1 DESC LIMIT 1')
release=unknown
[ -z "$portal" ] || release=$(cd "$portal" && dotnet Portal.dll version 2>/dev/null) || { echo "The portal in $portal did not say its release (--portal)" >&2; exit 1; }

# Document files never change once written (a new upload is a new file), so those copied after the dump include
# every one its rows refer to.
if [ -n "$documents" ]; then
  [ -d "$documents" ] || { echo "$documents is not a folder (--documents)" >&2; exit 1; }
  mkdir "$partial/documents"
  find "$documents" -maxdepth 1 -type f ! -name '*.part' -exec cp --preserve=timestamps -t "$partial/documents" {} +
  # Files the database refers to that the folder lacks: listed in the manifest, and the run fails (after writing it).
  missing=$(psql -Atc 'SELECT "StoredName" FROM "DocumentVersions" ORDER BY 1' | while read -r stored; do
    [ -f "$partial/documents/$stored" ] || echo "$stored"; done)
fi

# The key ring is in the dump; say whether it is encrypted at rest, and with which certificate.
encrypted=$(psql -Atc "SELECT \"Xml\" FROM \"DataProtectionKeys\" WHERE \"Xml\" LIKE '%<encryptedSecret%' ORDER BY \"Id\" DESC LIMIT 1")
kind=None thumbprint= subject=
note="The keys are in the database dump and not encrypted at rest: this backup can sign anyone's cookie, so keep it as private as the database."
if [ -n "$encrypted" ]; then
  certificate=$(echo "$encrypted" | tr -d '\n' | grep -o '<X509Certificate>[^<]*' | head -1 | sed 's/<X509Certificate>//')
  if [ -n "$certificate" ]; then
    kind=Certificate
    thumbprint=$(echo "$certificate" | base64 -d | openssl x509 -inform DER -noout -fingerprint -sha1 | sed 's/.*=//; s/://g')
    subject=$(echo "$certificate" | base64 -d | openssl x509 -inform DER -noout -subject -nameopt RFC2253 | sed 's/^subject=//')
    note="The keys are encrypted with the certificate $subject (thumbprint $thumbprint), which this backup does not hold: the restored portal needs it with its private key, configured as for the original portal (docs/DEPLOYMENT.md, the key ring)."
  else
    kind=Other
    note="The keys are encrypted at rest by a protection other than a certificate: restore them where it can open them."
  fi
fi

(cd "$partial" && find . -type f ! -name SHA256SUMS ! -name manifest.json | sed 's|^\./||' | sort | xargs -d '\n' sha256sum >SHA256SUMS)
json() { [ -n "$1" ] || { printf null; return; }; local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
{
  echo "{"
  echo "  \"format\": 1,"
  echo "  \"createdAtUtc\": \"$(date -u -d "${now:0:8} ${now:9:2}:${now:11:2}:${now:13:2}" +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"release\": $(json "$release"),"
  echo "  \"provider\": \"PostgreSql\","
  echo "  \"migration\": $(json "$migration"),"
  echo "  \"tables\": {"
  awk -F'\t' '{ printf "%s    \"%s\": %s", (NR > 1 ? ",\n" : ""), $1, $2 } END { print "" }' "$partial/rows.tsv"
  echo "  },"
  echo "  \"files\": ["
  while read -r sum path; do
    printf '%s    {"path": %s, "bytes": %s, "sha256": "%s"}' "${sep:-}" "$(json "$path")" "$(stat -c %s "$partial/$path")" "$sum"
    sep=$',\n'
  done <"$partial/SHA256SUMS"
  echo
  echo "  ],"
  echo "  \"missingDocuments\": [$(for m in ${missing:-}; do printf '%s"%s"' "${comma:-}" "$m"; comma=', '; done)],"
  echo "  \"keyRing\": {\"kind\": \"$kind\", \"certificateThumbprint\": $(json "$thumbprint"), \"certificateSubject\": $(json "$subject"), \"note\": $(json "$note")}"
  echo "}"
} >"$partial/manifest.json"

mv "$partial" "$root/$name"
trap - EXIT
# Older backups go, never the newest.
find "$root" -mindepth 1 -maxdepth 1 -type d -name 'portal-*' | sort -r | tail -n +2 | while read -r old; do
  stamp=$(basename "$old" | sed -E 's/^portal-([0-9]{8})T([0-9]{2})([0-9]{2})([0-9]{2})Z.*/\1 \2:\3:\4/')
  if [ "$(date -u -d "$stamp" +%s)" -lt "$(( $(date -u +%s) - keep_days * 86400 ))" ]; then rm -rf "$old"; fi
done
echo "$root/$name"
if [ -n "${missing:-}" ]; then
  echo "$(echo "$missing" | wc -l) document files the database refers to are not in $documents, so the backup lacks them (listed in its manifest). Check --documents." >&2
  exit 1
fi
