"""Writes for the intake. Each step is saved on its own, so nothing typed is lost."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Medication, Patient
from ..signals import intake_changed
from . import steps

BOTH_ROWS_AND_NONE = (
    "You listed medications and also ticked “I take no medications”. Untick it, or remove the rows."
)
NEITHER_ROWS_NOR_NONE = (
    "List every medication you take, including over-the-counter ones and supplements, or tick "
    "“I take no medications”."
)


def _mark_done(patient: Patient, slug: str, reason: str) -> None:
    if slug not in patient.intake_steps_done:
        patient.intake_steps_done = [*patient.intake_steps_done, slug]
    patient._change_reason = reason
    patient.save()


@transaction.atomic
def intake_save_step(*, patient: Patient, slug: str, form) -> Patient:
    """Save one step's valid form. Editing after the intake is finished is kept in history."""
    patient = form.save(commit=False)
    if "id_document_photo" in form.changed_data and patient.id_document_photo:
        patient.id_document_photo_uploaded_at = timezone.now()
    step = steps.step_by_slug(slug)
    _mark_done(patient, slug, f"Intake: {step.title}")
    if form.has_changed():
        intake_changed.send(sender=Patient, patient=patient, what=f"intake ({step.title.lower()})")
    return patient


@transaction.atomic
def intake_save_medications(
    *, patient: Patient, rows: list[dict], takes_no_medications: bool
) -> Patient:
    """Make the medication list exactly `rows`, keeping unchanged rows as they are.

    The list must be said in full: rows, or an explicit "none", never silence and never both
    (a ValidationError says which). Idempotent: the same submission twice (a double-click)
    leaves one list, not two.
    """
    if rows and takes_no_medications:
        raise ValidationError(BOTH_ROWS_AND_NONE)
    if not rows and not takes_no_medications:
        raise ValidationError(NEITHER_ROWS_NOR_NONE)
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    wanted = [
        (r["name"].strip(), r.get("dose", "").strip(), r.get("frequency", "").strip(),
         r.get("prescriber", "").strip())
        for r in rows
    ]  # fmt: skip
    existing = list(patient.medications.all())
    unmatched = list(wanted)
    changed = patient.takes_no_medications != takes_no_medications
    for medication in existing:
        key = (medication.name, medication.dose, medication.frequency, medication.prescriber)
        if key in unmatched:
            unmatched.remove(key)
        else:
            medication.delete()
            changed = True
    changed = changed or bool(unmatched)
    for name, dose, frequency, prescriber in unmatched:
        Medication.objects.create(
            patient=patient, name=name, dose=dose, frequency=frequency, prescriber=prescriber
        )
    for position, medication in enumerate(
        sorted(patient.medications.all(), key=lambda m: _order(m, wanted))
    ):
        if medication.position != position:
            medication.position = position
            medication.save(update_fields=["position"])
    patient.takes_no_medications = takes_no_medications
    _mark_done(patient, "medications", "Intake: Medications")
    if changed:
        intake_changed.send(sender=Patient, patient=patient, what="medications")
    return patient


def _order(medication, wanted):
    key = (medication.name, medication.dose, medication.frequency, medication.prescriber)
    return wanted.index(key) if key in wanted else len(wanted)


def intake_missing_steps(*, patient: Patient) -> list[steps.Step]:
    return [s for s in steps.STEPS if s.slug not in patient.intake_steps_done]


@transaction.atomic
def intake_complete(*, patient: Patient) -> Patient:
    """Finish the intake once every step is saved. Idempotent."""
    if intake_missing_steps(patient=patient):
        raise ValueError("Every step must be saved before the intake is finished.")
    if patient.intake_completed_at is None:
        patient.intake_completed_at = timezone.now()
        patient._change_reason = "Intake finished"
        patient.save()
    return patient
