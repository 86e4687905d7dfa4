"""Personas every test can ask for by name: a patient, another patient, front desk, clinician,
clinic admin, and the anonymous visitor (the plain `client`)."""

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from clinic.accounts.roles import Role
from tests.factories import UserFactory
from tests.logins import log_in

# Wall-clock deadlines make property tests fail on a busy machine, not on a wrong answer.
hypothesis_settings.register_profile("clinic", deadline=None)
hypothesis_settings.load_profile("clinic")


@pytest.fixture
def patient(db):
    return UserFactory(role=Role.PATIENT, email="pat@example.com")


@pytest.fixture
def other_patient(db):
    return UserFactory(role=Role.PATIENT, email="other-pat@example.com")


@pytest.fixture
def front_desk(db):
    return UserFactory(role=Role.FRONT_DESK, email="desk@example.com")


@pytest.fixture
def clinician(db):
    return UserFactory(role=Role.CLINICIAN, email="doc@example.com")


@pytest.fixture
def clinic_admin(db):
    return UserFactory(role=Role.CLINIC_ADMIN, email="boss@example.com", is_staff=True)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, past the second step of signing in as well."""
    return log_in(client, admin_user)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher takes most of a second per password on purpose. Logging in
    # still checks the password against its hash, only with a cheap algorithm.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages are kept in memory, as e-mails are; a test reads them here."""
    from clinic.lib import sms

    settings.SMS_BACKEND = "clinic.lib.sms.MemoryBackend"
    sms.outbox.clear()
    return sms.outbox


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Public pages are cached; no test may see another test's pages.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client_as(client, request):
    """client_as("clinician") -> a test client logged in as that persona ("anonymous": not
    logged in). tests/access.py has the personas and what to expect of each."""

    def _login(persona):
        if persona != "anonymous":
            log_in(client, request.getfixturevalue(persona))
        return client

    return _login


def pytest_configure(config):
    # The test client and live server speak plain http; production redirects to https.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Uploads and signed PDFs made by any test go to a folder of this run, not the repo's.
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="clinic-test-media-"))


def pytest_unconfigure(config):
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def media_root(settings, tmp_path):
    """MEDIA_ROOT, and so the private files' folder, in a folder of this test alone."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(scope="session")
def s3_server():
    """A local S3-compatible server for this run (tests/servers.py)."""
    from tests.servers import S3Server

    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def private_files_in_s3(settings, s3_server):
    """Private files (ID photos, consent PDFs) in a new bucket of the local S3 server, as a
    portal with several web nodes keeps them; the bucket's name."""
    from django.utils.functional import empty

    from clinic.lib.private_storage import private_storage

    bucket = s3_server.bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "clinic.lib.private_storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server.endpoint,
                "region_name": s3_server.REGION,
                "access_key": s3_server.ACCESS["AWS_ACCESS_KEY_ID"],
                "secret_key": s3_server.ACCESS["AWS_SECRET_ACCESS_KEY"],
                "object_parameters": {"ServerSideEncryption": "AES256"},
            },
        },
    }
    private_storage._wrapped = empty  # the models' fields hold it: made again from STORAGES
    yield bucket
    private_storage._wrapped = empty


def pytest_sessionstart(session):
    # Pages link static files through the hashed manifest, as in production; make it once.
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller has made it
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def _migrated_data(django_db_setup, django_db_blocker):
    """What the migrations put in the test database (roles, shipped content), as taken
    before any test that commits has run: plain tests roll back, and pytest-django runs
    them before the tests that commit."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


# The session's Celery worker once a test has started it (only where tasks go to a broker).
_running_worker = []


def _wait_for_running_worker():
    """Return once the worker has run every task enqueued so far: a ping queued behind them
    comes back only after them (it runs one task at a time, in order)."""
    if _running_worker:
        from clinic.celery import ping

        ping.delay().get(timeout=30)


@pytest.fixture
def committed_db(transactional_db):
    """A database whose writes are really committed, so another thread (the live server, a
    Celery worker) sees them. It starts with what the migrations made: see below."""
    yield
    # Emptying the tables next, while a task the test caused (an e-mail sent on commit) still
    # runs on the worker, can deadlock with that task's locks: let it finish first.
    _wait_for_running_worker()


@pytest.fixture(autouse=True)
def _restore_migrated_data(request):
    """A committing test ends by emptying every table (and Django then remakes the content
    types under new ids). Before each one, empty it again without that and put back exactly
    what the migrations made. Autouse, so it runs before the test's other fixtures make
    their people and places."""
    if "committed_db" not in request.fixturenames:
        return
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    request.getfixturevalue("transactional_db")
    migrated = request.getfixturevalue("_migrated_data")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(migrated)
    # The rows came back with their ids; PostgreSQL's sequences must move past them.
    models = apps.get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


class TaskQueue:
    """Lets a test wait until the tasks it caused have run, wherever they run."""

    def __init__(self, worker):
        self.worker = worker

    def wait(self):
        """Return once every task enqueued so far has run. In-process (eager) they already
        have."""
        if self.worker is not None:
            _wait_for_running_worker()


@pytest.fixture
def task_queue(committed_db, celery_worker):
    """For tests whose actions enqueue Celery tasks (e-mails): a real worker on the broker
    when one is configured, with the committed data it needs; call `task_queue.wait()`
    before looking at what the tasks did."""
    return TaskQueue(celery_worker)


class _Outbox:
    """pytest-django's outbox, read only once the queued tasks that send mail have run."""

    def __init__(self, queue):
        self._queue = queue

    def _messages(self):
        from django.core import mail

        self._queue.wait()
        return mail.outbox

    def __len__(self):
        return len(self._messages())

    def __iter__(self):
        return iter(list(self._messages()))

    def __getitem__(self, index):
        return self._messages()[index]

    def __eq__(self, other):
        return list(self._messages()) == other

    def __repr__(self):
        return repr(self._messages())

    def clear(self):
        self._messages().clear()


@pytest.fixture
def mailoutbox(django_mail_patch_dns, _dj_autoclear_mailbox, task_queue):
    """E-mail is sent by Celery tasks: in-process by default, by a real worker on the broker
    in CI. Either way a test reads the outbox after the tasks it caused have finished."""
    return _Outbox(task_queue)


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real Celery worker on the configured broker, or nothing where tasks run eagerly.

    Tests that enqueue work ask for this, and must use `committed_db` so the worker's own
    database connection sees what the test committed.
    """
    from django.conf import settings

    if settings.CELERY_TASK_ALWAYS_EAGER:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from clinic.celery import app

    # Results stay in this process, where the test waiting for them runs.
    app.conf.result_backend = "cache+memory://"
    with django_db_blocker.unblock(), start_worker(app, pool="solo", perform_ping_check=False) as w:
        _running_worker.append(w)
        yield w
        _running_worker.clear()
