"""The database is down: pages answer 503 "back soon" with a Retry-After, not a 500, and
/healthz says so (clinic/maintenance.py, clinic/health.py)."""

import logging
import socket
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connections
from django.db.utils import load_backend
from django.test import Client, RequestFactory
from django.urls import reverse

from clinic import maintenance
from tests.logins import log_in


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def default_database_unreachable(folder):
    """The default database, as every request and the health check reach it, swapped for one
    that cannot be reached: on SQLite a file in a folder that does not exist, on PostgreSQL
    a port where nothing listens. The test's own database is put back after."""
    working = connections["default"]
    unreachable = {**working.settings_dict, "OPTIONS": {**working.settings_dict["OPTIONS"]}}
    if working.vendor == "sqlite":
        unreachable["NAME"] = str(folder / "no-such-folder" / "db.sqlite3")
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(closed_port()))
        unreachable["OPTIONS"].pop("pool", None)
    broken = load_backend(unreachable["ENGINE"]).DatabaseWrapper(unreachable, alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = working


@pytest.fixture
def database_down(tmp_path):
    with default_database_unreachable(tmp_path):
        yield


def visitor():
    # Like a browser: the server's error becomes the page, not an exception in the test.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_a_page_answers_503_with_the_maintenance_page_while_the_database_is_down(
    database_down, caplog
):
    with caplog.at_level(logging.ERROR):
        response = visitor().get("/faq/?q=pat@example.com")

    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert "We are down for maintenance" in html
    assert "try again in a few minutes" in html
    assert "call 911" in html
    for leak in ("OperationalError", "Traceback", "sqlite", "5432"):
        assert leak not in html
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert [r.levelname for r in logged] == ["ERROR"]
    assert logged[0].getMessage() == "Service Unavailable: /faq/"
    assert "pat@example.com" not in caplog.text


@pytest.mark.django_db
def test_a_signed_in_person_gets_the_maintenance_page_too(patient, tmp_path):
    client = log_in(visitor(), patient)

    # Loading their session is the first thing to fail, before any view runs.
    with default_database_unreachable(tmp_path):
        response = client.get(reverse("patients:dashboard"))

    assert response.status_code == 503
    assert "We are down for maintenance" in response.text


@pytest.mark.django_db
def test_healthz_reports_the_database_unavailable(database_down):
    response = visitor().get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] is False
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_a_database_error_with_the_database_up_is_still_our_fault_and_a_500():
    # SQLite reports a missing table as an OperationalError; that is a bug, not maintenance.
    request = RequestFactory().get("/")
    try:
        raise OperationalError("no such table: clinic_missing")
    except OperationalError:
        response = maintenance.server_error(request)

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_other_errors_are_a_500():
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = maintenance.server_error(request)

    assert response.status_code == 500
