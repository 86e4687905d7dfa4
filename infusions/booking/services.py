"""Booking, moving and cancelling infusions: the one way each is done, whoever asks (the
patient's pages, the front desk's board, a treatment plan's series, a waitlist claim).

Each takes the location's row lock first, so two bookings at one location are decided one
after the other (clinician capacity cannot be a database constraint); on PostgreSQL the
exclusion constraints on the table hold the chair and the patient even so.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.locations.models import Chair, Location
from patients.models import Patient

from ..eligibility import infusion_eligibility
from ..models import AppointmentType, InfusionAppointment
from ..models.appointments import Status
from ..reminders.services import reminders_plan, reminders_replan
from ..statuses.services import appointment_set_status, status_record
from .calendar import calendar_load
from .rules import Problem, Slot, slot_problem, supervisor_for

DEFAULT_MIN_GAP = timedelta(hours=24)


class NotEligible(ValidationError):
    pass


def min_gap_for(plan) -> timedelta:
    return timedelta(hours=plan.min_gap_hours) if plan is not None else DEFAULT_MIN_GAP


def default_type() -> AppointmentType | None:
    return AppointmentType.objects.active().filter(kind=AppointmentType.Kind.INITIAL).first()


def _check(location, patient, slot, *, online, plan, ignore_pk=None):
    """The rules for one slot, against a calendar of its local day read under the lock."""
    day = location.local_time(slot.starts_at).date()
    calendar = calendar_load(location, day, day, patient=patient)
    problem = slot_problem(
        calendar,
        slot,
        now=timezone.now(),
        online=online,
        min_gap=min_gap_for(plan),
        ignore_pk=ignore_pk,
    )
    if problem is not None:
        raise ValidationError({problem.field: problem.message})
    return supervisor_for(calendar, slot, ignore_pk=ignore_pk)


def _lock(chair):
    chair = Chair.objects.select_related("location").get(pk=chair.pk)
    location = Location.objects.select_for_update().get(pk=chair.location_id)
    return chair, location


def _gate(patient):
    # The patient row is locked too: a decision reopened a moment ago must be seen here.
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    eligibility = infusion_eligibility(patient=patient)
    if not eligibility.allowed:
        raise NotEligible(
            "This patient cannot be booked for an infusion yet: " + " ".join(eligibility.missing)
        )
    return patient


def _save(appointment, fields=None):
    try:
        with transaction.atomic():
            appointment.save(update_fields=fields)
    except IntegrityError:
        raise ValidationError({"starts_at": "That time was just taken; choose another."}) from None


@transaction.atomic
def infusion_book(
    *,
    patient,
    chair: Chair,
    starts_at: datetime,
    booked_by,
    appointment_type: AppointmentType | None = None,
    plan=None,
    online: bool = False,
    driver_name: str = "",
    driver_phone: str = "",
) -> InfusionAppointment:
    """Hold a chair and a supervising clinician for the patient's infusion, if every rule
    allows it. `online`: the patient books it themselves."""
    chair, location = _lock(chair)
    patient = _gate(patient)
    appointment_type = appointment_type or default_type()
    if appointment_type is None or not appointment_type.is_active:
        raise ValidationError({"appointment_type": "Choose a kind of infusion."})
    slot = Slot.for_minutes(
        chair.pk,
        starts_at,
        infusion=appointment_type.infusion_minutes,
        recovery=appointment_type.recovery_minutes,
        turnover=appointment_type.turnover_minutes,
    )
    supervisor = _check(location, patient, slot, online=online, plan=plan)
    appointment = InfusionAppointment(
        patient=patient,
        chair=chair,
        appointment_type=appointment_type,
        supervisor_id=supervisor,
        plan=plan,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        chair_free_at=slot.chair_free_at,
        infusion_minutes=appointment_type.infusion_minutes,
        recovery_minutes=appointment_type.recovery_minutes,
        turnover_minutes=appointment_type.turnover_minutes,
        driver_name=driver_name.strip(),
        driver_phone=driver_phone.strip(),
        booked_by=booked_by,
    )
    _save(appointment)
    status_record(appointment, to_status=Status.BOOKED, by=booked_by)
    reminders_plan(appointment)
    return appointment


def cancellation_deadline(appointment) -> datetime:
    return appointment.starts_at - timedelta(hours=appointment.location.cancellation_hours)


def patient_may_change(appointment, now=None) -> bool:
    """Outside the cancellation window a patient moves or cancels online; inside it they call."""
    return appointment.status == Status.BOOKED and (now or timezone.now()) < cancellation_deadline(
        appointment
    )


def _refuse_inside_window(appointment):
    if not patient_may_change(appointment):
        raise ValidationError(
            f"Changes within {appointment.location.cancellation_hours} hours of the start are "
            f"made by phone: call the clinic on {appointment.location.phone}."
        )


@transaction.atomic
def infusion_move(
    appointment, *, chair: Chair, starts_at: datetime, by, online: bool = False
) -> InfusionAppointment:
    """Move a booked infusion to another time or chair under the same rules, keeping the
    minutes it was booked with."""
    chair, location = _lock(chair)
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status != Status.BOOKED:
        raise ValidationError("Only a booked infusion can be moved.")
    if online:
        _refuse_inside_window(appointment)
    if chair.location_id != appointment.chair.location_id:
        raise ValidationError({"chair": "Choose a chair at the same location."})
    patient = _gate(appointment.patient)
    slot = Slot.for_minutes(
        chair.pk,
        starts_at,
        infusion=appointment.infusion_minutes,
        recovery=appointment.recovery_minutes,
        turnover=appointment.turnover_minutes,
    )
    supervisor = _check(
        location, patient, slot, online=online, plan=appointment.plan, ignore_pk=appointment.pk
    )
    old_start = appointment.starts_at
    appointment.chair, appointment.supervisor_id = chair, supervisor
    appointment.starts_at, appointment.ends_at = slot.starts_at, slot.ends_at
    appointment.chair_free_at = slot.chair_free_at
    _save(appointment)
    local = location.local_time(old_start)
    status_record(
        appointment,
        from_status=Status.BOOKED,
        to_status=Status.BOOKED,
        by=by,
        reason=f"Moved from {local:%a %b %-d %-I:%M %p}",
    )
    if appointment.starts_at != old_start:
        reminders_replan(appointment)
    return appointment


@transaction.atomic
def infusion_cancel(appointment, *, by, reason: str, online: bool = False):
    """Cancel; inside the cancellation window it counts as a late cancellation (a patient
    online is refused there and told to call)."""
    appointment = InfusionAppointment.objects.select_related("chair__location").get(
        pk=appointment.pk
    )
    if online:
        _refuse_inside_window(appointment)
    late = timezone.now() >= cancellation_deadline(appointment)
    return appointment_set_status(
        appointment,
        to_status=Status.LATE_CANCELLED if late else Status.CANCELLED,
        by=by,
        reason=reason,
    )


@dataclass(frozen=True)
class Booked:
    """For a message: where and when, in the location's time."""

    location: str
    local: datetime

    @classmethod
    def of(cls, appointment) -> "Booked":
        location = appointment.chair.location
        return cls(location.name, location.local_time(appointment.starts_at))

    def __str__(self):
        return f"{self.location} on {self.local:%A, %B %-d at %-I:%M %p}"


__all__ = [
    "Booked",
    "NotEligible",
    "Problem",
    "cancellation_deadline",
    "infusion_book",
    "infusion_cancel",
    "infusion_move",
    "patient_may_change",
]
