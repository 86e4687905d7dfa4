"""Mistakes in an intake step are explained beside the field, with the typing kept."""

from datetime import date, timedelta

import pytest

from tests.patients.intake.helpers import (
    ABOUT_YOU,
    PEOPLE,
    care,
    field_errors,
    identity,
    input_value,
    step_url,
    the_patient,
    today,
    years_ago,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("birth", "message"),
    [
        (years_ago(17), "Our clinic treats adults only: patients must be 18 or older."),
        (years_ago(18) + timedelta(days=1), "Our clinic treats adults only"),
        ("1980-02-30", "the day does not exist in that month"),
        ("30/02/1980", "That is not a date we can read"),
        (date.today() + timedelta(days=2), "A date of birth cannot be in the future."),  # noqa: DTZ011
        ("1850-01-01", "Please check the year of birth."),
    ],
    ids=["seventeen", "a day short of eighteen", "no such day", "unreadable", "future", "1850"],
)
def test_a_wrong_date_of_birth_is_explained_and_the_typing_kept(
    as_patient, patient, birth, message
):
    typed = birth.isoformat() if isinstance(birth, date) else birth

    response = as_patient.post(step_url("about-you"), {**ABOUT_YOU, "date_of_birth": typed})

    assert response.status_code == 200
    [error] = field_errors(response.text, "date_of_birth")
    assert message in error
    assert input_value(response.text, "date_of_birth") == typed
    assert input_value(response.text, "legal_first_name") == "Zephyrine"
    assert input_value(response.text, "street_address") == "12 Elm Street"
    saved = the_patient(patient)
    assert saved.date_of_birth is None
    assert saved.intake_steps_done == []


def test_a_patient_who_is_eighteen_today_is_accepted(as_patient, patient):
    response = as_patient.post(
        step_url("about-you"), {**ABOUT_YOU, "date_of_birth": years_ago(18).isoformat()}
    )

    assert response.status_code == 302
    assert the_patient(patient).date_of_birth == years_ago(18)


@pytest.mark.parametrize(
    ("slug", "field", "data"),
    [
        ("about-you", "phone", ABOUT_YOU),
        ("people", "emergency_contact_phone", PEOPLE),
        ("people", "escort_phone", PEOPLE),
    ],
)
def test_a_phone_number_nobody_could_call_is_explained(as_patient, patient, slug, field, data):
    response = as_patient.post(step_url(slug), {**data, field: "555-01"})

    assert response.status_code == 200
    assert field_errors(response.text, field) == [
        "Enter a phone number we can call, such as (555) 010-0142 or +1 555 010 0142."
    ]
    assert input_value(response.text, field) == "555-01"
    assert the_patient(patient).intake_steps_done == []


def test_missing_required_fields_are_named_one_by_one(as_patient, patient):
    response = as_patient.post(step_url("people"), {"escort_name": "Morgan Ashcombe"})

    for field in (
        "emergency_contact_name",
        "emergency_contact_phone",
        "emergency_contact_relationship",
        "escort_phone",
    ):
        assert field_errors(response.text, field) == ["This field is required."], field
    assert field_errors(response.text, "escort_name") == []
    assert input_value(response.text, "escort_name") == "Morgan Ashcombe"


def test_an_expired_id_is_refused_with_the_reason(as_patient, patient):
    yesterday = today() - timedelta(days=1)

    response = as_patient.post(step_url("identity"), identity(expiry=yesterday))

    assert response.status_code == 200
    [error] = field_errors(response.text, "id_document_expiry")
    assert error.startswith("This ID has expired.")
    assert input_value(response.text, "id_document_expiry") == yesterday.isoformat()
    assert the_patient(patient).id_document_expiry is None


def test_care_needs_a_condition_ticked_or_described(as_patient, patient, location):
    response = as_patient.post(step_url("care"), {**care(location), "pain_conditions": []})

    assert field_errors(response.text, "other_condition") == [
        "Tick at least one condition, or describe yours in your own words."
    ]
    assert the_patient(patient).conditions == []
