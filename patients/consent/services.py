"""Signing the informed consent, and the record it leaves.

A signature stores the exact HTML the patient was shown and its SHA-256; the PDF is rendered
from that stored HTML, once, so no later edit of the consent or of the portal's templates can
change what a patient signed.
"""

import base64
import binascii
import io
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from clinic.lib.timezones import to_local

from ..models import ConsentDocument, ConsentSignature, Patient
from .document import consent_html, names_match, sha256_hex
from .selectors import consent_latest_for_patient
from .tasks import render_consent_pdf

SIGNATURE_MAX_BYTES = 200_000
_DATA_URL = re.compile(r"^data:image/png;base64,(?P<data>[A-Za-z0-9+/=]+)$")


def _drawn_signature(data_url: str) -> ContentFile | None:
    if not data_url:
        return None
    match = _DATA_URL.match(data_url)
    if match is None:
        raise ValidationError({"drawn_signature": "The drawn signature could not be read."})
    try:
        raw = base64.b64decode(match["data"], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            {"drawn_signature": "The drawn signature could not be read."}
        ) from None
    if len(raw) > SIGNATURE_MAX_BYTES:
        raise ValidationError({"drawn_signature": "The drawn signature is too large."})
    try:
        with Image.open(io.BytesIO(raw)) as image:
            image.verify()
            if image.format != "PNG" or image.width > 2000 or image.height > 1000:
                raise ValidationError({"drawn_signature": "The drawn signature is not valid."})
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        # Pillow reports a broken PNG (a bad checksum, a truncated file, absurd dimensions)
        # through several exception types; each means the drawing cannot be kept.
        raise ValidationError({"drawn_signature": "The drawn signature is not valid."}) from None
    return ContentFile(raw, name="signature.png")


@transaction.atomic
def consent_sign(
    *,
    patient: Patient,
    document: ConsentDocument,
    typed_name: str,
    acknowledged: list[str],
    shown_sha256: str,
    drawn_signature: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
) -> ConsentSignature:
    """Record the patient's signature of `document` and queue its PDF."""
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    latest = consent_latest_for_patient(patient)
    if latest is not None and latest.document_id == document.pk:
        return latest  # sent twice (a double-click, a second tab): one legal record
    if not document.is_published or document != ConsentDocument.objects.current():
        raise ValidationError(
            "The consent was updated while you were reading it. Please read the new version."
        )
    html = consent_html(document)
    digest = sha256_hex(html)
    if shown_sha256 != digest:
        raise ValidationError(
            "The consent was updated while you were reading it. Please read the new version."
        )
    errors = {}
    missing = [s["heading"] for s in document.sections if s["key"] not in acknowledged]
    if missing:
        errors["acknowledged"] = "Please confirm each part: " + "; ".join(missing) + "."
    if not names_match(typed_name, patient.legal_name):
        errors["typed_name"] = (
            "Type your full legal name as it is in your intake: "
            f"{patient.legal_name or 'you have not given one yet'}."
        )
    try:
        drawing = _drawn_signature(drawn_signature)
    except ValidationError as error:
        errors.update(error.message_dict)
        drawing = None
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    zone = patient.time_zone
    local = to_local(now, zone)
    signature = ConsentSignature(
        patient=patient,
        document=document,
        document_title=document.title,
        document_version=document.version_label,
        typed_name=" ".join(typed_name.split()),
        signed_at=now,
        signed_at_local=f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()} ({zone})",
        time_zone=zone,
        ip_address=ip_address,
        user_agent=user_agent[:500],
        shown_html=html,
        shown_sha256=digest,
    )
    if drawing is not None:
        signature.drawn_signature.save(drawing.name, drawing, save=False)
    signature.save()
    transaction.on_commit(lambda: render_consent_pdf.delay(signature_id=signature.pk), robust=True)
    return signature
