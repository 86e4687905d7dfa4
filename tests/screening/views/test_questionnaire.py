"""The patient's questionnaire and the crisis page."""

import re

import pytest
from django.urls import reverse

from screening.models import Screening
from screening.questions import DEFAULT_QUESTIONS, YES_NO
from tests.screening.factories import PatientFactory
from tests.screening.views.helpers import crisis_resources

pytestmark = pytest.mark.django_db

MISSING = "Please answer this question."


def calm_post(**overrides) -> dict:
    """What the questionnaire posts when every answer raises no flag; None leaves one out."""
    answers = {q.code: "no" if q.kind == YES_NO else "0" for q in DEFAULT_QUESTIONS}
    for code, value in overrides.items():
        if value is None:
            del answers[code]
        else:
            answers[code] = str(value)
    return answers


def fieldset(page, code):
    """The HTML of one question's fieldset on the questionnaire."""
    return re.search(rf'<fieldset[^>]*id="q-{code}".*?</fieldset>', page, re.S).group(0)


def is_checked(page, code, value):
    return bool(re.search(rf'name="{code}"[^>]*value="{value}"[^>]*\bchecked\b', page))


def test_a_missing_answer_is_marked_by_its_question_and_every_other_answer_stays_checked(
    client_as, record
):
    answers = calm_post(pregnant=None, breastfeeding="yes", phq9_1=2, gad7_3=3, pain_score=7)

    response = client_as("patient").post(reverse("screening:questionnaire"), answers)

    assert response.status_code == 200
    page = response.text
    assert MISSING in fieldset(page, "pregnant")
    assert page.count(MISSING) == 1
    assert not is_checked(page, "pregnant", "yes")
    assert not is_checked(page, "pregnant", "no")
    for code, value in answers.items():
        assert is_checked(page, code, value), code
    assert not Screening.objects.exists()


@pytest.mark.parametrize("crisis_answer", [{"suicidal_thoughts": "yes"}, {"phq9_9": 1}])
def test_a_crisis_answer_on_an_incomplete_form_shows_the_crisis_resources(
    client_as, record, crisis_answer
):
    answers = calm_post(pain_score=None, **crisis_answer)

    page = client_as("patient").post(reverse("screening:questionnaire"), answers).text

    tag, resources = crisis_resources(page)
    assert " hidden" not in tag
    assert 'href="tel:911"' in resources
    assert 'href="tel:988"' in resources
    assert MISSING in fieldset(page, "pain_score")
    assert not Screening.objects.exists()


def test_an_incomplete_form_without_a_crisis_answer_keeps_the_resources_hidden(client_as, record):
    page = client_as("patient").post(reverse("screening:questionnaire"), calm_post(pain_score=None))

    tag, _ = crisis_resources(page.text)
    assert " hidden" in tag


def test_a_complete_crisis_submission_opens_the_crisis_page_and_alerts_without_the_name(
    client_as, record, clinician, mailoutbox
):
    response = client_as("patient").post(
        reverse("screening:questionnaire"), calm_post(suicidal_thoughts="yes", pain_score=3)
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("screening:crisis")
    screening = Screening.objects.get(patient=record)
    assert screening.priority == Screening.PRIORITY["urgent"]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [clinician.email]
    assert reverse("screening:review", args=[screening.pk]) in mail.body
    for detail in ("Marisol", "Quenby", record.user.email, "Xanax"):
        assert detail not in mail.subject
        assert detail not in mail.body


def test_a_complete_calm_submission_goes_to_the_dashboard_and_alerts_nobody(
    client_as, record, clinician, mailoutbox
):
    response = client_as("patient").post(reverse("screening:questionnaire"), calm_post())

    assert response["Location"] == reverse("patients:dashboard")
    assert Screening.objects.get(patient=record).status == Screening.Status.PENDING_REVIEW
    assert len(mailoutbox) == 0


def test_a_patient_answers_only_after_finishing_the_intake(client_as, patient):
    PatientFactory(user=patient, intake_completed_at=None, takes_no_medications=None)
    client = client_as("patient")
    url = reverse("screening:questionnaire")

    opened = client.get(url)
    sent = client.post(url, calm_post())

    assert opened["Location"] == reverse("patients:dashboard")
    assert sent["Location"] == reverse("patients:dashboard")
    assert not Screening.objects.exists()


def test_a_second_visit_after_sending_goes_to_the_dashboard(client_as, record):
    client = client_as("patient")
    url = reverse("screening:questionnaire")
    client.post(url, calm_post())

    again = client.get(url)
    resent = client.post(url, calm_post(pregnant="yes"))

    assert again["Location"] == reverse("patients:dashboard")
    assert resent["Location"] == reverse("patients:dashboard")
    screening = Screening.objects.get(patient=record)
    assert screening.answers["pregnant"] == "no"


def test_the_crisis_page_says_the_clinician_was_told_only_after_a_crisis_answer(client_as, patient):
    PatientFactory(user=patient)

    page = client_as("patient").get(reverse("screening:crisis"))

    assert page.status_code == 200
    assert "988" in page.text and "911" in page.text
    assert "on-call clinician has been told" not in page.text
