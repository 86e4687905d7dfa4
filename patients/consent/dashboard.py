"""The consent's step on the patient's home page."""

from ..dashboard.sections import Section
from .selectors import consent_latest_for_patient, consent_needed


def _context(request, patient) -> dict:
    return {
        "consent_to_sign": consent_needed(patient),
        "consent_signed": consent_latest_for_patient(patient),
    }


SECTION = Section(
    name="consent",
    order=30,
    context=_context,
    step_template="patients/consent/_dashboard_step.html",
)
