"""Reads for consent: the patient's latest signature, what they must sign, and who may see
a signed consent."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import ConsentDocument, ConsentSignature, Patient
from ..permissions import VIEW_ANY_CONSENT
from .document import sha256_hex


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


def consent_find_by_pdf(data: bytes) -> ConsentSignature | None:
    """The signature whose stored PDF has exactly these bytes, if any."""
    return ConsentSignature.objects.filter(pdf_sha256=sha256_hex(data)).first()


def consent_get_for_user(*, user, pk: int) -> ConsentSignature:
    """A signed consent its own patient may see, or any clinician or clinic admin; others
    get 404, whether or not the number exists."""
    signature = get_object_or_404(
        ConsentSignature.objects.select_related("document", "patient__user"), pk=pk
    )
    if signature.patient.user_id == user.pk or user.has_perm(VIEW_ANY_CONSENT):
        return signature
    raise Http404("No such consent.")
