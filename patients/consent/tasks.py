"""Consent PDFs: rendered once per signature by a task, and swept up if a task was lost."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from clinic.lib.mail import RETRY

from ..models import ConsentSignature
from .pdf import consent_store_pdf


@shared_task(**RETRY)
def render_consent_pdf(*, signature_id: int) -> None:
    """Render and store a signed consent's PDF; a second run finds it stored and stops."""
    consent_store_pdf(signature_id=signature_id)


@shared_task
def render_missing_consent_pdfs() -> int:
    """Queue the PDF of every signed consent that has none a few minutes after signing."""
    waiting = ConsentSignature.objects.filter(
        pdf="", signed_at__lt=timezone.now() - timedelta(minutes=5)
    ).values_list("pk", flat=True)
    for signature_id in waiting:
        render_consent_pdf.delay(signature_id=signature_id)
    return len(waiting)
