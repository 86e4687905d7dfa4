"""The patient's reminder settings: text messages on and off, asked again after a STOP; a
patient without a phone is led to give one; nobody else has the page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from infusions.models import ReminderChannels

pytestmark = pytest.mark.django_db

URL = reverse("infusions:my_reminder_channels")


@pytest.fixture
def with_phone(record):
    record.phone = "+12125550143"
    record.save()
    return record


def test_a_patient_turns_texts_on_and_off(client_as, with_phone):
    client = client_as("patient")

    on = client.post(URL, {"sms": "on"}, follow=True)
    assert "will come by e-mail and text message" in on.text
    assert ReminderChannels.objects.get(patient=with_phone).sends_sms

    off = client.post(URL, {}, follow=True)
    assert "will come by e-mail only" in off.text
    assert not ReminderChannels.objects.get(patient=with_phone).sends_sms


def test_after_a_stop_the_page_says_so_and_ticking_asks_again(client_as, with_phone):
    ReminderChannels.objects.create(patient=with_phone, sms=True, sms_stopped_at=timezone.now())
    client = client_as("patient")

    assert "You replied STOP to a text" in client.get(URL).text
    client.post(URL, {"sms": "on"})
    assert ReminderChannels.objects.get(patient=with_phone).sends_sms


def test_without_a_phone_the_patient_is_led_to_give_one(client_as, record):
    record.phone = ""
    record.save()

    page = client_as("patient").get(URL).text

    assert reverse("patients:intake_step", args=["about-you"]) in page
    assert 'name="sms"' not in page


@pytest.mark.parametrize("persona", ["front_desk", "clinician", "clinic_admin"])
def test_staff_have_no_reminder_settings_page(client_as, persona):
    assert client_as(persona).get(URL).status_code == 403


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
