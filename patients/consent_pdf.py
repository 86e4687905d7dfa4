"""Rendering a signed consent as a PDF with WeasyPrint. Never called inside a request: a
render takes most of a second, so a Celery task does it once per signature."""

import base64

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher

from .models import ConsentSignature

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


def render_consent_pdf(signature: ConsentSignature) -> bytes:
    return html_to_pdf(consent_pdf_html(signature))
