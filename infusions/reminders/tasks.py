import logging

from celery import shared_task

from .delivery import reminder_send, reminders_claim_due

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_reminder(*, reminder_id: int) -> bool:
    """Send one reminder the dispatcher handed over. Safe to run twice."""
    return reminder_send(reminder_id=reminder_id)


@shared_task
def dispatch_reminders() -> int:
    """Every minute (Celery beat): hand each due reminder to `send_reminder`. A row whose
    hand-over fails (the broker unreachable) stays handed over and is tried again later."""
    handed = 0
    for reminder_id in reminders_claim_due():
        try:
            send_reminder.delay(reminder_id=reminder_id)
        except Exception as error:
            logger.warning(
                "Reminders not handed to Celery (%s); retried later.", type(error).__name__
            )
            break
        handed += 1
    return handed
