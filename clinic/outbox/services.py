"""Putting an e-mail in the outbox, and putting back one it gave up on."""

import logging
from datetime import datetime, timedelta

from celery import Task
from django.db import transaction
from django.utils import timezone

from .models import Email
from .tasks import deliver_email

logger = logging.getLogger(__name__)

# The hand-off at commit sends an e-mail within seconds; the sweep leaves it this long first.
HANDOFF_GRACE = timedelta(minutes=1)


def email_enqueue(task: Task, /, **kwargs) -> Email:
    """Send the e-mail that `task` renders from `kwargs` (ids, never names or addresses).

    The row is written in the caller's transaction, so the e-mail goes if and only if the
    change it is about is committed; it is handed to Celery on commit, and swept up later
    when the broker cannot be reached then.
    """
    email = Email.objects.create(
        task=task.name, kwargs=kwargs, next_attempt_at=timezone.now() + HANDOFF_GRACE
    )
    transaction.on_commit(lambda: _hand_off(email.pk))
    return email


def _hand_off(email_id: int) -> None:
    try:
        deliver_email.delay(email_id=email_id)
    except Exception as error:
        # The row is committed and pending: the sweep sends it. The error's message may hold
        # the broker's address, so only its kind is logged.
        logger.warning(
            "E-mail %s was not handed to Celery (%s); the sweep will send it.",
            email_id,
            type(error).__name__,
        )


def email_schedule(task: Task, /, at: datetime, **kwargs) -> Email:
    """Send the e-mail that `task` renders from `kwargs` at `at` (a reminder): written in the
    caller's transaction and sent by the sweep once due. The task checks, when it runs,
    that what it is about still holds (a booking not cancelled nor moved)."""
    return Email.objects.create(task=task.name, kwargs=kwargs, next_attempt_at=at)


def email_enqueued_since(task: Task, /, since: datetime, **kwargs) -> bool:
    """Was this e-mail (the task, with these arguments) put in the outbox since `since`? For
    e-mails a stranger can cause, so that they reach their reader once in a while at most."""
    lookups = {f"kwargs__{name}": value for name, value in kwargs.items()}
    return Email.objects.filter(task=task.name, created_at__gte=since, **lookups).exists()


def emails_retry_failed(*, ids) -> int:
    """Give the e-mails among `ids` that were given up on a new round of attempts, starting
    with the next sweep (within a minute). Returns how many; others are left as they are."""
    return Email.objects.filter(pk__in=ids, status=Email.Status.FAILED).update(
        status=Email.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
