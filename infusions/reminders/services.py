"""Keeping an infusion's reminders in step with its booking. Called by the booking and status
services inside their own transactions, so a booking rolled back leaves no reminder."""

from django.db.models import Max
from django.utils import timezone

from ..models import Reminder
from .schedule import reminders_due

Status = Reminder.Status


def reminders_plan(appointment, *, now=None, round=1) -> list[Reminder]:
    """Make the reminders of a booked infusion at its current start time: what is still
    ahead. Planning one round twice makes nothing more."""
    now = now or timezone.now()
    due = reminders_due(appointment.starts_at, appointment.location.time_zone, booked_at=now)
    rows = [
        Reminder(
            appointment=appointment,
            kind=kind,
            channel=Reminder.Channel.EMAIL,
            for_starts_at=appointment.starts_at,
            round=round,
            due_at=due_at,
        )
        for kind, due_at in due
    ]
    return Reminder.objects.bulk_create(rows, ignore_conflicts=True)


def reminders_void(appointment) -> int:
    """Nothing more is sent about this infusion (cancelled, a no-show): its unsent
    reminders are void. Returns how many."""
    return Reminder.objects.filter(
        appointment=appointment, status__in=[Status.PENDING, Status.QUEUED]
    ).update(status=Status.VOID)


def reminders_replan(appointment, *, now=None) -> list[Reminder]:
    """The infusion moved: what was planned for the old start is void, and the new start's
    reminders are made (the confirmation says the new time)."""
    reminders_void(appointment)
    last = Reminder.objects.filter(appointment=appointment).aggregate(last=Max("round"))["last"]
    return reminders_plan(appointment, now=now, round=(last or 0) + 1)
