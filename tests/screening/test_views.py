"""The screening pages: the patient's questionnaire, the crisis page and the reply to a
clinician's question; the clinicians' queue and review.

Only patients answer; only clinicians and clinic admins read answers, and every opening of a
review is written to the access log; only clinicians decide. The front desk learns whether a
patient is cleared, never why.
"""

import html
import re

import pytest
from django.urls import reverse

from clinic.audit.models import AccessEvent
from screening.models import Screening, ScreeningDecision
from screening.questions import DEFAULT_QUESTIONS, YES_NO
from tests.access import ALLOWED, FORBIDDEN, REDIRECT, assert_responds, matrix
from tests.logins import log_in
from tests.screening.factories import MedicationFactory, PatientFactory, decide, submit

pytestmark = pytest.mark.django_db

Outcome = ScreeningDecision.Outcome
READERS = ("clinician", "clinic_admin")

MISSING = "Please answer this question."
OVERRIDE_NEEDED = "This screening has an absolute or urgent flag. To clear it, write why"
PREGNANCY_REASON = "Pregnant or possibly pregnant."
QUESTION = "Which dose of Xanax do you take, and how often?"


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


def crisis_resources(page):
    """(opening tag, whole block) of the crisis resources; every questionnaire carries them,
    hidden until an answer calls for them."""
    block = re.search(r'(<div[^>]*id="crisis-resources"[^>]*>).*?</div>', page, re.S)
    return block.group(1), block.group(0)


def field_block(page, name):
    """The HTML crispy renders for one field of the decision form, label to error."""
    return re.search(rf'<div id="div_id_{name}".*?(?=<div id="div_id_|</form>)', page, re.S).group(
        0
    )


@pytest.fixture
def record(patient):
    """The patient persona's finished intake: taking Xanax, named so a test can look for it."""
    record = PatientFactory(user=patient, legal_first_name="Marisol", legal_last_name="Quenby-Test")
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg", frequency="twice daily")
    return record


@pytest.fixture
def screening(record):
    """The persona's answers, "yes" to pregnancy (absolute), waiting for a clinician."""
    return submit(record, pregnant="yes", pain_score=6)


@pytest.fixture
def asked(screening, clinician):
    """The clinician asked the patient a question; the screening waits for the answer."""
    return decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient=QUESTION)


# Who may open each page --------------------------------------------------------------------


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


# The questionnaire -------------------------------------------------------------------------


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


# The review --------------------------------------------------------------------------------


def test_the_clinicians_question_reaches_the_dashboard_and_the_reply_returns_to_the_queue(
    client, clinician, patient, screening
):
    review_url = reverse("screening:review", args=[screening.pk])
    log_in(client, clinician)
    asked = client.post(
        review_url,
        {
            "outcome": Outcome.INFO_REQUESTED,
            "note": "Need the benzodiazepine dose.",
            "question_for_patient": QUESTION,
        },
    )
    assert asked["Location"] == reverse("screening:queue")
    assert "Marisol Quenby-Test" not in re.search(
        r"<tbody>.*?</tbody>", client.get(reverse("screening:queue")).text, re.S
    ).group(0)

    log_in(client, patient)
    dashboard = html.unescape(client.get(reverse("patients:dashboard")).text)
    assert QUESTION in dashboard
    assert reverse("screening:reply") in dashboard
    replied = client.post(reverse("screening:reply"), {"reply": "0.5 mg, twice a day."})
    assert replied["Location"] == reverse("patients:dashboard")
    assert QUESTION not in html.unescape(client.get(reverse("patients:dashboard")).text)

    log_in(client, clinician)
    queue = client.get(reverse("screening:queue")).text
    assert "Marisol Quenby-Test" in re.search(r"<tbody>.*?</tbody>", queue, re.S).group(0)
    review = client.get(review_url).text
    assert "0.5 mg, twice a day." in review
    screening.refresh_from_db()
    assert screening.status == Screening.Status.PENDING_REVIEW


def test_clearing_past_an_absolute_flag_needs_a_reason_written_by_the_override_field(
    client_as, screening
):
    url = reverse("screening:review", args=[screening.pk])
    client = client_as("clinician")

    response = client.post(
        url, {"outcome": Outcome.CLEARED, "note": "Negative test at the clinic today."}
    )

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert OVERRIDE_NEEDED in field_block(page, "override_reason")
    assert OVERRIDE_NEEDED not in field_block(page, "note")
    assert "Negative test at the clinic today.</textarea>" in field_block(page, "note")
    assert re.search(r'value="cleared"[^>]*\bchecked\b', field_block(page, "outcome"))
    screening.refresh_from_db()
    assert screening.status == Screening.Status.PENDING_REVIEW
    assert not screening.decisions.exists()

    cleared = client.post(
        url,
        {
            "outcome": Outcome.CLEARED,
            "note": "Negative test at the clinic today.",
            "override_reason": "Pregnancy ruled out by a test on site.",
        },
    )

    assert cleared["Location"] == reverse("screening:queue")
    screening.refresh_from_db()
    assert screening.status == Screening.Status.CLEARED
    assert screening.decisions.get().override_reason == "Pregnancy ruled out by a test on site."


def test_a_reply_sent_twice_is_answered_without_an_error(client_as, patient, clinician):
    record = PatientFactory(user=patient)
    decide(submit(record), clinician, "info_requested", question_for_patient=QUESTION)
    client = client_as("patient")

    first = client.post(reverse("screening:reply"), {"reply": "0.5 mg twice a day."})
    second = client.post(reverse("screening:reply"), {"reply": "0.5 mg twice a day."})

    assert first.status_code == second.status_code == 302
    assert Screening.objects.get().status == Screening.Status.PENDING_REVIEW


def test_the_crisis_page_says_the_clinician_was_told_only_after_a_crisis_answer(client_as, patient):
    PatientFactory(user=patient)

    page = client_as("patient").get(reverse("screening:crisis"))

    assert page.status_code == 200
    assert "988" in page.text and "911" in page.text
    assert "on-call clinician has been told" not in page.text
