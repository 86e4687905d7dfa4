"""Reminders follow the booking (made at booking, remade on a move, void on a cancellation)
and are sent once each when due, whoever asks how often; a failure is tried again and given
up on in the end; what no longer applies is not sent."""

from datetime import UTC, timedelta

import pytest
import time_machine
from django.core import mail

from infusions.booking.services import infusion_book, infusion_cancel, infusion_move
from infusions.models import Reminder
from infusions.models.appointments import Status as AppointmentStatus
from infusions.reminders.delivery import (
    MAX_ATTEMPTS,
    reminder_send,
    reminders_claim_due,
    stuck_after,
)
from infusions.statuses.services import appointment_check_in, appointment_set_status
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

Kind, Status = Reminder.Kind, Reminder.Status
UNREACHABLE_SMTP = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
    }
}


@pytest.fixture
def booked(cleared, chair, monday, front_desk):
    return infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(monday, 14, 30).astimezone(UTC),
        booked_by=front_desk,
        driver_name="Ann Lee",
        driver_phone="+12125550100",
    )


def send_due(now) -> list[bool]:
    """What the dispatcher and the workers do at `now`: claim what is due, send each."""
    return [reminder_send(reminder_id=pk, now=now) for pk in reminders_claim_due(now=now)]


def kinds(queryset) -> set[str]:
    return set(queryset.values_list("kind", flat=True))


def test_a_booking_a_week_ahead_plans_every_reminder(booked):
    assert kinds(booked.reminders.filter(status=Status.PENDING)) == set(Kind.values)
    assert set(booked.reminders.values_list("for_starts_at", flat=True)) == {booked.starts_at}


def test_each_reminder_is_sent_once_when_due_however_often_the_dispatcher_runs(booked):
    confirmation = booked.reminders.get(kind=Kind.CONFIRMATION)

    assert send_due(confirmation.due_at) == [True]
    assert send_due(confirmation.due_at + timedelta(seconds=30)) == []
    assert reminder_send(reminder_id=confirmation.pk) is False  # a task delivered twice

    two_days = booked.reminders.get(kind=Kind.TWO_DAYS)
    assert send_due(two_days.due_at - timedelta(minutes=1)) == []
    assert send_due(two_days.due_at) == [True]
    local = booked.location.local_time(booked.starts_at)
    assert [m.subject for m in mail.outbox] == [
        f"Your infusion on {local:%A, %B} {local.day} at 2:30 PM: booked, and how to prepare",
        f"In two days: your infusion on {local:%A, %B} {local.day} at 2:30 PM",
    ]
    confirmation.refresh_from_db()
    assert confirmation.status == Status.SENT
    assert confirmation.attempts == 1
    assert confirmation.provider_id == mail.outbox[0].extra_headers["Message-ID"]


def test_a_move_voids_the_old_times_reminders_and_plans_the_new_ones(
    booked, chair, monday, front_desk
):
    old = set(booked.reminders.values_list("pk", flat=True))

    infusion_move(booked, chair=chair, starts_at=at(monday, 10).astimezone(UTC), by=front_desk)

    assert set(Reminder.objects.filter(pk__in=old).values_list("status", flat=True)) == {
        Status.VOID
    }
    fresh = booked.reminders.exclude(pk__in=old)
    assert kinds(fresh) == set(Kind.values)
    assert set(fresh.values_list("for_starts_at", flat=True)) == {at(monday, 10)}
    assert set(fresh.values_list("round", flat=True)) == {2}


def test_moving_back_to_the_first_time_plans_again(booked, chair, monday, front_desk):
    first = booked.starts_at
    infusion_move(booked, chair=chair, starts_at=at(monday, 10).astimezone(UTC), by=front_desk)
    infusion_move(booked, chair=chair, starts_at=first, by=front_desk)

    pending = booked.reminders.filter(status=Status.PENDING)
    assert kinds(pending) == set(Kind.values)
    assert set(pending.values_list("for_starts_at", flat=True)) == {first}


def test_a_chair_change_at_the_same_time_keeps_the_reminders(booked, other_chair, front_desk):
    planned = set(booked.reminders.values_list("pk", flat=True))

    infusion_move(booked, chair=other_chair, starts_at=booked.starts_at, by=front_desk)

    assert set(booked.reminders.filter(status=Status.PENDING).values_list("pk", flat=True)) == (
        planned
    )


@pytest.mark.parametrize("status", [AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW])
def test_a_cancelled_or_missed_infusion_gets_no_more_reminders(booked, front_desk, status):
    if status == AppointmentStatus.CANCELLED:
        infusion_cancel(booked, by=front_desk, reason="The patient called.")
    else:
        with time_machine.travel(booked.starts_at, tick=True):  # missed only on the day
            appointment_set_status(booked, to_status=status, by=front_desk)

    assert kinds(booked.reminders.exclude(status=Status.VOID)) == set()
    assert send_due(booked.starts_at + timedelta(days=2)) == []
    assert mail.outbox == []


def test_a_reminder_that_no_longer_applies_when_sent_is_void_not_sent(booked):
    # Handed over, and then the infusion was cancelled behind the services' back.
    evening = booked.reminders.get(kind=Kind.EVENING_BEFORE)
    assert reminders_claim_due(now=evening.due_at)
    type(booked).objects.filter(pk=booked.pk).update(status=AppointmentStatus.CANCELLED)

    assert reminder_send(reminder_id=evening.pk, now=evening.due_at) is False

    evening.refresh_from_db()
    assert evening.status == Status.VOID
    assert mail.outbox == []


def test_the_day_after_check_in_goes_only_after_a_discharge(booked, front_desk, on_its_day):
    on_its_day(booked)
    day_after = booked.reminders.get(kind=Kind.DAY_AFTER)
    appointment_check_in(
        booked, by=front_desk, id_seen=True, driver_name="Ann Lee", driver_phone="+12125550100"
    )
    for step in (AppointmentStatus.IN_CHAIR, AppointmentStatus.RECOVERING):
        appointment_set_status(booked, to_status=step, by=front_desk)
    assert reminder_send(reminder_id=day_after.pk, now=day_after.due_at) is False  # not home

    appointment_set_status(booked, to_status=AppointmentStatus.DISCHARGED, by=front_desk)
    day_after = booked.reminders.create(
        kind=Kind.DAY_AFTER, for_starts_at=booked.starts_at, round=9, due_at=day_after.due_at
    )

    assert reminder_send(reminder_id=day_after.pk, now=day_after.due_at) is True
    assert mail.outbox[-1].subject == "How are you after yesterday's infusion?"


def test_a_row_handed_over_and_lost_is_handed_over_again(booked):
    confirmation = booked.reminders.get(kind=Kind.CONFIRMATION)
    now = confirmation.due_at
    assert reminders_claim_due(now=now) == [confirmation.pk]  # the message then lost

    assert reminders_claim_due(now=now + stuck_after() / 2) == []
    assert reminders_claim_due(now=now + stuck_after() + timedelta(seconds=1)) == [confirmation.pk]


def test_a_failed_send_is_tried_again_later_and_given_up_on_in_the_end(booked, settings):
    settings.MAILERS = UNREACHABLE_SMTP
    confirmation = booked.reminders.get(kind=Kind.CONFIRMATION)
    now = confirmation.due_at

    assert send_due(now) == [False]
    confirmation.refresh_from_db()
    assert (confirmation.status, confirmation.attempts) == (Status.PENDING, 1)
    assert confirmation.due_at == now + timedelta(minutes=1)
    assert confirmation.last_error  # the error's kind, no address

    for _ in range(MAX_ATTEMPTS - 1):
        confirmation.refresh_from_db()
        reminder_send(reminder_id=confirmation.pk, now=confirmation.due_at)
    confirmation.refresh_from_db()
    assert (confirmation.status, confirmation.attempts) == (Status.FAILED, MAX_ATTEMPTS)
    assert send_due(now + timedelta(days=1)) == []
