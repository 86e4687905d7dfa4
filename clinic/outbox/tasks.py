from celery import shared_task

from .delivery import email_deliver, emails_send_due


@shared_task
def deliver_email(*, email_id: int) -> None:
    """Send one e-mail of the outbox; handed over on commit. Safe to run twice."""
    email_deliver(email_id=email_id)


@shared_task
def send_due_emails() -> int:
    """The sweep, every minute (Celery beat): sends what the hand-off at commit did not."""
    return emails_send_due()
