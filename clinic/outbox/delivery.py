"""Sending what is in the outbox, each e-mail exactly once: by the task handed it at commit,
or by the sweep that Celery beat runs every minute."""

import logging
import time
from datetime import datetime, timedelta

from celery import current_app
from django.db import transaction
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
        # The row stays locked while its e-mail is sent and until it is marked sent, so a
        # second delivery at the same time (the sweep beside the hand-off, two sweeps, a task
        # run twice) skips it, and one after it finds it sent. SQLite has no row locks, but
        # runs one writing transaction at a time.
        email = (
            Email.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=Email.Status.PENDING)
            .first()
        )
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
        email.status, email.sent_at = Email.Status.SENT, timezone.now()
        email.save(update_fields=["status", "sent_at"])
        return True


def _record_failure(email: Email, error: Exception) -> None:
    email.attempts += 1
    # Only the kind of error: its message may quote an address or a server's reply about one.
    email.last_error = type(error).__name__[:200]
    if email.attempts >= MAX_ATTEMPTS:
        email.status = Email.Status.FAILED
    else:
        email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
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
