"""Database, environment and one-off ``manage.py`` steps shared by every suite."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

__all__ = [
    "MODES",
    "PrepareError",
    "app_env",
    "ensure_database",
    "machine_description",
    "prepare_app",
]

REPO = Path(__file__).resolve().parent.parent

# DB connection modes the portal supports (see DATABASES in clinic/settings.py).
MODES: dict[str, dict[str, str]] = {
    # One connection per gunicorn thread, kept for 10 minutes (the portal's default).
    "persistent": {"DB_CONN_MAX_AGE": "600", "DB_POOL": "0"},
    # psycopg_pool.ConnectionPool per worker process; Django forces CONN_MAX_AGE=0.
    "pool": {"DB_POOL": "1"},
}


class PrepareError(RuntimeError):
    """Setting up the benchmark database or app failed."""


def app_env(database_url: str, mode: str | None = None) -> dict[str, str]:
    """The environment the portal runs with during a benchmark: production-like
    (DEBUG=0) but over plain http on localhost."""
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef",
            # One machine, nothing shared: the in-process cache is allowed (see settings).
            "LOCAL_DEMO": "1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "CELERY_BROKER_URL": "",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    for key in ("DB_CONN_MAX_AGE", "DB_POOL"):
        env.pop(key, None)
    if mode is not None:
        env.update(MODES[mode])
    return env


def ensure_database(database_url: str) -> bool:
    """Create the database named in ``database_url`` if it is missing; True if created."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name:
        raise PrepareError(f"no database name in {database_url!r}")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if exists:
                return False
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    except psycopg.Error as exc:
        raise PrepareError(f"cannot create database {name!r} via {admin_url}: {exc}") from exc


def manage(*args: str, env: dict[str, str], python: str = sys.executable) -> None:
    """Run ``manage.py args`` quietly; on failure raise with its full output."""
    cmd = [python, "manage.py", *args]
    proc = subprocess.run(
        cmd, cwd=REPO, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise PrepareError(
            f"`{' '.join(cmd[1:])}` failed with exit code {proc.returncode}:\n"
            f"{proc.stdout}{proc.stderr}".rstrip()
        )


def prepare_app(env: dict[str, str], python: str = sys.executable) -> None:
    """migrate, seed the demo data and collect static files (all idempotent)."""
    manage("migrate", "--noinput", env=env, python=python)
    manage("seed_demo", env=env, python=python)
    manage("collectstatic", "--noinput", env=env, python=python)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _postgres_version(database_url: str) -> str:
    try:
        with psycopg.connect(database_url, connect_timeout=5) as conn:
            return str(conn.execute("SHOW server_version").fetchone()[0]).split()[0]
    except psycopg.Error:
        return "?"


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine_description(database_url: str) -> str:
    cores = os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()
    return (
        f"{cores} cores ({_cpu_model()}), {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, Django {_version('Django')}, "
        f"gunicorn {_version('gunicorn')}, psycopg {_version('psycopg')}, "
        f"PostgreSQL {_postgres_version(database_url)}; load average {_load()} at start"
    )
