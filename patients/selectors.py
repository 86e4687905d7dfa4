"""The patient behind a signed-in account: the one way the apps above patients reach a
patient's record from a request."""

from django.core.exceptions import PermissionDenied

from .models import Patient
from .permissions import COMPLETE_OWN_INTAKE


def patient_for_user(*, user) -> Patient:
    """The patient record of a signed-in patient, made on first use from the account."""
    patient, _ = Patient.objects.get_or_create(
        user=user,
        defaults={"legal_first_name": user.first_name, "legal_last_name": user.last_name},
    )
    return patient


def patient_for_request(request) -> Patient:
    """The signed-in patient's own record; anyone who is not a patient is refused."""
    if not request.user.has_perm(COMPLETE_OWN_INTAKE):
        raise PermissionDenied
    return patient_for_user(user=request.user)
