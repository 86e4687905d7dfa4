"""Text messages for patients who ask for them: planned beside the e-mails, never in the quiet
hours (shifted, not dropped), short and free of health details, stopped by a signed STOP
reply and resumed by START; a message that may have gone is not sent again."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse

from clinic.lib.sms import SmsMaybeSent, provider_signature
from infusions.booking.services import infusion_book
from infusions.models import Reminder, ReminderChannels
from infusions.reminders.delivery import reminder_send, reminders_claim_due
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

Kind, Status, Channel = Reminder.Kind, Reminder.Status, Reminder.Channel
PHONE = "+12125550143"
INBOUND = reverse("infusions:sms_inbound")


class TimeoutBackend:
    def send(self, message):
        raise SmsMaybeSent("TimeoutError")


@pytest.fixture
def texts_wanted(cleared):
    cleared.phone = PHONE
    cleared.medical_history = "Migraine since my twenties."
    cleared.save()
    return ReminderChannels.objects.create(patient=cleared, sms=True)


def book(cleared, chair, front_desk, starts_at):
    return infusion_book(
        patient=cleared, chair=chair, starts_at=starts_at.astimezone(UTC), booked_by=front_desk
    )


def local_due(appointment, kind, channel=Channel.SMS) -> str:
    due = appointment.reminders.get(kind=kind, channel=channel).due_at
    return appointment.location.local_time(due).strftime("%a %H:%M")


def test_without_asking_a_patient_gets_e_mails_only(cleared, chair, front_desk, monday):
    appointment = book(cleared, chair, front_desk, at(monday, 14, 30))

    assert set(appointment.reminders.values_list("channel", flat=True)) == {Channel.EMAIL}


def test_texts_are_planned_beside_the_e_mails_out_of_the_quiet_hours(
    texts_wanted, cleared, chair, front_desk, monday
):
    afternoon = book(cleared, chair, front_desk, at(monday, 14, 30))

    assert afternoon.reminders.filter(channel=Channel.SMS).count() == 5
    assert local_due(afternoon, Kind.EVENING_BEFORE) == "Sun 18:00"
    assert local_due(afternoon, Kind.MORNING_OF) == "Mon 08:00"  # 7 AM is quiet: later
    assert local_due(afternoon, Kind.MORNING_OF, Channel.EMAIL) == "Mon 07:00"


def test_a_morning_text_that_8_am_would_make_too_late_goes_the_evening_before(
    texts_wanted, cleared, chair, front_desk, monday
):
    early = book(cleared, chair, front_desk, at(monday, 9))

    assert local_due(early, Kind.MORNING_OF) == "Sun 20:45"


def test_a_text_is_short_has_the_facts_and_no_health_details(
    texts_wanted, cleared, chair, front_desk, monday, sms_outbox
):
    appointment = book(cleared, chair, front_desk, at(monday, 14, 30))
    evening = appointment.reminders.get(kind=Kind.EVENING_BEFORE, channel=Channel.SMS)

    assert reminder_send(reminder_id=evening.pk, now=evening.due_at) is True

    (text,) = sms_outbox
    assert text.to == PHONE
    assert "infusion tomorrow at 2:30 PM. Nothing to eat after 8:30 AM" in text.body
    assert "/infusions/prepare/" in text.body
    assert text.body.endswith("Reply STOP to end texts.")
    assert "Migraine" not in text.body and cleared.legal_last_name not in text.body
    assert len(text.body) < 320


def test_a_text_that_may_have_gone_is_not_sent_again(
    texts_wanted, cleared, chair, front_desk, monday, settings
):
    settings.SMS_BACKEND = "tests.infusions.reminders.test_sms_reminders.TimeoutBackend"
    appointment = book(cleared, chair, front_desk, at(monday, 14, 30))
    text = appointment.reminders.get(kind=Kind.CONFIRMATION, channel=Channel.SMS)

    reminder_send(reminder_id=text.pk, now=text.due_at)

    text.refresh_from_db()
    assert text.status == Status.UNKNOWN
    assert text.pk not in reminders_claim_due(now=text.due_at + timedelta(hours=1))


def signed_post(client, settings, **form):
    settings.SMS_AUTH_TOKEN = "provider-token"
    url = settings.SITE_URL.rstrip("/") + INBOUND
    signature = provider_signature(url, form, "provider-token")
    return client.post(INBOUND, form, headers={"X-Twilio-Signature": signature})


def test_a_signed_stop_ends_texts_and_voids_those_waiting(
    client, settings, texts_wanted, cleared, chair, front_desk, monday
):
    appointment = book(cleared, chair, front_desk, at(monday, 14, 30))

    response = signed_post(client, settings, From=PHONE, Body=" stop ")

    assert response.status_code == 200
    texts_wanted.refresh_from_db()
    assert texts_wanted.sms_stopped_at is not None
    assert set(
        appointment.reminders.filter(channel=Channel.SMS).values_list("status", flat=True)
    ) == {Status.VOID}
    assert appointment.reminders.filter(channel=Channel.EMAIL, status=Status.PENDING).count() == 5

    signed_post(client, settings, From=PHONE, Body="START")
    texts_wanted.refresh_from_db()
    assert texts_wanted.sms_stopped_at is None


@pytest.mark.parametrize("signature", ["", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="])
def test_an_unsigned_or_wrongly_signed_stop_changes_nothing(
    client, settings, texts_wanted, signature
):
    settings.SMS_AUTH_TOKEN = "provider-token"

    response = client.post(
        INBOUND, {"From": PHONE, "Body": "STOP"}, headers={"X-Twilio-Signature": signature}
    )

    assert response.status_code == 403
    texts_wanted.refresh_from_db()
    assert texts_wanted.sms_stopped_at is None
