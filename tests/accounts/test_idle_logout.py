"""Staff are signed out after STAFF_IDLE_SECONDS without a request; patients are not; each
request keeps the session, and so does the warning's "Stay signed in"."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.access import assert_sent_to_login

pytestmark = pytest.mark.django_db

STAFF_HOME = "/staff/"


def test_a_member_of_staff_idle_too_long_is_signed_out_and_told_why(client_as, settings):
    settings.STAFF_IDLE_SECONDS = 15 * 60
    now = timezone.now()
    with time_machine.travel(now):
        client = client_as("front_desk")
        assert client.get(STAFF_HOME).status_code == 200

    with time_machine.travel(now + timedelta(minutes=16)):
        response = client.get(STAFF_HOME)
        page = client.get(response["Location"]).text

    assert_sent_to_login(response, STAFF_HOME)
    assert "signed out after 15 minutes without activity" in page
    assert "_auth_user_id" not in client.session


def test_each_request_keeps_the_staff_session(client_as, settings):
    settings.STAFF_IDLE_SECONDS = 15 * 60
    now = timezone.now()
    with time_machine.travel(now):
        client = client_as("clinician")
    for minutes in (10, 20, 30):
        with time_machine.travel(now + timedelta(minutes=minutes)):
            assert client.get(STAFF_HOME).status_code == 200


def test_stay_signed_in_keeps_the_session(client_as, settings):
    settings.STAFF_IDLE_SECONDS = 15 * 60
    now = timezone.now()
    with time_machine.travel(now):
        client = client_as("clinic_admin")
    with time_machine.travel(now + timedelta(minutes=14)):
        assert client.post(reverse("accounts:still_here")).status_code == 204
    with time_machine.travel(now + timedelta(minutes=28)):
        assert client.get(STAFF_HOME).status_code == 200


def test_staff_pages_carry_the_warning_and_patients_pages_do_not(client_as):
    staff = client_as("front_desk").get(STAFF_HOME).text
    client_as("anonymous").logout()
    patient = client_as("patient").get(reverse("accounts:home"), follow=True).text

    assert 'id="idle-warning"' in staff
    assert 'data-idle-seconds="900"' in staff
    assert 'id="idle-warning"' not in patient


def test_a_patient_is_not_signed_out_for_idling(client_as, settings):
    settings.STAFF_IDLE_SECONDS = 15 * 60
    now = timezone.now()
    with time_machine.travel(now):
        client = client_as("patient")
    with time_machine.travel(now + timedelta(hours=2)):
        response = client.get(reverse("accounts:home"))

    assert response.status_code == 302
    assert reverse("login") not in response["Location"]
