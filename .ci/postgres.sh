#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (installing it with apt where it is missing) and creates a
# role and database for the tests. Prints the connection string to use as
# CHILDDASHBOARD_TEST_POSTGRES. Usage: source-free, `conn=$(bash .ci/postgres.sh)`.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql ]; then
    echo "Installing PostgreSQL..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
pg_ctlcluster "$version" main status >/dev/null
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
role=childdashboard_test
password=childdashboard_test
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
# Test databases a killed run left behind.
for name in $(su postgres -c "psql -Atq -p $port -c \"SELECT datname FROM pg_database WHERE datname LIKE 'cd\\_test\\_%' OR datname LIKE 'cd\\_template\\_%'\""); do
    su postgres -c "psql -q -p $port -c 'DROP DATABASE IF EXISTS $name WITH (FORCE)'" >&2
done
echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
