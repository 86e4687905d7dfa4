"""Booking infusions: the one way an infusion appointment is made."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.lib.timezones import local_day_bounds
from clinic.locations.hours import covers_span
from clinic.locations.models import Chair
from patients.models import Patient

from .eligibility import infusion_eligibility
from .models import InfusionAppointment

# About an hour of infusion and half an hour of recovery in the chair.
CHAIR_TIME = timedelta(minutes=90)


class NotEligible(ValidationError):
    pass


@transaction.atomic
def infusion_book(*, patient, chair: Chair, starts_at: datetime, booked_by) -> InfusionAppointment:
    """Hold `chair` for the patient's infusion. Refused unless the gate allows the patient,
    the location is open for bookings, the time is in its opening hours and the chair is free.
    """
    # Lock the patient row: a decision reopened a moment ago must be seen by the gate.
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    eligibility = infusion_eligibility(patient=patient)
    if not eligibility.allowed:
        raise NotEligible(
            "This patient cannot be booked for an infusion yet: " + " ".join(eligibility.missing)
        )
    chair = Chair.objects.select_for_update().select_related("location").get(pk=chair.pk)
    location = chair.location
    if not chair.is_active or not location.is_open_for_booking:
        raise ValidationError({"chair": "This chair is not taking bookings."})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": "Choose a time in the future."})
    ends_at = starts_at + CHAIR_TIME
    local_start, local_end = location.local_time(starts_at), location.local_time(ends_at)
    if not covers_span(location.hour_intervals(), local_start, local_end):
        raise ValidationError(
            {"starts_at": "The location is closed for part of that time; choose another."}
        )
    overlapping = InfusionAppointment.objects.booked().filter(
        starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if overlapping.filter(chair=chair).exists():
        raise ValidationError({"starts_at": "That chair is taken at that time."})
    if overlapping.filter(patient=patient).exists():
        raise ValidationError(
            {"starts_at": "This patient already has an infusion booked at that time."}
        )
    day_starts, day_ends = local_day_bounds(local_start.date(), location.time_zone)
    if (
        InfusionAppointment.objects.booked()
        .filter(patient=patient, starts_at__lt=day_ends, ends_at__gt=day_starts)
        .exists()
    ):
        raise ValidationError(
            {"starts_at": "This patient already has an infusion that day; choose another day."}
        )
    try:
        with transaction.atomic():
            return InfusionAppointment.objects.create(
                patient=patient,
                chair=chair,
                starts_at=starts_at,
                ends_at=ends_at,
                booked_by=booked_by,
            )
    except IntegrityError:
        raise ValidationError(
            {"starts_at": "That chair was just taken; choose another time."}
        ) from None
