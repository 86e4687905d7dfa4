"""Pages that show a person's own or clinical records tell browsers and proxies to keep no
copy; public pages for visitors stay cacheable."""

import pytest
from django.urls import reverse

from patients.intake.steps import STEP_SLUGS
from tests.logins import log_in

pytestmark = pytest.mark.django_db

PATIENT_PAGES = [
    ("patients:dashboard", ()),
    ("patients:intake_step", (STEP_SLUGS[0],)),
    ("patients:consent_sign", ()),
    ("screening:questionnaire", ()),
    ("infusions:book", ()),
]
STAFF_PAGES = [
    ("infusions:staff_patients", ()),
    ("screening:queue", ()),
    ("patients:staff_consultations", ()),
]


def assert_not_kept(response):
    directives = {d.strip() for d in response.headers.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, response.headers.get("Cache-Control")


@pytest.mark.parametrize(("name", "args"), PATIENT_PAGES)
def test_a_patients_pages_are_not_kept(client, patient, name, args):
    log_in(client, patient)

    response = client.get(reverse(name, args=args))

    assert response.status_code in (200, 302)
    assert_not_kept(response)


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_staff_pages_are_not_kept(client, clinician, name, args):
    log_in(client, clinician)

    response = client.get(reverse(name, args=args))

    assert response.status_code == 200
    assert_not_kept(response)


def test_a_visitors_public_page_may_be_kept(client):
    response = client.get(reverse("content:home"))

    assert "no-store" not in response.headers.get("Cache-Control", "")
