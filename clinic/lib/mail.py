"""Sending the portal's plain-text e-mails, from Celery tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

# For tasks that talk to a mail server or a broker: a dropped connection is tried again. Only
# when Celery runs the task: the outbox calls an e-mail's task directly, where Celery raises
# the error instead, and the outbox tries again itself (clinic/outbox/delivery.py).
RETRY = {"autoretry_for": (ConnectionError, TimeoutError), "retry_backoff": True, "max_retries": 5}


def absolute_url(path: str) -> str:
    """A link for an e-mail: the site's public address and the path."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def send_templated(
    *, to: str | list[str], subject: str, template: str, context: dict, attachment=None
) -> None:
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, {"clinic_name": settings.CLINIC_NAME, **context}),
        to=[to] if isinstance(to, str) else to,
    )
    if attachment:
        message.attach(*attachment)
    message.send()
