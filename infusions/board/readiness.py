"""What the desk should sort out before an infusion goes ahead, as short notes on the board:
the gate's own requirements (the same rules that refuse a booking, read from a patient's
`Standing`), told a little more precisely where the desk can act on it, and the driver home.
Pure: the board loads the standings in bulk."""

from dataclasses import dataclass

from screening.models import Screening

from ..eligibility import REQUIREMENTS, Standing, consent_signed, screening_cleared


@dataclass(frozen=True)
class Caution:
    code: str  # "driver", or the name of the gate's requirement
    text: str


def is_reopened(screening: Screening | None) -> bool:
    """Back in the review queue after it first joined it: reopened when the patient changed
    their record, or answered a clinician's question. (A booked patient was cleared when
    booked, so a review pending again is one to chase.)"""
    return (
        screening is not None
        and screening.status == Screening.Status.PENDING_REVIEW
        and screening.waiting_since > screening.submitted_at
    )


def _refined(check, message: str, standing: Standing) -> str:
    if check is screening_cleared and is_reopened(standing.screening):
        return "Screening reopened: a clinician must review it again before the infusion."
    if check is consent_signed and standing.latest_signature and standing.current_consent:
        signed = standing.latest_signature.document.version_label
        return (
            f"Consent signed for version {signed}; version "
            f"{standing.current_consent.version_label} must be signed first."
        )
    return message


def cautions_for(appointment, standing: Standing | None) -> list[Caution]:
    """The notes for one appointment still open (booked, checked in, in the chair or
    recovering); none for one that is over or will not happen."""
    if not appointment.is_open:
        return []
    cautions = []
    if not (appointment.driver_name.strip() and appointment.driver_phone.strip()):
        cautions.append(Caution("driver", "No driver home confirmed: ask for a name and phone."))
    if standing is not None:
        for check in REQUIREMENTS:
            message = check(standing)
            if message is not None:
                text = _refined(check, message, standing)
                cautions.append(Caution(check.__name__, text))
    return cautions
