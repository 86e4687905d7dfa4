"""Informed consent: what the patient reads, signing it, and the record it leaves.

A signature stores the exact HTML the patient was shown and its SHA-256; the PDF is rendered
from that stored HTML, once, so no later edit of the consent or of the portal's templates can
change what a patient signed.
"""

import base64
import binascii
import hashlib
import io
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from clinic.lib.markdown import render_markdown
from clinic.lib.timezones import to_local

from .models import ConsentDocument, ConsentSignature, Patient

SIGNATURE_MAX_BYTES = 200_000
_DATA_URL = re.compile(r"^data:image/png;base64,(?P<data>[A-Za-z0-9+/=]+)$")


def consent_html(document: ConsentDocument) -> str:
    """The consent exactly as the patient reads it on screen and in the PDF."""
    return render_to_string(
        "patients/consent/_document.html",
        {
            "document": document,
            "introduction": render_markdown(document.introduction),
            "sections": [
                {**section, "html": render_markdown(section["body"])}
                for section in document.sections
            ],
        },
    ).strip()


def sha256_hex(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def normalized_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def names_match(typed: str, legal: str) -> bool:
    """The typed name is the legal name, ignoring case and extra spaces."""
    return bool(legal.strip()) and normalized_name(typed) == normalized_name(legal)


def consent_latest_for_patient(patient: Patient) -> ConsentSignature | None:
    return patient.consents.select_related("document").order_by("-signed_at").first()


def consent_needed(patient: Patient) -> ConsentDocument | None:
    """The version the patient must sign before their next infusion, or None when their
    latest signature is of the current major version."""
    current = ConsentDocument.objects.current()
    if current is None:
        return None
    latest = consent_latest_for_patient(patient)
    return None if consent_is_current(current, latest) else current


def consent_is_current(current: ConsentDocument | None, latest: ConsentSignature | None) -> bool:
    """Whether the latest signature covers the current version: same major or later (a
    minor version only rewords, so it needs no new signature)."""
    if current is None:
        return False  # nothing to sign yet means nothing signed: the gate stays shut
    return latest is not None and latest.document.major >= current.major


def consent_status_label(current: ConsentDocument | None, latest: ConsentSignature | None) -> str:
    """What the front desk sees: signed, not signed, or a new version to sign."""
    if latest is None:
        return "Not signed"
    return "Signed" if consent_is_current(current, latest) else "New version to sign"


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
    from .tasks import render_consent_pdf

    transaction.on_commit(lambda: render_consent_pdf.delay(signature_id=signature.pk), robust=True)
    return signature


def consent_store_pdf(*, signature_id: int) -> bool:
    """Render the signature's PDF and store it, once. Returns whether this call stored it.

    Rendering happens outside any transaction (it takes most of a second); the store is a
    compare-and-set on an empty PDF, so two workers racing leave one PDF and one hash.
    """
    from .consent_pdf import render_consent_pdf

    signature = (
        ConsentSignature.objects.select_related("patient__preferred_location", "document")
        .filter(pk=signature_id)
        .first()
    )
    if signature is None or signature.pdf:
        return False
    pdf = render_consent_pdf(signature)
    field = ConsentSignature._meta.get_field("pdf")
    name = field.storage.save(field.generate_filename(signature, "consent.pdf"), ContentFile(pdf))
    stored = ConsentSignature.objects.filter(pk=signature.pk, pdf="").update(
        pdf=name, pdf_sha256=sha256_hex(pdf), pdf_rendered_at=timezone.now()
    )
    if not stored:
        field.storage.delete(name)
    return bool(stored)


def consent_find_by_pdf(data: bytes) -> ConsentSignature | None:
    """The signature whose stored PDF has exactly these bytes, if any."""
    return ConsentSignature.objects.filter(pdf_sha256=sha256_hex(data)).first()
