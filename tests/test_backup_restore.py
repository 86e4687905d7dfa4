"""Backups: ops/backup.sh dumps the database, ops/restore.sh restores the dump into an empty
database (and refuses one that holds data), and the portal then serves from the restored one."""

import secrets
import subprocess
import tarfile

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from patients.models import Patient
from tests.factories import LocationFactory
from tests.screening.factories import PatientFactory
from tests.servers import REPO, database_url, get, portal_env, serve, stop

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backups are pg_dump and pg_restore"
)


def run(script, *args, env):
    return subprocess.run(  # noqa: S603 - our own scripts, our own arguments
        [str(REPO / "ops" / script), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def admin_connection():
    db = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def empty_database():
    """The name of a new, empty database on the test server; dropped afterwards, however the
    test ends."""
    name = f"clinic_restore_{secrets.token_hex(6)}"
    with admin_connection() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with admin_connection() as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def test_a_backup_restored_into_an_empty_database_is_what_the_portal_serves(
    committed_db, empty_database, tmp_path
):
    location = LocationFactory(name=f"Restored Infusion Center {secrets.token_hex(4)}")
    patient = PatientFactory(legal_last_name=f"Restorova{secrets.token_hex(4)}")
    media = tmp_path / "media"
    (media / "private" / "consent").mkdir(parents=True)
    (media / "private" / "consent" / "signed.pdf").write_bytes(b"%PDF-1.7 signed consent")
    dump = tmp_path / "backups" / "clinic.dump"

    backup = run(
        "backup.sh",
        "--private-files",
        str(dump),
        env=portal_env(database_url(), MEDIA_ROOT=str(media)),
    )

    assert backup.returncode == 0, backup.stderr
    assert f"to {dump}" in backup.stdout
    assert dump.stat().st_mode & 0o077 == 0  # patients' data: the owner's alone
    assert not list(dump.parent.glob("*.partial.*"))
    with tarfile.open(tmp_path / "backups" / "clinic-private.tar.gz") as private:
        assert "private/consent/signed.pdf" in private.getnames()

    restored = portal_env(database_url(empty_database))
    restore = run("restore.sh", str(dump), env=restored)

    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "Next steps" in restore.stdout
    with psycopg.connect(database_url(empty_database)) as copy:
        names = copy.execute(
            sql.SQL("SELECT legal_last_name FROM {}").format(sql.Identifier(Patient._meta.db_table))
        ).fetchall()
    assert (patient.legal_last_name,) in names

    server, base = serve(restored)
    try:
        status, html = get(f"{base}/locations/")
        assert status == 200
        assert location.name in html
        status, html = get(f"{base}/locations/{location.slug}/")
        assert status == 200
        assert location.name in html
    finally:
        stop(server)

    # Restoring again would overwrite the data now there: the script refuses.
    again = run("restore.sh", str(dump), env=restored)

    assert again.returncode != 0
    assert "is not empty" in again.stderr
    assert "refusing to restore" in again.stderr


def test_backup_refuses_a_database_url_that_is_not_postgresql(tmp_path):
    dump = tmp_path / "clinic.dump"

    result = run("backup.sh", str(dump), env=portal_env(f"sqlite:///{tmp_path / 'db.sqlite3'}"))

    assert result.returncode != 0
    assert "not PostgreSQL" in result.stderr
    assert not dump.exists()
