# Sourced by postgres-backup.sh and postgres-restore.sh: turns the portal's own connection string
# (Database__PostgreSqlConnection, "Host=db;Port=5432;Database=portal;Username=portal;Password=...") into the
# environment that pg_dump, pg_restore and psql read (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD). Without it,
# the PG* variables (or ~/.pgpass) already set are used as they are.
if [ -n "${Database__PostgreSqlConnection:-}" ]; then
  IFS=';' read -ra parts <<<"$Database__PostgreSqlConnection"
  for part in "${parts[@]}"; do
    key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database|db) export PGDATABASE=$value ;;
      username|userid|user) export PGUSER=$value ;;
      password|pwd) export PGPASSWORD=$value ;;
    esac
  done
fi
: "${PGDATABASE:?Set Database__PostgreSqlConnection (as for the portal) or PGDATABASE and the other PG* variables}"
