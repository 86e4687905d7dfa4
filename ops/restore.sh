#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh.
#
#   ops/restore.sh FILE
#
# Restores FILE into the database named by DATABASE_URL (postgres://user:pass@host:port/name).
# That database must exist and be EMPTY (no tables, views or sequences in its public schema):
# the script refuses any other, so it can never overwrite data. Make one with e.g.
#   createdb -h HOST -U USER clinic_restored
# It runs `pg_restore --no-owner --no-privileges --exit-on-error --single-transaction` (a failed
# restore leaves the database empty again), then `manage.py migrate --noinput`, so a newer
# release brings an older backup forward. migrate reads the same settings as the portal: run
# this with the portal's environment (SECRET_KEY and so on, or LOCAL_DEMO=1 on a test machine).
#
# Private files (consent PDFs, ID photos) are not in the dump: see ops/backup.sh.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-$REPO/.venv/bin/python}
[[ -x $PYTHON ]] || PYTHON=python3

die() { echo "restore: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: ops/restore.sh FILE"
file=$1
[[ -f $file && -r $file ]] || die "no readable backup file at $file"
[[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set; set it to postgres://user:pass@host:port/name"

# DATABASE_URL -> libpq's PG* variables, so the password never shows in the process list.
pg_env=$("$PYTHON" "$REPO/ops/pg_env.py" "$DATABASE_URL") || die "cannot use DATABASE_URL"
eval "$pg_env"

pg_restore --list "$file" >/dev/null || die "$file is not a pg_dump custom-format backup"

existing=$(psql -X --no-psqlrc -A -t -q -v ON_ERROR_STOP=1 -c "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')") \
  || die "cannot connect to database \"$PGDATABASE\"; create it first (createdb)"
if [[ $existing != 0 ]]; then
  die "database \"$PGDATABASE\" is not empty ($existing tables, views or sequences in schema public);" \
    "refusing to restore over it. Restore into a new, empty database (createdb) instead."
fi

echo "Restoring $file into empty database \"$PGDATABASE\"..."
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$PGDATABASE" "$file" || die "pg_restore failed; database \"$PGDATABASE\" was left empty"

echo "Migrating the restored database forward to this release..."
(cd "$REPO" && "$PYTHON" manage.py migrate --noinput) || die "manage.py migrate failed"

cat <<NEXT
Restored $file into database "$PGDATABASE".
Next steps:
  1. Put the private files back: unpack the matching *-private.tar.gz (ops/backup.sh
     --private-files) into MEDIA_ROOT, so MEDIA_ROOT/private holds the consent PDFs and ID photos.
  2. Point the portal's DATABASE_URL at this database and restart web, worker and beat.
  3. Check that /healthz answers 200 and that a few pages show the expected data.
NEXT
