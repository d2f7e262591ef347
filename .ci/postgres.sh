#!/usr/bin/env bash
# Starts a local PostgreSQL for the integration tests and makes sure the provbot role
# and the provbot_test database exist. Idempotent: safe to run on every CI job.
# Uses Debian's postgresql package and pg_ctlcluster, because CI machines and
# containers often run without systemd. Needs root (apt-get, su postgres).
#
#   .ci/postgres.sh && export TEST_DATABASE_URL_PG=postgres://provbot:provbot@127.0.0.1:5432/provbot_test
#   eval "$(.ci/postgres.sh | grep '^export ')"
set -euo pipefail

PG_ROLE=${PG_ROLE:-provbot}
PG_PASSWORD=${PG_PASSWORD:-provbot}
PG_DATABASE=${PG_DATABASE:-provbot_test}
PG_PORT=${PG_PORT:-5432}

as_postgres() { su postgres -s /bin/sh -c "$1"; }
psql_admin() { as_postgres "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qtAc \"$1\""; }

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed major version, with its default "main" cluster.
PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main"; then
  pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$PG_VERSION" main start
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2 || { echo "PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; }

# CREATEDB: each test run creates its own schema, and `db:migration:create` needs
# a throwaway shadow database to replay the PostgreSQL migrations.
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" != "1" ]; then
  psql_admin "CREATE ROLE $PG_ROLE"
fi
psql_admin "ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != "1" ]; then
  psql_admin "CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE"
fi

echo "export TEST_DATABASE_URL_PG=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DATABASE"
