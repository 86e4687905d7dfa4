"""The clinician's review: asking the patient, their reply, clearing past a grave flag."""

import html
import re

import pytest
from django.urls import reverse

from screening.models import Screening
from tests.logins import log_in
from tests.screening.factories import PatientFactory, decide, submit
from tests.screening.views.helpers import QUESTION, Outcome

pytestmark = pytest.mark.django_db

OVERRIDE_NEEDED = "This screening has an absolute or urgent flag. To clear it, write why"


def field_block(page, name):
    """The HTML crispy renders for one field of the decision form, label to error."""
    return re.search(rf'<div id="div_id_{name}".*?(?=<div id="div_id_|</form>)', page, re.S).group(
        0
    )


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


def test_an_over_long_reply_is_explained_beside_the_field_and_not_sent(client_as, asked):
    client = client_as("patient")

    response = client.post(reverse("screening:reply"), {"reply": "x" * 4001})

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert re.search(
        r'id="error_\d+_id_reply"><strong>Please shorten this to 4,000 characters or fewer '
        r"\(it has 4,001\)",
        page,
    )
    # The browser is not told the limit, so a paste is never cut short without a word.
    assert "maxlength" not in re.search(r"<textarea[^>]*>", page).group(0)
    asked.refresh_from_db()
    assert asked.status == Screening.Status.INFO_REQUESTED


def test_a_reply_keeps_its_lines_without_invisible_direction_characters(client_as, asked):
    client = client_as("patient")

    client.post(reverse("screening:reply"), {"reply": "0.5 mg\u202e twice\na day."})

    assert asked.decisions.last().patient_reply == "0.5 mg twice\na day."
