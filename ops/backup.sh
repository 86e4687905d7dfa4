#!/usr/bin/env bash
# Back up the portal's PostgreSQL database.
#
#   ops/backup.sh [--private-files] [FILE]
#
# Dumps the database named by DATABASE_URL (postgres://user:pass@host:port/name) with
# `pg_dump --format=custom --no-owner --no-privileges` to FILE, by default
# backups/clinic-<UTC timestamp>.dump in the repository. The dump is written to a temporary
# file beside FILE, checked with `pg_restore --list`, then moved into place, so FILE is either
# a whole dump or absent. The file holds patients' data: it is made readable by its owner only
# (umask 077); keep it encrypted and off the database server. Restore it with ops/restore.sh.
#
# Private files. The database is not all the portal keeps: signed consent PDFs and ID photos
# live on disk under MEDIA_ROOT/private (clinic/lib/private_storage.py; MEDIA_ROOT in
# clinic/settings.py, by default media/), and the rows in the dump point at them. Back them up
# at the same time as the dump. With --private-files this script does so: it writes
# MEDIA_ROOT/private as a tar next to the dump (FILE without .dump, plus -private.tar.gz),
# atomically like the dump. MEDIA_ROOT is read from the environment (export it if only .env
# sets it), else it is the default media/ folder of the repository. Without the flag, copy
# that folder by your own means (a volume snapshot, rsync) in the same run.
#
# Exits non-zero on any failure; nothing half-written is left behind.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-$REPO/.venv/bin/python}
[[ -x $PYTHON ]] || PYTHON=python3

die() { echo "backup: $*" >&2; exit 1; }

private_files=0
if [[ ${1:-} == --private-files ]]; then
  private_files=1
  shift
fi
[[ $# -le 1 ]] || die "usage: ops/backup.sh [--private-files] [FILE]"
[[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set; set it to postgres://user:pass@host:port/name"

# DATABASE_URL -> libpq's PG* variables, so the password never shows in the process list.
pg_env=$("$PYTHON" "$REPO/ops/pg_env.py" "$DATABASE_URL") || die "cannot use DATABASE_URL"
eval "$pg_env"

umask 077
out=${1:-$REPO/backups/clinic-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$out")"
tmp=$(mktemp "$out.partial.XXXXXX")
tar_tmp=""
cleanup() { rm -f "$tmp" ${tar_tmp:+"$tar_tmp"}; }
trap cleanup EXIT

pg_dump --format=custom --no-owner --no-privileges --file="$tmp" \
  || die "pg_dump of database \"$PGDATABASE\" failed"
pg_restore --list "$tmp" >/dev/null || die "the dump just written cannot be read back"
mv -f "$tmp" "$out"
echo "Backed up database \"$PGDATABASE\" to $out ($(du -h "$out" | cut -f1))"

if [[ $private_files == 1 ]]; then
  media=${MEDIA_ROOT:-$REPO/media}
  tar_out=${out%.dump}-private.tar.gz
  tar_tmp=$(mktemp "$tar_out.partial.XXXXXX")
  if [[ -d $media/private ]]; then
    tar -czf "$tar_tmp" -C "$media" private || die "could not archive $media/private"
  else
    # No private file yet: an empty archive still says "there were none" at this time.
    tar -czf "$tar_tmp" --files-from /dev/null
  fi
  mv -f "$tar_tmp" "$tar_out"
  echo "Backed up private files from $media/private to $tar_out ($(du -h "$tar_out" | cut -f1))"
fi
