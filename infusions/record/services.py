"""Charting one infusion: opening the record, saving what was done, adding vital signs, the
moves through the chair (start, stop, discharge), signing, and amendments after signing.

Every write goes through here, so the rules hold whatever page calls them: only a record of
a patient who has arrived, a dose outside the plan's range only with a reason, nothing
changed after signing except as an amendment with its reason, kept in the record's history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clinic.audit.services import access_record

from ..models import InfusionAppointment, InfusionRecord, VitalSigns
from ..models.appointments import Status
from ..statuses.services import appointment_set_status
from .dose import dose_outside_range, dose_total_mg

# A record is kept for a patient who came: from check-in to discharge.
CHARTED = (Status.CHECKED_IN, Status.IN_CHAIR, Status.RECOVERING, Status.DISCHARGED)

# The fields a clinician writes; the rest (who opened and signed it, the total) the service does.
CHART_FIELDS = (
    "weight_kg",
    "dose_mg_per_kg",
    "dose_reason",
    "started_at",
    "stopped_at",
    "side_effects",
    "side_effect_notes",
    "pain_before",
    "pain_after",
    "mood_before",
    "mood_after",
    "discharge_criteria_met",
    "escort_present",
    "notes",
)

SIGNED = "The record is signed: change it as an amendment, saying why."


def _logged(record, *, by, action: str) -> None:
    """Every change to the chart goes in the access log, as every opening does."""
    access_record(
        actor=by,
        patient=record.appointment.patient,
        record=f"infusion record of appointment {record.appointment_id}",
        action=action,
    )


@transaction.atomic
def record_open(appointment, *, by) -> InfusionRecord:
    """The appointment's record, begun the first time a clinician opens it."""
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status not in CHARTED:
        raise ValidationError(
            "An infusion is charted once the patient has checked in; this appointment is "
            f"{appointment.get_status_display().lower()}."
        )
    record, _ = InfusionRecord.objects.get_or_create(
        appointment=appointment, defaults={"opened_by": by}
    )
    return record


def _check(record, plan) -> None:
    errors = {}
    if dose_outside_range(record.dose_mg_per_kg, plan) and not record.dose_reason.strip():
        errors["dose_reason"] = (
            f"{record.dose_mg_per_kg} mg/kg is outside the plan's {plan.dose_min_mg_per_kg}–"
            f"{plan.dose_max_mg_per_kg} mg/kg: say why this dose was given."
        )
    if record.started_at and record.stopped_at and record.stopped_at < record.started_at:
        errors["stopped_at"] = "The infusion cannot stop before it started."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_save(record, *, by, changes: dict, reason: str = "") -> InfusionRecord:
    """Write the clinician's changes. Once signed, a change is an amendment: it needs a
    reason, and the history keeps the signed original beside it."""
    record = InfusionRecord.objects.select_for_update().get(pk=record.pk)
    changed = {k: v for k, v in changes.items() if k in CHART_FIELDS and getattr(record, k) != v}
    if not changed:
        return record
    if record.is_signed and not reason.strip():
        raise ValidationError({"reason": SIGNED})
    for field, value in changed.items():
        setattr(record, field, value)
    record.total_mg = dose_total_mg(record.weight_kg, record.dose_mg_per_kg)
    _check(record, record.appointment.plan)
    record._history_user = by
    record._change_reason = reason.strip() if record.is_signed else "Charted"
    record.save()
    _logged(record, by=by, action="amended" if record.is_signed else "changed")
    return record


def vitals_add(record, *, by, taken_at, systolic, diastolic, heart_rate, spo2) -> VitalSigns:
    """One set of readings; the chart is closed to new readings once signed."""
    if record.is_signed:
        raise ValidationError(
            "The record is signed: readings cannot be added. Note anything missed as an amendment."
        )
    if diastolic >= systolic:
        raise ValidationError({"diastolic": "The diastolic pressure must be below the systolic."})
    vitals = VitalSigns(
        record=record,
        taken_at=taken_at,
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=heart_rate,
        spo2=spo2,
        recorded_by=by,
    )
    vitals._history_user = by
    vitals.save()
    _logged(record, by=by, action="changed")
    return vitals


@transaction.atomic
def record_start(record, *, by) -> InfusionRecord:
    """The patient is in the chair and the infusion starts now (unless a start is charted)."""
    appointment_set_status(record.appointment, to_status=Status.IN_CHAIR, by=by)
    if record.started_at is None:
        record = record_save(record, by=by, changes={"started_at": timezone.now()})
    return record


@transaction.atomic
def record_stop(record, *, by) -> InfusionRecord:
    """The infusion stops and recovery begins (the stop time is now unless one is charted)."""
    record.refresh_from_db()
    if record.weight_kg is None or record.dose_mg_per_kg is None:
        raise ValidationError("Chart the weight and the dose given before the infusion stops.")
    appointment_set_status(record.appointment, to_status=Status.RECOVERING, by=by)
    if record.stopped_at is None:
        record = record_save(record, by=by, changes={"stopped_at": timezone.now()})
    return record


@transaction.atomic
def record_discharge(record, *, by) -> InfusionRecord:
    """The patient leaves: only with the discharge criteria met and the escort here."""
    record.refresh_from_db()
    missing = []
    if not record.discharge_criteria_met:
        missing.append("the discharge criteria met")
    if not record.escort_present:
        missing.append("the escort home present")
    if missing:
        raise ValidationError(f"Before discharge, chart {' and '.join(missing)}.")
    appointment_set_status(record.appointment, to_status=Status.DISCHARGED, by=by)
    return record


@transaction.atomic
def record_sign(record, *, by) -> InfusionRecord:
    """Sign the complete record after discharge; from now on it changes only by amendment."""
    record = InfusionRecord.objects.select_for_update().get(pk=record.pk)
    if record.is_signed:
        raise ValidationError(SIGNED)
    if record.appointment.status != Status.DISCHARGED:
        raise ValidationError("Sign the record once the patient is discharged.")
    missing = [
        label
        for label, value in (
            ("the weight", record.weight_kg),
            ("the dose", record.dose_mg_per_kg),
            ("the start time", record.started_at),
            ("the stop time", record.stopped_at),
        )
        if value is None
    ]
    if not record.vitals.exists():
        missing.append("at least one set of vital signs")
    if missing:
        raise ValidationError(f"Chart {', '.join(missing)} before signing.")
    record.signed_by = by
    record.signed_at = timezone.now()
    record._history_user = by
    record._change_reason = "Signed"
    record.save()
    _logged(record, by=by, action="signed")
    return record
