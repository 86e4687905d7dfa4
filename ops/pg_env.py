"""DATABASE_URL -> `export PG...=...` lines for libpq (pg_dump, pg_restore, psql), so the
password never shows in the process list. Used by ops/backup.sh and ops/restore.sh."""

import shlex
import sys
from urllib.parse import parse_qs, unquote, urlsplit

url = urlsplit(sys.argv[1])
if url.scheme not in ("postgres", "postgresql", "pgsql", "psql"):
    sys.exit(
        f"DATABASE_URL is a {url.scheme or 'schemeless'} URL, not PostgreSQL "
        "(postgres://user:pass@host:port/name); only PostgreSQL is backed up and restored "
        "this way"
    )
name = unquote(url.path.lstrip("/"))
if not name:
    sys.exit("DATABASE_URL names no database (postgres://user:pass@host:port/name)")
values = {
    "PGHOST": unquote(url.hostname or ""),
    "PGPORT": str(url.port or ""),
    "PGUSER": unquote(url.username or ""),
    "PGPASSWORD": unquote(url.password or ""),
    "PGDATABASE": name,
    "PGSSLMODE": parse_qs(url.query).get("sslmode", [""])[0],
}
for key, value in values.items():
    if value:
        sys.stdout.write(f"export {key}={shlex.quote(value)}\n")
