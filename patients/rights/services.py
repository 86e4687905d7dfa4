"""Asking for an account to be closed, and closing it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.outbox.services import email_enqueue

from ..models import ClosureRequest, Patient
from . import tasks


@transaction.atomic
def closure_request(patient: Patient, *, reason: str = "") -> ClosureRequest:
    """The patient asks for their account to be closed; the clinic admins hear of it.

    One open request per patient: the database refuses a second (two clicks at once), and
    the patient is told the first is pending.
    """
    reason = reason.strip()
    if len(reason) > 1000:
        raise ValidationError({"reason": "Please keep the reason under 1,000 characters."})
    try:
        with transaction.atomic():
            request = ClosureRequest.objects.create(patient=patient, reason=reason)
    except IntegrityError:
        raise ValidationError(
            "You have already asked to close your account; the clinic will act on it soon."
        ) from None
    email_enqueue(tasks.alert_clinic_admins_of_closure_request, closure_request_id=request.pk)
    return request


@transaction.atomic
def closure_handle(request: ClosureRequest, *, by, note: str = "") -> ClosureRequest:
    """A clinic admin closes the account: the sign-in stops working; every record is kept.

    Compare-and-set on the status, so two admins acting at once close it once.
    """
    now = timezone.now()
    updated = ClosureRequest.objects.filter(
        pk=request.pk, status=ClosureRequest.Status.OPEN
    ).update(
        status=ClosureRequest.Status.DONE,
        handled_by=by,
        handled_at=now,
        staff_note=note or request.staff_note,
    )
    if not updated:
        raise ValidationError("This request was already handled.")
    user = request.patient.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    request.refresh_from_db()
    return request
