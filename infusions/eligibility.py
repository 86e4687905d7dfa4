"""The gate: may this patient be booked for an infusion?

The rules are pure functions over one patient's `Standing` (what their intake, screening and
consent say), each returning what is missing in words, or None; a new requirement is one more
entry in REQUIREMENTS. `infusion_eligibility` asks for one patient (the booking service asks it,
whatever the entry point); `infusion_eligibility_for_patients` asks for a page of patients in
three queries, whatever their number, with the same rules.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from patients.consent.selectors import consent_is_current, consent_latest_for_patient
from patients.models import ConsentDocument, ConsentSignature, Patient
from screening.models import Screening
from screening.selectors import screening_latest_for_patient


@dataclass(frozen=True)
class Eligibility:
    missing: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Standing:
    """What the gate reads of one patient."""

    intake_finished: bool
    screening: Screening | None  # the latest
    current_consent: ConsentDocument | None  # the version patients sign now
    latest_signature: ConsentSignature | None

    @property
    def consent_is_current(self) -> bool:
        return consent_is_current(self.current_consent, self.latest_signature)


def intake_finished(standing: Standing) -> str | None:
    if not standing.intake_finished:
        return "The intake is not finished."
    return None


def screening_cleared(standing: Standing) -> str | None:
    screening = standing.screening
    if screening is None:
        return "The safety questions are not answered yet."
    if screening.is_declined:
        return "A clinician declined the screening."
    if not screening.is_cleared:
        return "A clinician has not cleared the screening yet."
    return None


def consent_signed(standing: Standing) -> str | None:
    if standing.consent_is_current:
        return None
    if standing.current_consent is None:
        return "The clinic has not published its consent yet."
    if standing.latest_signature is None:
        return "The consent is not signed yet."
    return "The clinic has a new version of the consent that must be signed first."


REQUIREMENTS: tuple[Callable[[Standing], str | None], ...] = (
    intake_finished,
    screening_cleared,
    consent_signed,
)


def eligibility_of(standing: Standing) -> Eligibility:
    return Eligibility(tuple(m for check in REQUIREMENTS if (m := check(standing)) is not None))


def patient_standing(patient: Patient) -> Standing:
    return Standing(
        intake_finished=patient.intake_completed_at is not None,
        screening=screening_latest_for_patient(patient=patient),
        current_consent=ConsentDocument.objects.current(),
        latest_signature=consent_latest_for_patient(patient),
    )


def infusion_eligibility(*, patient: Patient) -> Eligibility:
    return eligibility_of(patient_standing(patient))


def standings_of_patients(patients: Iterable[Patient]) -> dict[int, Standing]:
    """Each patient's standing by id, in three queries whatever the number of patients."""
    patients = list(patients)
    ids = [p.pk for p in patients]
    latest_screening: dict[int, Screening] = {}
    for screening in Screening.objects.filter(patient_id__in=ids).order_by("submitted_at", "pk"):
        latest_screening[screening.patient_id] = screening
    latest_signature: dict[int, ConsentSignature] = {}
    for signature in (
        ConsentSignature.objects.filter(patient_id__in=ids)
        .select_related("document")
        .order_by("signed_at", "pk")
    ):
        latest_signature[signature.patient_id] = signature
    current = ConsentDocument.objects.current()
    return {
        p.pk: Standing(
            intake_finished=p.intake_completed_at is not None,
            screening=latest_screening.get(p.pk),
            current_consent=current,
            latest_signature=latest_signature.get(p.pk),
        )
        for p in patients
    }


def infusion_eligibility_for_patients(patients: Iterable[Patient]) -> dict[int, Eligibility]:
    """`infusion_eligibility` for many patients at once (a staff list), by patient id."""
    return {pk: eligibility_of(s) for pk, s in standings_of_patients(patients).items()}
