"""The outcomes pages: the questions a reminder's link opens without a login (the infusion's
time and place, nothing of the patient's records), the patient's own progress, and a
clinician's view of one patient's trend, which is logged."""

import html
import re

import pytest
from django.urls import reverse

from clinic.audit.models import AccessEvent
from clinic.lib.signed_links import make_token, read_token
from infusions.booking.services import infusion_cancel
from infusions.models import OutcomeCheck
from infusions.outcomes.links import OUTCOMES_LINK, outcomes_check_path, outcomes_check_url
from infusions.outcomes.services import outcome_check_save
from infusions.reminders.content import CHECKLIST_LINK
from tests.access import ALLOWED, assert_responds, matrix
from tests.screening.factories import PatientFactory

from .conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(booked):
    return outcomes_check_path(booked.pk)


def page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def crisis_shown(response) -> bool:
    return re.search(r'id="crisis-resources"(?! hidden)', response.text) is not None


def test_the_link_carries_only_the_infusion(booked):
    token = re.search(r"/infusions/how-are-you/([^/]+)/$", outcomes_check_url(booked.pk)).group(1)

    assert read_token(OUTCOMES_LINK, token) == booked.pk
    assert outcomes_check_url(booked.pk).startswith("http")


def test_the_link_opens_without_a_login_and_shows_only_the_questions_time_and_place(
    client, booked, url, monday
):
    outcome_check_save(booked, answers=answers(phq9=3, gad7=3, pain=9))
    # A generated name could be a word of the page (such as "Little"): give a distinct one.
    booked.patient.legal_last_name = "Qxzvlast"
    booked.patient.save(update_fields=["legal_last_name"])

    response = client.get(url)

    assert response.status_code == 200
    text = page_text(response)
    assert f"{monday:%A, %B} {monday.day}, {monday.year} at 10:00 AM (Eastern time)" in text
    assert "Little interest or pleasure in doing things" in text
    assert "Not being able to stop or control worrying" in text
    patient = booked.patient
    # The generated name could be a word of the page (such as "Little"): test a distinct one.
    assert "Qxzvlast" not in response.text
    for private in (patient.user.email, "Migraine", "Baseline"):
        assert private not in response.text
    assert " checked" not in response.text  # the earlier answers are not shown
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "make",
    [lambda pk: "nonsense", lambda pk: make_token(CHECKLIST_LINK, pk)],
    ids=["forged", "foreign"],
)
def test_a_forged_or_foreign_link_is_not_found(client, booked, make):
    response = client.get(reverse("infusions:outcomes_check", args=[make(booked.pk)]))

    assert response.status_code == 404


def test_the_patient_answers_and_the_clinic_has_the_totals(client, booked, url):
    response = client.post(url, answers(phq9=1, gad7=2, pain=4), follow=True)

    assert "Thank you: your answers are with the clinic." in response.text
    check = OutcomeCheck.objects.get(appointment=booked)
    assert (check.phq9_total, check.gad7_total, check.pain_score) == (8, 14, 4)
    assert not crisis_shown(response)


def test_thoughts_of_self_harm_show_the_crisis_resources_after_sending(client, url):
    response = client.post(url, answers(phq9=0, gad7=0, pain=0, phq9_9=1), follow=True)

    assert crisis_shown(response)
    assert not crisis_shown(client.get(url))  # once, not on every later visit


def test_a_missing_answer_is_explained_by_its_question_and_the_others_are_kept(client, booked, url):
    given = answers(phq9=2, gad7=1, pain=6)
    del given["gad7_3"]

    response = client.post(url, given)

    assert response.status_code == 400
    error = re.search(r'id="gad7_3-error">([^<]*)<', response.text)
    assert error and error.group(1) == "Please answer this question."
    assert re.search(r'name="phq9_1" id="[^"]+" value="2" checked', response.text)
    assert re.search(r'name="pain_score" id="[^"]+" value="6" checked', response.text)
    assert not OutcomeCheck.objects.exists()


def test_a_cancelled_infusion_takes_no_answers(client, booked, url, front_desk):
    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    response = client.post(url, answers())

    assert "nothing to answer here" in page_text(response)
    assert not OutcomeCheck.objects.exists()


# The patient's own progress page.


def test_the_patient_sees_their_trend_and_a_link_for_the_next_infusion(client_as, booked):
    outcome_check_save(booked, answers=answers(phq9=1, gad7=1, pain=4))

    response = client_as("patient").get(reverse("infusions:my_progress"))

    assert response.status_code == 200
    text = page_text(response)
    assert "Baseline 16" in text and "Infusion 1," in text
    assert "PHQ-9 item 9" not in text
    token = re.search(r'href="/infusions/how-are-you/([^/"]+)/"', response.text).group(1)
    assert read_token(OUTCOMES_LINK, token) == booked.pk


def test_with_nothing_booked_there_is_no_link_to_answer(client_as, booked, front_desk):
    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    response = client_as("patient").get(reverse("infusions:my_progress"))

    assert response.status_code == 200
    assert "how-are-you" not in response.text
    assert "Baseline 16" in page_text(response)  # the screening is still the starting point


def test_a_second_patient_never_sees_the_first_ones_numbers(client_as, booked, other_patient):
    outcome_check_save(booked, answers=answers(phq9=1, gad7=1, pain=4))
    PatientFactory(user=other_patient)

    response = client_as("other_patient").get(reverse("infusions:my_progress"))

    assert response.status_code == 200
    assert "No answers yet" in response.text
    for theirs in ("Baseline 16", "Infusion 1,", "how-are-you", "<svg"):
        assert theirs not in response.text


@pytest.mark.parametrize("persona", ["front_desk", "clinician", "clinic_admin"])
def test_staff_have_no_progress_page_of_their_own(client_as, persona):
    assert client_as(persona).get(reverse("infusions:my_progress")).status_code == 403


# A clinician's view of one patient.


@pytest.mark.parametrize(("persona", "expected"), matrix(clinician=ALLOWED).items())
def test_only_clinicians_open_a_patients_outcomes(client_as, cleared, persona, expected):
    url = reverse("infusions:patient_outcomes", args=[cleared.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    opened = AccessEvent.objects.filter(patient=cleared, record="outcomes", action="viewed")
    assert opened.count() == (1 if expected == ALLOWED else 0)


def test_the_clinician_sees_the_trend_and_item_9(client_as, booked, clinician):
    outcome_check_save(booked, answers=answers(phq9=1, gad7=1, pain=4, phq9_9=2))

    response = client_as("clinician").get(
        reverse("infusions:patient_outcomes", args=[booked.patient.pk])
    )

    text = page_text(response)
    assert booked.patient.legal_last_name in text
    assert "Baseline 16" in text and "Infusion 1," in text
    assert "Above “not at all”: ask before the infusion" in text
    assert AccessEvent.objects.get(patient=booked.patient, record="outcomes").actor == clinician


def test_an_unknown_patient_is_not_found(client_as):
    response = client_as("clinician").get(reverse("infusions:patient_outcomes", args=[999999]))

    assert response.status_code == 404


def test_the_questions_take_thirty_answers_an_hour_from_one_address(client, url):
    for _ in range(30):
        client.post(url, {})

    assert client.post(url, {}).status_code == 429
