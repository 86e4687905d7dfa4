"""Sending due reminders: the dispatcher that Celery beat runs every minute claims what is
due and hands each row to a task; the task sends it and marks it sent.

No Celery ETA or countdown holds a due time (on Redis such tasks come back after the
visibility timeout): the time lives in the row, and only due rows are handed over. A row
handed over but not sent within STUCK (the message lost) is handed over again. Two
dispatchers at once claim different rows (PostgreSQL's SKIP LOCKED; SQLite runs one writer at
a time).

Exactly once. Before the message leaves, its row is marked "sending" under its own message
id, and committed; after, the row is marked sent with the provider's answer in one
transaction. A task run twice, or two at once, find the row no longer waiting and do nothing.
A worker killed between the two leaves the row "sending": after STUCK the dispatcher asks the
channel whether a message with that id went out (`sent_before`: the file and in-memory
backends can tell; an SMTP server or an SMS provider cannot). Yes: it is marked sent. No: it
is sent again. Cannot tell: it is marked "maybe sent" for the staff, never sent twice."""

import logging
from datetime import datetime, timedelta
from email.utils import make_msgid
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from clinic.lib.sms import Sms, SmsMaybeSent, SmsRefused, sms_send

from ..models import LIVE_STATUSES, Reminder
from ..models.appointments import Status as AppointmentStatus
from .content import reminder_message, reminder_sms

logger = logging.getLogger(__name__)

Status = Reminder.Status
MAX_ATTEMPTS = 8
BATCH = 500
# Sent this late, a reminder before the infusion would only confuse: it is void instead.
AFTER_THE_START = {Reminder.Kind.DAY_AFTER}


def stuck_after() -> timedelta:
    """How long a row may stay handed over, or being sent, before the dispatcher looks."""
    return timedelta(seconds=settings.REMINDERS_STUCK_SECONDS)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after the n-th failure, at most an hour."""
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def reminders_claim_due(*, now: datetime | None = None) -> list[int]:
    """Settle the rows a killed worker left being sent, then mark up to BATCH due reminders
    as handed over and return their ids, oldest first."""
    now = now or timezone.now()
    _settle_interrupted(now)
    with transaction.atomic():
        due = Reminder.objects.filter(
            Q(status=Status.PENDING, due_at__lte=now)
            | Q(status=Status.QUEUED, queued_at__lt=now - stuck_after())
        ).order_by("due_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:BATCH])
        Reminder.objects.filter(pk__in=ids).update(status=Status.QUEUED, queued_at=now)
    return ids


def reminder_send(*, reminder_id: int, now: datetime | None = None) -> bool:
    """Send one handed-over reminder. True if this call sent it; False if it was sent, void
    or being sent already, or if it no longer applies (the infusion cancelled or moved: then
    it is void), or if the channel failed (then it is tried again later, or given up)."""
    now = now or timezone.now()
    reminder = _start_sending(reminder_id, now)
    if reminder is None:
        return False
    try:
        provider_id = _send(reminder)
    except Exception as error:
        _record_failure(reminder, error, now)
        return False
    Reminder.objects.filter(pk=reminder.pk, status=Status.SENDING).update(
        status=Status.SENT, sent_at=now, provider_id=provider_id[:200]
    )
    return True


def _start_sending(reminder_id: int, now: datetime) -> Reminder | None:
    """Claim a waiting row for this worker and commit it as being sent, under a new message
    id; None if it is not waiting, is claimed by another, or no longer applies."""
    with transaction.atomic():
        rows = Reminder.objects.filter(
            pk=reminder_id, status__in=[Status.PENDING, Status.QUEUED]
        ).select_related("appointment__chair__location", "appointment__patient__user")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        reminder = rows.first()
        if reminder is None:
            return None
        if not _still_applies(reminder, now):
            reminder.status = Status.VOID
            reminder.save(update_fields=["status"])
            return None
        reminder.attempts += 1
        reminder.status, reminder.queued_at = Status.SENDING, now
        reminder.message_id = make_msgid(
            idstring=f"reminder-{reminder.pk}.{reminder.attempts}",
            domain=urlparse(settings.SITE_URL).hostname,
        )
        reminder.save(update_fields=["attempts", "status", "queued_at", "message_id"])
    return reminder


def _still_applies(reminder: Reminder, now: datetime) -> bool:
    """Checked again as it is sent: the infusion still at the time it was made for, and
    still ahead (or, for the day-after check-in, it took place)."""
    appointment = reminder.appointment
    if appointment.starts_at != reminder.for_starts_at:
        return False
    if reminder.kind in AFTER_THE_START:
        return appointment.status == AppointmentStatus.DISCHARGED
    return appointment.status in LIVE_STATUSES and now < appointment.starts_at


def _send(reminder: Reminder) -> str:
    if reminder.channel == Reminder.Channel.SMS:
        return sms_send(
            Sms(reminder.appointment.patient.phone, reminder_sms(reminder), reminder.message_id)
        )
    message = reminder_message(reminder)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        to=[reminder.appointment.patient.user.email],
        headers={"Message-ID": reminder.message_id},
    )
    email.attach_alternative(message.html, "text/html")
    email.send()
    return reminder.message_id


def _record_failure(reminder: Reminder, error: Exception, now: datetime) -> None:
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
    Reminder.objects.filter(pk=reminder.pk, status=Status.SENDING).update(
        status=reminder.status, due_at=reminder.due_at, last_error=reminder.last_error
    )
    log = logger.warning if reminder.status == Status.PENDING else logger.error
    log(
        "Reminder %s failed, attempt %s of %s: %s",
        reminder.pk,
        reminder.attempts,
        MAX_ATTEMPTS,
        reminder.last_error,
    )


# After a worker was killed mid-send --------------------------------------------------------


def _settle_interrupted(now: datetime) -> None:
    interrupted = Reminder.objects.filter(
        status=Status.SENDING, queued_at__lt=now - stuck_after()
    ).order_by("pk")[:BATCH]
    for reminder in interrupted:
        went_out = sent_before(reminder)
        if went_out is None:
            status, error = Status.UNKNOWN, "WorkerLost"
        else:
            status, error = (Status.SENT, "") if went_out else (Status.PENDING, "WorkerLost")
        Reminder.objects.filter(pk=reminder.pk, status=Status.SENDING).update(
            status=status,
            sent_at=now if status == Status.SENT else None,
            provider_id=reminder.message_id if status == Status.SENT else "",
            due_at=now,
            last_error=error,
        )
        logger.warning("Reminder %s was interrupted while sent: now %s", reminder.pk, status)


FILE_MAILERS = {
    "django.core.mail.backends.filebased.EmailBackend",
    "clinic.lib.file_mail.EmailBackend",
}


def sent_before(reminder: Reminder) -> bool | None:
    """Whether the channel has a message with this reminder's message id: True, False, or
    None when it cannot tell."""
    if reminder.channel == Reminder.Channel.SMS:
        backend = import_string(settings.SMS_BACKEND)()
        lookup = getattr(backend, "sent_before", None)
        return lookup(reminder.message_id) if lookup else None
    mailer = settings.MAILERS["default"]
    if mailer["BACKEND"] == "django.core.mail.backends.locmem.EmailBackend":
        return any(m.extra_headers.get("Message-ID") == reminder.message_id for m in mail.outbox)
    if mailer["BACKEND"] in FILE_MAILERS:
        folder = Path(mailer["OPTIONS"]["file_path"])
        # The id alone: a long Message-ID header is folded onto a second line.
        return any(
            reminder.message_id in path.read_text(errors="replace") for path in folder.glob("*")
        )
    return None
