"""A series booked at once is confirmed in one e-mail, the first infusion's, listing every
date; each infusion keeps its own reminders before it."""

from datetime import UTC

import pytest

from infusions.booking.services import infusion_book
from infusions.models import Reminder
from infusions.reminders.content import reminder_message
from tests.infusions.booking import at
from tests.infusions.plans.test_services import book_proposal

pytestmark = pytest.mark.django_db

Kind, Status = Reminder.Kind, Reminder.Status


def test_a_series_gets_one_confirmation_listing_every_infusion(plan, chair, front_desk, monday):
    outcome = book_proposal(plan, chair, front_desk, first_day=monday)
    series = sorted(outcome.booked, key=lambda a: a.starts_at)
    assert len(series) == 9  # six initial, three maintenance

    confirmations = Reminder.objects.filter(kind=Kind.CONFIRMATION, appointment__in=series)
    (waiting,) = confirmations.filter(status=Status.PENDING)
    assert waiting.appointment == series[0]
    assert confirmations.filter(status=Status.VOID).count() == 8

    text = reminder_message(waiting).text
    assert "Your series of 9 infusions is booked" in text
    for appointment in series:
        local = appointment.location.local_time(appointment.starts_at)
        assert f"- {local:%A, %B} {local.day} at" in text
    # Each infusion still has its own reminders before it.
    for appointment in series[1:]:
        assert appointment.reminders.filter(
            kind=Kind.EVENING_BEFORE, status=Status.PENDING
        ).exists()


def test_a_single_booking_keeps_its_own_confirmation(cleared, chair, front_desk, monday):
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10).astimezone(UTC), booked_by=front_desk
    )

    confirmation = appointment.reminders.get(kind=Kind.CONFIRMATION)
    assert confirmation.status == Status.PENDING
    assert "Your infusion is booked for" in reminder_message(confirmation).text
