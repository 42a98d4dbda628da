#!/bin/sh
# First start of the app's PostgreSQL (docker-entrypoint-initdb.d): the role the app's processes
# connect as. POSTGRES_USER owns the tables and runs migrations (the worker's
# MIGRATION_DATABASE_URL); the runtime role gets only what src/db/runtimeGrants.sql grants, which
# the worker applies after every migration, so it can never rewrite the audit trail.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role=perizinan_app -v password="$APP_RUNTIME_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SQL
