"""Sending what is in the outbox: by the task handed it at commit, or by the sweep that
Celery beat runs every minute.

Delivery is at least once. Two deliveries of one row never both send it (the first claims
it), but a worker that dies after the mail server took the e-mail and before the row is
marked sent leaves it pending, and it is sent again."""

import logging
import time
from datetime import datetime, timedelta

from celery import current_app
from django.db import connection, transaction
from django.utils import timezone

from .models import Email

logger = logging.getLogger(__name__)

# 1, 2, 4 ... minutes between attempts, at most an hour: about four hours before giving up.
MAX_ATTEMPTS = 10
# One sweep sends at most this many, and stops starting new ones after this long, so it ends
# well inside Celery's time limit even when the mail server is slow; the next sweep goes on.
SWEEP_BATCH = 100
SWEEP_SECONDS = 30


def retry_delay(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed attempt."""
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def email_deliver(*, email_id: int) -> bool:
    """Send one pending e-mail and mark it sent. True if this call sent it.

    The e-mail's task decides on its own whether it still applies (a cancelled booking gets
    no confirmation); a task that returns quietly counts as sent.
    """
    with transaction.atomic():
        email = _claim(email_id)
        if email is None:
            return False
        task = current_app.tasks.get(email.task)
        try:
            if task is None:
                raise LookupError("no such e-mail task")
            # A savepoint: a query that fails inside the task must not spoil the row's update.
            with transaction.atomic():
                task(**email.kwargs)
        except Exception as error:
            _record_failure(email, error)
            return False
        return True


def _claim(email_id: int) -> Email | None:
    """Mark a pending e-mail sent, in the transaction that sends it, and return it; None if
    it is not pending or another delivery has it. A failure puts it back (_record_failure),
    and so does a crash, by rolling the transaction back.

    The claim is an UPDATE that finds the row still pending: of two deliveries at once (the
    sweep beside the hand-off, two sweeps, a task run twice) only one changes it, and the
    other, once the first commits, finds it sent. On SQLite, which has no row locks, this
    UPDATE is what makes a second delivery wait for the first and then skip the row.
    """
    pending = Email.objects.filter(pk=email_id, status=Email.Status.PENDING)
    if connection.features.has_select_for_update_skip_locked and not (
        # PostgreSQL: a row another delivery is sending is skipped, not waited for.
        pending.select_for_update(skip_locked=True).exists()
    ):
        return None
    if not pending.update(status=Email.Status.SENT, sent_at=timezone.now()):
        return None
    return Email.objects.get(pk=email_id)


def _record_failure(email: Email, error: Exception) -> None:
    email.attempts += 1
    # Only the kind of error: its message may quote an address or a server's reply about one.
    email.last_error = type(error).__name__[:200]
    email.sent_at = None
    if email.attempts >= MAX_ATTEMPTS:
        email.status = Email.Status.FAILED
    else:
        email.status = Email.Status.PENDING
        email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    email.save(update_fields=["attempts", "last_error", "status", "sent_at", "next_attempt_at"])
    log = logger.error if email.status == Email.Status.FAILED else logger.warning
    log(
        "E-mail %s (%s) failed, attempt %s of %s: %s",
        email.pk,
        email.task,
        email.attempts,
        MAX_ATTEMPTS,
        email.last_error,
    )


def emails_send_due(*, now: datetime | None = None) -> int:
    """Send the pending e-mails whose time has come, oldest first. Returns how many it sent."""
    now = now or timezone.now()
    deadline = time.monotonic() + SWEEP_SECONDS
    due = list(
        Email.objects.due(now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    sent = 0
    for email_id in due:
        if time.monotonic() > deadline:
            break
        sent += email_deliver(email_id=email_id)
    return sent
