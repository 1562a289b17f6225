#!/usr/bin/env bash
# Adds a migration named $1 to every engine's set (Data/Migrations/Sqlite, /Postgres, /SqlServer), each with its
# model snapshot, by `dotnet ef migrations add`; then regenerates database/*.sql. Each engine has its own set because
# EF scaffolds SQL types and defaults for the engine it runs with (README, "For developers").
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: database/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet build NeonPro.Web -nologo -v:q
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --project NeonPro.Web --no-build \
    --output-dir "Data/Migrations/$provider" -- --provider "$provider"
done
dotnet build NeonPro.Web -nologo -v:q
dotnet run --no-build --no-launch-profile --project NeonPro.Web -- db-script > database/sqlite.sql
dotnet run --no-build --no-launch-profile --project NeonPro.Web -- db-script --provider postgres > database/postgres.sql
dotnet run --no-build --no-launch-profile --project NeonPro.Web -- db-script --provider sqlserver > database/sqlserver.sql
echo "Added $name for SQLite, PostgreSQL and SQL Server; review the three migrations and database/*.sql."
