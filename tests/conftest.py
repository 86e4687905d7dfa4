"""Personas every test can ask for by name: a patient, another patient, front desk, clinician,
clinic admin, and the anonymous visitor (the plain `client`)."""

import pytest

from clinic.accounts.roles import Role
from tests.factories import UserFactory


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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher takes most of a second per password on purpose. Logging in
    # still checks the password against its hash, only with a cheap algorithm.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Public pages are cached; no test may see another test's pages.
    from django.core.cache import cache

    cache.clear()


PERSONAS = ("anonymous", "patient", "front_desk", "clinician", "clinic_admin")


@pytest.fixture
def client_as(client, request):
    """client_as("clinician") -> a test client logged in as that persona."""

    def _login(persona):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return _login


def pytest_configure(config):
    # The test client and live server speak plain http; production redirects to https.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


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


@pytest.fixture
def committed_db(transactional_db, _migrated_data):
    """A database whose writes are really committed, so another thread (the live server, a
    Celery worker) sees them. Such a test ends by emptying every table (and Django then
    remakes content types under new ids); this empties it again without that and puts
    back exactly what the migrations made, before each one starts."""
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(_migrated_data)


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

    with django_db_blocker.unblock(), start_worker(app, pool="solo", perform_ping_check=False) as w:
        yield w
