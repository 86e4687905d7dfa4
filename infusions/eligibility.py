"""The gate: may this patient be booked for an infusion?

One function, `infusion_eligibility`, asked by the one booking service whatever the entry
point. Each requirement is a small function returning what is missing in words, or None; a
new requirement is one more entry in REQUIREMENTS.
"""

from collections.abc import Callable
from dataclasses import dataclass

from patients.consent.selectors import consent_is_current, consent_latest_for_patient
from patients.models import ConsentDocument
from screening.models import Screening
from screening.selectors import screening_latest_for_patient


@dataclass(frozen=True)
class Eligibility:
    missing: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.missing


def intake_finished(patient) -> str | None:
    if patient.intake_completed_at is None:
        return "The intake is not finished."
    return None


def screening_cleared(patient) -> str | None:
    screening = screening_latest_for_patient(patient=patient)
    if screening is None:
        return "The safety questions are not answered yet."
    if screening.status == Screening.Status.DECLINED:
        return "A clinician declined the screening."
    if not screening.is_cleared:
        return "A clinician has not cleared the screening yet."
    return None


def consent_signed(patient) -> str | None:
    current = ConsentDocument.objects.current()
    latest = consent_latest_for_patient(patient)
    if consent_is_current(current, latest):
        return None
    if current is None:
        return "The clinic has not published its consent yet."
    if latest is None:
        return "The consent is not signed yet."
    return "The clinic has a new version of the consent that must be signed first."


REQUIREMENTS: tuple[Callable[[object], str | None], ...] = (
    intake_finished,
    screening_cleared,
    consent_signed,
)


def infusion_eligibility(*, patient) -> Eligibility:
    return Eligibility(tuple(m for check in REQUIREMENTS if (m := check(patient)) is not None))
