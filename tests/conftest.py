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


@pytest.fixture
def committed_db(django_db_serialized_rollback, transactional_db):
    """A database whose writes are really committed, so another thread (the live server, a
    Celery worker) sees them; afterwards it is restored with what the migrations made (roles,
    default content), which a plain transactional test would flush away."""


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
