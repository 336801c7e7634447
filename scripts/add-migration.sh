#!/usr/bin/env bash
# Adds a migration NAME for both providers (SQLite and PostgreSQL keep separate migration sets).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project Infrastructure --context SqliteReviewDb --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project Infrastructure --context PostgresReviewDb --output-dir Data/Migrations/PostgreSql
