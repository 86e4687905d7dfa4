"""Everything the clinic holds about one patient, as plain data for the download."""

from django.utils import timezone

from ..models import ClosureRequest, Consultation, Patient
from . import parts
from .serialise import plain, row

INTAKE_FIELDS = [
    "legal_first_name",
    "legal_last_name",
    "preferred_name",
    "date_of_birth",
    "phone",
    "street_address",
    "city",
    "state",
    "postal_code",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relationship",
    "escort_name",
    "escort_phone",
    "referring_clinician",
    "referring_clinician_phone",
    "other_condition",
    "medical_history",
    "allergies",
    "takes_no_medications",
    "id_document_type",
    "id_document_expiry",
    "id_document_photo_uploaded_at",
    "intake_completed_at",
    "created_at",
    "updated_at",
]


def _patients_part(patient: Patient) -> dict:
    user = patient.user
    intake = row(patient, INTAKE_FIELDS)
    intake["conditions"] = patient.condition_labels
    intake["preferred_location"] = (
        patient.preferred_location.name if patient.preferred_location_id else ""
    )
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": plain(user.date_joined),
        },
        "intake": intake,
        "medications": [
            row(medication, ["name", "dose", "frequency", "prescriber"])
            for medication in patient.medications.order_by("position", "pk")
        ],
        # The signed PDF is named, not included: it is on the consent's own page.
        "consents": [
            {
                **row(
                    signature,
                    ["document_title", "document_version", "typed_name", "signed_at"],
                ),
                "signed_at_local": signature.signed_at_local,
                "pdf": signature.pdf.name.rsplit("/", 1)[-1] if signature.pdf else "",
            }
            for signature in patient.consents.order_by("signed_at")
        ],
        # Consultations are booked with an e-mail address, before any account.
        "consultations": [
            {
                **row(consultation, ["starts_at", "ends_at", "created_at"]),
                "kind": consultation.get_kind_display(),
                "status": consultation.get_status_display(),
                "location": consultation.location.name,
            }
            for consultation in Consultation.objects.filter(email__iexact=user.email)
            .select_related("location")
            .order_by("starts_at")
            if user.email
        ],
        "closure_requests": [
            {
                **row(request, ["reason", "requested_at", "handled_at"]),
                "status": request.get_status_display(),
            }
            for request in patient.closure_requests.order_by("requested_at")
        ],
    }


def patient_data(patient: Patient) -> dict:
    """All of one patient's data: the patients app's part, then each registered part under
    its name. Plain JSON values only."""
    data = {"generated_at": plain(timezone.now()), "patient": _patients_part(patient)}
    for part in parts.registered():
        data[part.name] = part.collect(patient)
    return data


def closure_request_open(patient: Patient) -> ClosureRequest | None:
    return patient.closure_requests.filter(status=ClosureRequest.Status.OPEN).first()
