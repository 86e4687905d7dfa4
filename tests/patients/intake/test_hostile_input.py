"""The intake answers odd input with a message, never a server error; no log carries what
was typed; names lose invisible direction characters; notes have a length they say."""

import html
import logging
import re

import pytest
from django.urls import reverse

from patients.models import Medication, Patient
from tests.logins import log_in

pytestmark = pytest.mark.django_db

ABOUT_YOU = {
    "legal_first_name": "Zephyrine",
    "legal_last_name": "Ashcombe",
    "preferred_name": "",
    "date_of_birth": "1980-05-17",
    "phone": "(860) 555-0142",
    "street_address": "12 Elm Street",
    "city": "Hartford",
    "state": "CT",
    "postal_code": "06103",
}
HEALTH = {"medical_history": "Appendix out in 2001.", "allergies": "Penicillin: a rash."}
ROW_SENT_BACK = (
    "The list did not come back as the page sent it, so nothing was saved. Please open the "
    "step again and write the list once more."
)


@pytest.fixture
def as_patient(client, patient):
    return log_in(client, patient)


def step_url(slug):
    return reverse("patients:intake_step", args=[slug])


def the_patient(user):
    return Patient.objects.get(user=user)


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


def answer_error(page):
    match = re.search(r'id="medications-error">(.*?)</div>', page, re.S)
    return html.unescape(match.group(1)) if match else None


def medications(total_forms: str, **extra) -> dict:
    return {
        "med-TOTAL_FORMS": total_forms,
        "med-INITIAL_FORMS": "0",
        "med-MIN_NUM_FORMS": "0",
        "med-MAX_NUM_FORMS": "1000",
        "med-0-name": "Sertraline",
        **extra,
    }


@pytest.mark.parametrize("adding_a_row", [False, True], ids=["saving", "adding-a-row"])
@pytest.mark.parametrize(
    "total_forms",
    ["two", "²", "1000000000", "NOT-A-NUMBER-" + "x" * 1_000_000],
    ids=["word", "superscript-two", "beyond-any-list", "a-megabyte"],
)
def test_a_row_count_that_cannot_be_the_pages_is_explained_and_never_logged(
    as_patient, patient, caplog, total_forms, adding_a_row
):
    data = medications(total_forms, **({"add_row": "1"} if adding_a_row else {}))

    with caplog.at_level(logging.DEBUG):
        response = as_patient.post(step_url("medications"), data)

    assert response.status_code == 200
    assert answer_error(response.text) == ROW_SENT_BACK
    assert not Medication.objects.exists()
    assert "medications" not in the_patient(patient).intake_steps_done
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert total_forms not in logged
    assert "NOT-A-NUMBER" not in logged


def test_a_name_is_kept_without_its_invisible_direction_characters(as_patient, patient):
    response = as_patient.post(
        step_url("about-you"),
        {**ABOUT_YOU, "legal_first_name": "Zeph\u202eyrine", "preferred_name": "\u2067Zeph\u2069"},
    )

    assert response.status_code == 302
    saved = the_patient(patient)
    assert (saved.legal_first_name, saved.preferred_name) == ("Zephyrine", "Zeph")


def test_a_medical_history_keeps_its_line_breaks_but_not_a_direction_override(as_patient, patient):
    response = as_patient.post(
        step_url("health"),
        {**HEALTH, "medical_history": "Appendix out in 2001.\r\n\u202eAsthma as a child."},
    )

    assert response.status_code == 302
    assert the_patient(patient).medical_history == "Appendix out in 2001.\r\nAsthma as a child."


@pytest.mark.parametrize(
    ("field", "limit", "said"), [("medical_history", 4000, "4,000"), ("allergies", 2000, "2,000")]
)
def test_an_over_long_note_is_explained_and_kept_for_shortening(
    as_patient, patient, field, limit, said
):
    typed = ("Penicillin gives me a rash. " * (limit // 28 + 1)).strip()
    assert len(typed) > limit

    response = as_patient.post(step_url("health"), {**HEALTH, field: typed})

    assert response.status_code == 200
    assert field_errors(response.text, field) == [
        f"Please shorten this to {said} characters or fewer (it has {len(typed):,}); a "
        "clinician goes through the details with you."
    ]
    assert html.escape(typed) in response.text
    saved = the_patient(patient)
    assert (saved.medical_history, saved.allergies) == ("", "")
    assert "health" not in saved.intake_steps_done


@pytest.mark.parametrize(("field", "limit"), [("medical_history", 4000), ("allergies", 2000)])
def test_a_note_of_exactly_the_limit_is_saved(as_patient, patient, field, limit):
    response = as_patient.post(step_url("health"), {**HEALTH, field: "x" * limit})

    assert response.status_code == 302
    assert getattr(the_patient(patient), field) == "x" * limit
