"""An intake step sent after the session ended keeps the typing, for its owner only."""

import pytest
from django.urls import reverse

from patients.models import Medication, Patient
from tests.logins import log_in
from tests.patients.intake.helpers import (
    ABOUT_YOU,
    SERTRALINE,
    XANAX,
    input_value,
    medications,
    step_url,
    the_patient,
)

pytestmark = pytest.mark.django_db


def typed_while_logged_out(client, user, slug="about-you", data=ABOUT_YOU):
    """Open a step, lose the session, then send the step: what happens at a kitchen table
    when the session times out halfway through."""
    log_in(client, user)
    owner = input_value(client.get(step_url(slug)).text, "draft_owner")
    assert owner
    client.logout()
    return client.post(step_url(slug), {**data, "draft_owner": owner})


KEPT = "Your session had ended, so we kept what you typed. Check it and save."


def test_a_step_sent_after_the_session_ended_asks_to_log_in_and_keeps_the_typing(client, patient):
    response = typed_while_logged_out(client, patient)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={step_url('about-you')}"
    assert not Patient.objects.filter(legal_last_name="Ashcombe").exists()

    log_in(client, patient)
    page = client.get(step_url("about-you")).text

    assert KEPT in page
    assert input_value(page, "legal_first_name") == "Zephyrine"
    assert input_value(page, "street_address") == "12 Elm Street"
    assert input_value(page, "date_of_birth") == "1980-05-17"
    # Kept for checking, not saved behind the patient's back.
    assert the_patient(patient).intake_steps_done == []
    # Shown once: the next visit shows what is saved.
    assert KEPT not in client.get(step_url("about-you")).text


def test_the_kept_medication_list_comes_back_too(client, patient):
    typed_while_logged_out(client, patient, slug="medications", data=medications(SERTRALINE, XANAX))

    log_in(client, patient)
    page = client.get(step_url("medications")).text

    assert KEPT in page
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    assert not Medication.objects.exists()


def test_someone_else_logging_in_on_the_same_computer_never_sees_the_typing(
    client, patient, other_patient
):
    typed_while_logged_out(client, patient)

    log_in(client, other_patient)
    page = client.get(step_url("about-you")).text

    assert KEPT not in page
    assert "Zephyrine" not in page
    assert "12 Elm Street" not in page
    # Nor later, once the first patient logs back in on another computer.
    log_in(client, patient)
    assert "12 Elm Street" not in client.get(step_url("about-you")).text


def test_a_step_sent_logged_out_without_a_genuine_owner_keeps_nothing(client, patient):
    client.post(step_url("about-you"), {**ABOUT_YOU, "draft_owner": "MQ:forged:signature"})

    log_in(client, patient)
    page = client.get(step_url("about-you")).text

    assert KEPT not in page
    assert "12 Elm Street" not in page
