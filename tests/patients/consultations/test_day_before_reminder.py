"""A consultation booked ahead gets a reminder the day before, through the outbox: for the
time it is booked at, never for a time it was moved from, never once cancelled."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from clinic.outbox.delivery import emails_send_due
from clinic.outbox.models import Email
from patients.consultations import services
from patients.consultations.tasks import send_consultation_reminder
from tests.patients.consultations.test_services import contact

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(day, hour):
    return datetime(2026, 6, day, hour, tzinfo=NEW_YORK).astimezone(UTC)


@pytest.fixture
def booked(location, consultant, now):
    return services.consultation_book(
        location=location, kind="phone", starts_at=at(12, 10), contact=contact(), now=now
    )


def reminders() -> list:
    return [m for m in mail.outbox if m.subject.startswith("Tomorrow:")]


def test_the_reminder_goes_a_day_before_and_not_sooner(booked):
    emails_send_due(now=at(11, 10) - timedelta(minutes=1))
    assert reminders() == []

    emails_send_due(now=at(11, 10))

    (reminder,) = reminders()
    assert reminder.to == ["visitor@example.com"]
    assert "Friday, June 12 at 10:00 AM (Eastern time)" in reminder.body
    assert "/consultation/manage/" in reminder.body
    assert "migraine" not in reminder.body.lower()
    emails_send_due(now=at(11, 11))
    assert len(reminders()) == 1


def test_after_a_move_only_the_new_times_reminder_goes(booked, now):
    services.consultation_reschedule(consultation=booked, starts_at=at(15, 14), now=now)

    emails_send_due(now=at(11, 10))
    assert reminders() == []
    emails_send_due(now=at(14, 14))
    (reminder,) = reminders()
    assert "Monday, June 15 at 2:00 PM" in reminder.body


def test_a_cancelled_consultation_gets_no_reminder(booked, now):
    services.consultation_cancel(consultation=booked, now=now)

    emails_send_due(now=at(12, 9))

    assert reminders() == []


def test_a_consultation_booked_for_tomorrow_morning_gets_none_beyond_its_confirmation(
    location, consultant
):
    now = at(11, 16)  # 4 PM the day before: a reminder would follow the confirmation at once

    consultation = services.consultation_book(
        location=location, kind="phone", starts_at=at(12, 10), contact=contact(), now=now
    )

    assert not Email.objects.filter(
        task=send_consultation_reminder.name, kwargs__consultation_id=consultation.pk
    ).exists()
