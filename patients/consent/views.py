"""Reading and signing the consent, and getting the signed PDF."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render

from clinic.audit.services import access_record
from clinic.lib.forms import form_add_service_errors

from ..models import ConsentSignature
from ..permissions import VIEW_ANY_CONSENT
from ..selectors import patient_for_request
from . import selectors, services
from .document import consent_html, sha256_hex
from .forms import ConsentSignForm
from .selectors import consent_get_for_user

# Not str.isdigit(): it takes "²", which int() refuses. A record's number (a bigint) has at
# most 19 digits; 18 always fit, and no clinic signs a billion billion consents.
ASCII_DIGITS = re.compile("[0-9]*")
MAX_RECORD_DIGITS = 18


def _record_access(user, signature: ConsentSignature, action: str) -> None:
    access_record(
        actor=user,
        patient=signature.patient,
        record=f"signed consent {signature.pk}",
        action=action,
    )


def consent_sign(request):
    patient = patient_for_request(request)
    if patient.intake_completed_at is None:
        messages.info(request, "Please finish your intake first; the consent comes after it.")
        return redirect("patients:dashboard")
    document = selectors.consent_needed(patient)
    if document is None:
        latest = selectors.consent_latest_for_patient(patient)
        if latest is not None:
            return redirect("patients:consent_detail", latest.pk)
        messages.info(request, "The clinic has not published its consent yet.")
        return redirect("patients:dashboard")
    html = consent_html(document)
    form = ConsentSignForm(
        request.POST or None,
        document=document,
        initial={"shown_sha256": sha256_hex(html)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            signature = services.consent_sign(
                patient=patient,
                document=document,
                typed_name=form.cleaned_data["typed_name"],
                acknowledged=form.cleaned_data["acknowledged"],
                shown_sha256=form.cleaned_data["shown_sha256"],
                drawn_signature=form.cleaned_data["drawn_signature"],
                ip_address=request.META.get("REMOTE_ADDR"),
                user_agent=request.headers.get("user-agent", ""),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. Your consent is signed.")
            return redirect("patients:consent_detail", signature.pk)
    return render(
        request,
        "patients/consent/sign.html",
        {
            "form": form,
            "document": document,
            "html": html,
            "previous": selectors.consent_latest_for_patient(patient),
        },
        status=400 if form.errors else 200,
    )


def consent_detail(request, pk):
    signature = consent_get_for_user(user=request.user, pk=pk)
    if signature.patient.user_id != request.user.pk:
        _record_access(request.user, signature, "viewed")
    return render(request, "patients/consent/detail.html", {"signature": signature})


def consent_pdf(request, pk):
    signature = consent_get_for_user(user=request.user, pk=pk)
    if not signature.pdf:
        messages.info(request, "Your PDF is still being prepared; it takes a few seconds.")
        return redirect("patients:consent_detail", signature.pk)
    if signature.patient.user_id != request.user.pk:
        _record_access(request.user, signature, "downloaded")
    return FileResponse(
        signature.pdf.open("rb"),
        as_attachment=True,
        filename=f"consent-{signature.document.version_label}-{signature.pk}.pdf",
        content_type="application/pdf",
    )


def staff_consent_verify_page(request):
    if not request.user.has_perm(VIEW_ANY_CONSENT):
        raise PermissionDenied
    if request.method == "POST" and "signature" in request.POST:
        return _verify_stored(request)
    if request.method == "POST":
        return _verify(request)
    return render(request, "patients/consent/verify.html", {})


def _verify_stored(request):
    """Check that the file kept for a signed consent still has the hash recorded when it
    was stored (nobody has replaced or damaged it on disk)."""
    number = request.POST.get("signature", "").strip()
    digits = ASCII_DIGITS.fullmatch(number) is not None
    signature = (
        ConsentSignature.objects.select_related("patient").filter(pk=number).first()
        if digits and 0 < len(number) <= MAX_RECORD_DIGITS
        else None
    )
    if signature is None or not signature.pdf:
        error = (
            "No stored PDF has that number."
            if digits
            else "Write the number with the digits 0 to 9, as printed on the PDF."
        )
        return render(
            request,
            "patients/consent/verify.html",
            {"stored_error": error, "number": number},
            status=400,
        )
    with signature.pdf.open("rb") as pdf:
        intact = sha256_hex(pdf.read()) == signature.pdf_sha256
    _record_access(request.user, signature, "verified")
    return render(
        request,
        "patients/consent/verify.html",
        {"stored_checked": signature, "intact": intact, "number": number},
    )


def _verify(request):
    upload = request.FILES.get("pdf")
    if upload is None:
        return render(
            request,
            "patients/consent/verify.html",
            {"error": "Choose a PDF file to check."},
            status=400,
        )
    if upload.size > 20_000_000:
        return render(
            request,
            "patients/consent/verify.html",
            {"error": "That file is larger than any consent PDF the portal makes."},
            status=400,
        )
    match = selectors.consent_find_by_pdf(upload.read())
    if match is not None:
        _record_access(request.user, match, "verified")
    return render(request, "patients/consent/verify.html", {"checked": True, "match": match})
