"""The patient's infusions in their data download (patients/rights): appointments, plans,
reminders sent (not their bodies), infusion records and follow-up checks. Registered in
InfusionsConfig.ready()."""

from zoneinfo import ZoneInfo

from patients.rights.serialise import plain, row

from .models import (
    InfusionAppointment,
    InfusionRecord,
    OutcomeCheck,
    Reminder,
    SideEffect,
    TreatmentPlan,
)


def _local(moment, time_zone: str) -> str:
    return moment.astimezone(ZoneInfo(time_zone)).isoformat() if moment else ""


def _appointment(appointment) -> dict:
    zone = appointment.chair.location.time_zone
    return {
        "id": appointment.pk,
        "location": appointment.chair.location.name,
        "type": appointment.appointment_type.name,
        "status": appointment.get_status_display(),
        "starts_at": plain(appointment.starts_at),
        "ends_at": plain(appointment.ends_at),
        "starts_at_local": _local(appointment.starts_at, zone),
        "ends_at_local": _local(appointment.ends_at, zone),
        "time_zone": zone,
        "cancel_reason": appointment.cancel_reason,
    }


def _record(record) -> dict:
    labels = dict(SideEffect.choices)
    return {
        "appointment_id": record.appointment_id,
        **row(
            record,
            [
                "weight_kg",
                "dose_mg_per_kg",
                "total_mg",
                "dose_reason",
                "started_at",
                "stopped_at",
                "side_effect_notes",
                "pain_before",
                "pain_after",
                "mood_before",
                "mood_after",
                "discharge_criteria_met",
                "escort_present",
                "notes",
                "signed_at",
            ],
        ),
        "side_effects": [labels.get(code, code) for code in record.side_effects],
        "signed": record.signed_at is not None,
        "vitals": [
            row(vitals, ["taken_at", "systolic", "diastolic", "heart_rate", "spo2"])
            for vitals in record.vitals.order_by("taken_at")
        ],
    }


def collect(patient) -> dict:
    appointments = (
        InfusionAppointment.objects.filter(patient=patient)
        .select_related("chair__location", "appointment_type")
        .order_by("starts_at")
    )
    plans = TreatmentPlan.objects.filter(patient=patient).select_related(
        "location", "initial_type", "maintenance_type"
    )
    reminders = Reminder.objects.filter(
        appointment__patient=patient, status=Reminder.Status.SENT
    ).order_by("sent_at")
    records = (
        InfusionRecord.objects.filter(appointment__patient=patient)
        .prefetch_related("vitals")
        .order_by("appointment__starts_at")
    )
    checks = OutcomeCheck.objects.filter(patient=patient).order_by("answered_at")
    return {
        "appointments": [_appointment(appointment) for appointment in appointments],
        "treatment_plans": [
            {
                "location": plan.location.name,
                "status": plan.get_status_display(),
                "initial_type": plan.initial_type.name,
                "maintenance_type": plan.maintenance_type.name if plan.maintenance_type else "",
                **row(
                    plan,
                    [
                        "initial_count",
                        "initial_span_days",
                        "maintenance_interval_weeks",
                        "maintenance_count",
                        "dose_min_mg_per_kg",
                        "dose_max_mg_per_kg",
                        "created_at",
                    ],
                ),
            }
            for plan in plans.order_by("created_at")
        ],
        "reminders_sent": [
            {
                "appointment_id": reminder.appointment_id,
                "kind": reminder.get_kind_display(),
                "channel": reminder.get_channel_display(),
                "sent_at": plain(reminder.sent_at),
            }
            for reminder in reminders
        ],
        "infusion_records": [_record(record) for record in records],
        "outcome_checks": [
            {
                "appointment_id": check.appointment_id,
                **row(check, ["phq9_total", "gad7_total", "pain_score", "answered_at"]),
                "answers": check.answers,
            }
            for check in checks
        ],
    }
