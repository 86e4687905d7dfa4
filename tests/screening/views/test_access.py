"""Who may open each screening page, the access log, and what the front desk may know."""

import html

import pytest
from django.urls import reverse

from clinic.audit.models import AccessEvent
from screening.models import Screening
from tests.access import ALLOWED, FORBIDDEN, REDIRECT, assert_responds, matrix
from tests.screening.views.helpers import Outcome, crisis_resources

pytestmark = pytest.mark.django_db

READERS = ("clinician", "clinic_admin")

PREGNANCY_REASON = "Pregnant or possibly pregnant."


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_the_questionnaire(client_as, record, persona, expected):
    url = reverse("screening:questionnaire")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    if expected == ALLOWED:
        assert "Send my answers" in response.text


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_the_crisis_page(client_as, record, persona, expected):
    url = reverse("screening:crisis")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    if expected == ALLOWED:
        tag, resources = crisis_resources(response.text)
        assert " hidden" not in tag
        assert 'href="tel:911"' in resources
        assert 'href="tel:988"' in resources


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=REDIRECT).items())
def test_only_the_patient_asked_sends_a_reply(client_as, asked, persona, expected):
    url = reverse("screening:reply")

    response = client_as(persona).post(url, {"reply": "0.5 mg, twice a day."})

    assert_responds(response, url, expected)
    asked.refresh_from_db()
    if expected == REDIRECT:
        assert response["Location"] == reverse("patients:dashboard")
        assert asked.status == Screening.Status.PENDING_REVIEW
    else:
        assert asked.status == Screening.Status.INFO_REQUESTED
        assert asked.decisions.last().patient_reply == ""


@pytest.mark.parametrize(
    ("persona", "expected"), matrix(clinician=ALLOWED, clinic_admin=ALLOWED).items()
)
def test_only_clinicians_and_clinic_admins_open_the_queue(client_as, screening, persona, expected):
    url = reverse("screening:queue")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Marisol Quenby-Test" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"), matrix(clinician=ALLOWED, clinic_admin=ALLOWED).items()
)
def test_only_clinicians_and_clinic_admins_open_a_review(client_as, screening, persona, expected):
    url = reverse("screening:review", args=[screening.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert (PREGNANCY_REASON in response.text) == (expected == ALLOWED)
    # A refused visitor saw nothing, so nothing is logged.
    assert AccessEvent.objects.count() == (1 if expected == ALLOWED else 0)


@pytest.mark.parametrize(("persona", "expected"), matrix(clinician=REDIRECT).items())
def test_only_a_clinician_records_a_decision(client_as, screening, persona, expected):
    url = reverse("screening:review", args=[screening.pk])

    response = client_as(persona).post(
        url, {"outcome": Outcome.DECLINED, "note": "Pregnant: no ketamine for now."}
    )

    assert_responds(response, url, expected)
    screening.refresh_from_db()
    if expected == REDIRECT:
        assert response["Location"] == reverse("screening:queue")
        assert screening.status == Screening.Status.DECLINED
    else:
        assert screening.status == Screening.Status.PENDING_REVIEW
        assert not screening.decisions.exists()


def test_a_clinic_admin_reads_a_review_without_the_decision_form(client_as, screening):
    page = client_as("clinic_admin").get(reverse("screening:review", args=[screening.pk])).text

    assert PREGNANCY_REASON in page
    assert "Record decision" not in page


# The access log ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_each_opening_of_a_review_writes_one_access_event_naming_viewer_and_patient(
    client_as, screening, record, persona, request
):
    viewer = request.getfixturevalue(persona)
    client = client_as(persona)
    url = reverse("screening:review", args=[screening.pk])

    client.get(url)
    client.get(url)

    events = list(AccessEvent.objects.order_by("pk"))
    assert len(events) == 2
    for event in events:
        assert event.actor == viewer
        assert event.patient == record
        assert event.record == f"screening {screening.pk}"
        assert event.action == "viewed"


def test_the_queue_alone_writes_no_access_event(client_as, screening):
    client_as("clinician").get(reverse("screening:queue"))

    assert not AccessEvent.objects.exists()


# What the front desk may know --------------------------------------------------------------


def test_the_front_desk_sees_whether_a_patient_is_cleared_never_why(client_as, screening):
    page = html.unescape(client_as("front_desk").get(reverse("infusions:staff_patients")).text)

    assert "Marisol Quenby-Test" in page
    assert "Pending" in page
    for secret in (
        PREGNANCY_REASON,
        "Are you pregnant",  # the question itself
        "pregnan",
        "benzodiazepine",
        "Xanax",
        "Absolute",
        reverse("screening:review", args=[screening.pk]),
    ):
        assert secret.lower() not in page.lower(), secret


def test_the_front_desk_is_refused_the_review_and_leaves_no_trace(client_as, screening):
    response = client_as("front_desk").get(reverse("screening:review", args=[screening.pk]))

    assert response.status_code == FORBIDDEN
    assert PREGNANCY_REASON not in response.text
    assert not AccessEvent.objects.exists()
