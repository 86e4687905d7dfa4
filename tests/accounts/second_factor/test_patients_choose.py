"""Two-step sign-in offered to patients: a patient turns it on by linking an app; from then
on a password alone no longer opens their records; they can turn it off again."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.second_factor.helpers import sent_to_second_step
from tests.logins import code_now, log_in

pytestmark = pytest.mark.django_db

PAGE = "/accounts/two-step/mine/"
DASHBOARD = "/dashboard/"


def turn_on(client, patient):
    client.force_login(patient)
    started = client.post(PAGE, {"turn": "on"})
    client.get(started["Location"])
    device = TOTPDevice.objects.get(user=patient, confirmed=False)
    done = client.post(started["Location"], {"code": code_now(device)})
    return started, done


def test_a_patient_without_it_signs_in_with_the_password_and_is_offered_it(client, patient):
    client.force_login(patient)

    page = client.get(PAGE)

    assert "Turn two-step sign-in on" in page.text
    assert client.get(DASHBOARD).status_code == 200


def test_a_patient_turns_it_on_and_then_needs_a_code(client, patient):
    started, done = turn_on(client, patient)

    patient.refresh_from_db()
    assert started["Location"].startswith(reverse("second_factor_setup"))
    assert "backup" in done.text.lower()  # the sheet of backup codes, shown once
    assert patient.second_factor_chosen
    later = Client()
    later.force_login(patient)  # the password, on another day
    assert sent_to_second_step(later.get(DASHBOARD), DASHBOARD)


def test_a_patient_who_gives_up_halfway_is_not_asked_for_codes(client, patient):
    client.force_login(patient)
    client.get(client.post(PAGE, {"turn": "on"})["Location"])  # shown the QR code, then left

    patient.refresh_from_db()
    later = Client()
    later.force_login(patient)
    assert not patient.second_factor_chosen
    assert later.get(DASHBOARD).status_code == 200


def test_a_patient_signed_in_with_the_code_turns_it_off(client, patient):
    turn_on(client, patient)

    response = client.post(PAGE, {"turn": "off"}, follow=True)

    patient.refresh_from_db()
    assert "Two-step sign-in is off" in response.text
    assert not patient.second_factor_chosen
    assert not TOTPDevice.objects.filter(user=patient).exists()


def test_staff_are_sent_to_their_own_settings(client, clinician):
    log_in(client, clinician)

    response = client.get(PAGE)

    assert response["Location"] == reverse("second_factor_settings")
