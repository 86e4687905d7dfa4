"""Loading a `Calendar` for the rules: a location's hours, chairs, roster and the appointments
held over some days, in a handful of queries whatever their number."""

from datetime import date, timedelta

from clinic.lib.timezones import local_day_bounds
from clinic.locations.models import Chair

from ..models import InfusionAppointment
from ..roster.duty import duty_by_day
from .rules import Calendar, Held, Policy

# How far apart two of a patient's infusions are checked: beyond the longest gap a plan sets.
PATIENT_WINDOW = timedelta(days=15)

_HELD_FIELDS = (
    "pk",
    "chair_id",
    "patient_id",
    "supervisor_id",
    "starts_at",
    "ends_at",
    "chair_free_at",
)


def policy_of(location) -> Policy:
    return Policy(
        is_open_for_booking=location.is_open_for_booking,
        time_zone=location.time_zone,
        infusions_per_clinician=location.infusions_per_clinician,
        notice=timedelta(hours=location.booking_notice_hours),
        horizon=timedelta(days=location.booking_horizon_days),
    )


def _held(queryset) -> list[Held]:
    return [Held(*row) for row in queryset.live().values_list(*_HELD_FIELDS)]


def calendar_load(location, first_day: date, last_day: date, *, patient=None) -> Calendar:
    """Everything the rules read for `location` from `first_day` to `last_day` (local days),
    and, given a patient, their own appointments around those days."""
    starts, _ = local_day_bounds(first_day, location.time_zone)
    _, ends = local_day_bounds(last_day, location.time_zone)
    held = _held(
        InfusionAppointment.objects.filter(
            chair__location=location, starts_at__lt=ends, chair_free_at__gt=starts
        )
    )
    patient_held = []
    if patient is not None:
        patient_held = _held(
            InfusionAppointment.objects.filter(
                patient=patient,
                starts_at__lt=ends + PATIENT_WINDOW,
                ends_at__gt=starts - PATIENT_WINDOW,
            )
        )
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    return Calendar(
        policy=policy_of(location),
        hours=location.hour_intervals(),
        chair_ids=list(
            Chair.objects.filter(location=location, is_active=True)
            .order_by("name")
            .values_list("pk", flat=True)
        ),
        duty=duty_by_day(location, days),
        held=held,
        patient_held=patient_held,
    )
