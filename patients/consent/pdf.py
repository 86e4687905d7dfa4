"""Rendering a signed consent as a PDF with WeasyPrint, and storing it once. Never called
inside a request: a render takes most of a second, so a Celery task does it once per signature."""

import base64

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML, URLFetcher

from ..models import ConsentSignature
from .document import sha256_hex

# One fetcher for every document: building it costs time, and the PDF needs no network
# (the only image, the drawn signature, is inlined as a data URL).
_FETCHER = URLFetcher()


def consent_pdf_html(signature: ConsentSignature) -> str:
    drawn = ""
    if signature.drawn_signature:
        with signature.drawn_signature.open("rb") as image:
            drawn = "data:image/png;base64," + base64.b64encode(image.read()).decode()
    patient = signature.patient
    return render_to_string(
        "patients/consent/pdf.html",
        {
            "clinic_name": settings.CLINIC_NAME,
            "signature": signature,
            "patient_name": signature.typed_name,
            "location": patient.preferred_location,
            "shown_html": signature.shown_html,
            "drawn_signature": drawn,
        },
    )


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, url_fetcher=_FETCHER).write_pdf()


def consent_pdf_bytes(signature: ConsentSignature) -> bytes:
    return html_to_pdf(consent_pdf_html(signature))


def consent_store_pdf(*, signature_id: int) -> bool:
    """Render the signature's PDF and store it, once. Returns whether this call stored it.

    Rendering happens outside any transaction (it takes most of a second); the store is a
    compare-and-set on an empty PDF, so two workers racing leave one PDF and one hash.
    """
    signature = (
        ConsentSignature.objects.select_related("patient__preferred_location", "document")
        .filter(pk=signature_id)
        .first()
    )
    if signature is None or signature.pdf:
        return False
    pdf = consent_pdf_bytes(signature)
    field = ConsentSignature._meta.get_field("pdf")
    name = field.storage.save(field.generate_filename(signature, "consent.pdf"), ContentFile(pdf))
    stored = ConsentSignature.objects.filter(pk=signature.pk, pdf="").update(
        pdf=name, pdf_sha256=sha256_hex(pdf), pdf_rendered_at=timezone.now()
    )
    if not stored:
        field.storage.delete(name)
    return bool(stored)
