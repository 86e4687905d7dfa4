"""Sending due reminders: the dispatcher that Celery beat runs every minute claims what is
due and hands each row to a task; the task sends it and marks it sent in one transaction.

No Celery ETA or countdown holds a due time (on Redis such tasks come back after the
visibility timeout): the time lives in the row, and only due rows are handed over. A row
handed over but not sent within STUCK (the message lost, the worker killed) is handed over
again. Two dispatchers at once claim different rows (PostgreSQL's SKIP LOCKED; SQLite runs
one writer at a time), and a task run twice finds its row sent and does nothing.

Delivery is at least once, as for the outbox: a worker killed after the mail server took the
message and before its transaction committed leaves the row to be sent again."""

import logging
from datetime import datetime, timedelta
from email.utils import make_msgid
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from clinic.lib.sms import Sms, SmsMaybeSent, SmsRefused, sms_send

from ..models import LIVE_STATUSES, Reminder
from ..models.appointments import Status as AppointmentStatus
from .content import reminder_message, reminder_sms

logger = logging.getLogger(__name__)

Status = Reminder.Status
MAX_ATTEMPTS = 8
STUCK = timedelta(minutes=10)
BATCH = 500
# Sent this late, a reminder before the infusion would only confuse: it is void instead.
AFTER_THE_START = {Reminder.Kind.DAY_AFTER}


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after the n-th failure, at most an hour."""
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def reminders_claim_due(*, now: datetime | None = None) -> list[int]:
    """Mark up to BATCH due reminders as handed over and return their ids, oldest first."""
    now = now or timezone.now()
    with transaction.atomic():
        due = Reminder.objects.filter(
            Q(status=Status.PENDING, due_at__lte=now)
            | Q(status=Status.QUEUED, queued_at__lt=now - STUCK)
        ).order_by("due_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:BATCH])
        Reminder.objects.filter(pk__in=ids).update(status=Status.QUEUED, queued_at=now)
    return ids


def reminder_send(*, reminder_id: int, now: datetime | None = None) -> bool:
    """Send one handed-over reminder and mark it sent, in one transaction. True if this call
    sent it; False if it was sent, void or being sent by another worker already, or if it no
    longer applies (the infusion cancelled or moved: then it is void)."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = Reminder.objects.filter(
            pk=reminder_id, status__in=[Status.PENDING, Status.QUEUED]
        ).select_related("appointment__chair__location", "appointment__patient__user")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        reminder = rows.first()
        if reminder is None:
            return False
        if not _still_applies(reminder, now):
            reminder.status = Status.VOID
            reminder.save(update_fields=["status"])
            return False
        try:
            if reminder.channel == Reminder.Channel.SMS:
                provider_id = sms_send(
                    Sms(reminder.appointment.patient.phone, reminder_sms(reminder))
                )
            else:
                provider_id = _send_email(reminder)
        except Exception as error:
            _record_failure(reminder, error, now)
            return False
        reminder.status, reminder.sent_at, reminder.provider_id = Status.SENT, now, provider_id
        reminder.attempts += 1
        reminder.save(update_fields=["status", "sent_at", "provider_id", "attempts"])
        return True


def _still_applies(reminder: Reminder, now: datetime) -> bool:
    """Checked again as it is sent: the infusion still at the time it was made for, and
    still ahead (or, for the day-after check-in, it took place)."""
    appointment = reminder.appointment
    if appointment.starts_at != reminder.for_starts_at:
        return False
    if reminder.kind in AFTER_THE_START:
        return appointment.status == AppointmentStatus.DISCHARGED
    return appointment.status in LIVE_STATUSES and now < appointment.starts_at


def _send_email(reminder: Reminder) -> str:
    message = reminder_message(reminder)
    message_id = make_msgid(
        idstring=f"reminder-{reminder.pk}", domain=urlparse(settings.SITE_URL).hostname
    )
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        to=[reminder.appointment.patient.user.email],
        headers={"Message-ID": message_id},
    )
    email.attach_alternative(message.html, "text/html")
    email.send()
    return message_id


def _record_failure(reminder: Reminder, error: Exception, now: datetime) -> None:
    reminder.attempts += 1
    # Only the kind of error: its message may quote an address.
    reminder.last_error = type(error).__name__[:200]
    if isinstance(error, SmsMaybeSent):
        # The provider may have sent it: sending again could send it twice. Staff look.
        reminder.status = Status.UNKNOWN
    elif reminder.attempts >= MAX_ATTEMPTS or isinstance(error, SmsRefused):
        reminder.status = Status.FAILED
    else:
        reminder.status = Status.PENDING
        reminder.due_at = now + retry_delay(reminder.attempts)
    reminder.save(update_fields=["attempts", "last_error", "status", "due_at"])
    log = logger.warning if reminder.status == Status.PENDING else logger.error
    log(
        "Reminder %s failed, attempt %s of %s: %s",
        reminder.pk,
        reminder.attempts,
        MAX_ATTEMPTS,
        reminder.last_error,
    )
