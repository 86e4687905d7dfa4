"""Reads for screenings, each checking who is asking."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from clinic.audit.services import access_record

from .models import Screening
from .permissions import VIEW_ANSWERS


def screening_latest_for_patient(*, patient) -> Screening | None:
    return patient.screenings.order_by("-submitted_at").first()


def screening_get_for_review(*, user, pk: int) -> Screening:
    """A screening with its answers, for a clinician or clinic admin; the view is logged."""
    if not user.has_perm(VIEW_ANSWERS):
        raise PermissionDenied
    screening = get_object_or_404(
        Screening.objects.select_related("patient__user", "patient__preferred_location", "version"),
        pk=pk,
    )
    access_record(actor=user, patient=screening.patient, record=f"screening {screening.pk}")
    return screening


def screening_review_queue(*, user):
    if not user.has_perm(VIEW_ANSWERS):
        raise PermissionDenied
    return Screening.objects.review_queue().select_related("patient__user")
