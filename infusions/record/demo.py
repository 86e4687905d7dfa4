"""Two past visits of the cleared demo patient, charted, signed and with the outcome answers
given before each, so the chart, the trend, the visit summary and the reports have something
to show in `make run`. Past appointments cannot be booked through the booking service (it
refuses times gone by), so they are written as the day would have left them. Idempotent;
never for production."""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from ..models import AppointmentType, InfusionAppointment, InfusionRecord, OutcomeCheck
from ..models.appointments import Status
from ..statuses.services import appointment_check_in, status_record
from . import services

DAYS_AGO = (9, 5)
# What the patient answered before each past visit: PHQ-9 items, GAD-7 items, pain.
ANSWERS = ((2, 2, 6), (1, 1, 4))
READINGS = ((126, 80, 72, 98), (141, 86, 80, 97), (131, 82, 75, 98))


def seed_past_visits(*, stdout, location, patient, clinician, desk) -> None:
    if InfusionRecord.objects.filter(appointment__patient=patient).exists():
        stdout.write(f"Kept the past visits of {patient.user.email}")
        return
    chair = location.chairs.filter(is_active=True).order_by("name").first()
    kind = AppointmentType.objects.filter(kind=AppointmentType.Kind.INITIAL).first()
    zone = ZoneInfo(location.time_zone)
    today = location.local_time(timezone.now()).date()
    for days_ago, (phq, gad, pain) in zip(DAYS_AGO, ANSWERS, strict=True):
        day = today - timedelta(days=days_ago)
        while day.weekday() > 4:  # the clinic's weekdays
            day -= timedelta(days=1)
        starts = datetime.combine(day, time(10), tzinfo=zone)
        appointment = _past_appointment(patient, chair, kind, starts, clinician, desk)
        OutcomeCheck.objects.create(
            appointment=appointment,
            patient=patient,
            answers={
                **{f"phq9_{n}": phq if n < 9 else 0 for n in range(1, 10)},
                **{f"gad7_{n}": gad for n in range(1, 8)},
                "pain_score": pain,
            },
            phq9_total=phq * 8,
            gad7_total=gad * 7,
            pain_score=pain,
        )
        _chart(appointment, clinician, starts)
        local = location.local_time(appointment.starts_at)
        stdout.write(f"{patient.user.email}: past visit charted, {local:%a %b %-d}")


def _past_appointment(patient, chair, kind, starts, clinician, desk):
    ends = starts + timedelta(minutes=kind.infusion_minutes + kind.recovery_minutes)
    appointment = InfusionAppointment.objects.create(
        patient=patient,
        chair=chair,
        appointment_type=kind,
        supervisor=clinician,
        starts_at=starts,
        ends_at=ends,
        chair_free_at=ends + timedelta(minutes=kind.turnover_minutes),
        infusion_minutes=kind.infusion_minutes,
        recovery_minutes=kind.recovery_minutes,
        turnover_minutes=kind.turnover_minutes,
        driver_name="Morgan Brooks",
        driver_phone="(860) 555-0177",
        booked_by=desk,
    )
    status_record(appointment, to_status=Status.BOOKED, by=desk)
    appointment_check_in(
        appointment,
        by=desk,
        id_seen=True,
        driver_name="Morgan Brooks",
        driver_phone="(860) 555-0177",
    )
    return appointment


def _chart(appointment, clinician, starts):
    record = services.record_open(appointment, by=clinician)
    record = services.record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("68.0"), "dose_mg_per_kg": Decimal("0.50")},
    )
    services.record_start(record, by=clinician)
    for minutes, (systolic, diastolic, heart_rate, spo2) in zip((5, 20, 35), READINGS, strict=True):
        services.vitals_add(
            record,
            by=clinician,
            taken_at=starts + timedelta(minutes=minutes),
            systolic=systolic,
            diastolic=diastolic,
            heart_rate=heart_rate,
            spo2=spo2,
        )
    services.record_stop(record, by=clinician)
    services.record_save(
        record,
        by=clinician,
        changes={
            "started_at": starts,
            "stopped_at": starts + timedelta(minutes=appointment.infusion_minutes),
            "side_effects": ["drowsiness"],
            "pain_before": 6,
            "pain_after": 3,
            "mood_before": 4,
            "mood_after": 6,
            "discharge_criteria_met": True,
            "escort_present": True,
        },
    )
    services.record_discharge(record, by=clinician)
    services.record_sign(record, by=clinician)
