"""Reads of a patient's intake by staff, each checking who is asking and logging the look."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from clinic.audit.services import access_record

from ..models import Patient
from ..permissions import VIEW_ID_DOCUMENT_PHOTO


def id_photo_get_for_user(*, user, patient_pk: int) -> Patient:
    """The patient whose ID photo a member of staff opens, to check it against the ID at the
    desk. Without the permission: 403; no such patient or no photo: 404. Each look is logged."""
    if not user.has_perm(VIEW_ID_DOCUMENT_PHOTO):
        raise PermissionDenied
    patient = Patient.objects.filter(pk=patient_pk).exclude(id_document_photo="").first()
    if patient is None:
        raise Http404("No photo of an ID is on file for this patient.")
    access_record(actor=user, patient=patient, record="photo of ID", action="viewed")
    return patient
