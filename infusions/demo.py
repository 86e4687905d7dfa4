"""The schedule's part of the demo clinic (`manage.py seed_demo`): the demo clinician on duty at
Riverside whenever it is open, the three appointment types, two past visits of the cleared demo
patient, charted, and a few infusions booked for them over the coming days, so the day board
and the patient's pages have something to show. Runs after the locations, patients and
screening parts, whose people and places it uses. Idempotent; never for production."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clinic.locations.models import Location
from patients.selectors import patient_for_user

from .booking.services import NotEligible, infusion_book
from .models import AppointmentType, DutyShift, InfusionAppointment
from .record.demo import seed_past_visits

LOCATION = "riverside"
CLINICIAN = "clinician@example.com"
FRONT_DESK = "frontdesk@example.com"
# The same three as migration 0003, in case someone deleted one in the admin.
TYPES = [
    ("Initial-series infusion", AppointmentType.Kind.INITIAL),
    ("Maintenance infusion", AppointmentType.Kind.MAINTENANCE),
    ("Booster infusion", AppointmentType.Kind.BOOSTER),
]
# Cleared by the screening part; how many infusions each has booked ahead.
CLEARED_PATIENTS = {"patient3@example.com": 3}
# Local start times tried on each day, the first free one taken.
STARTS = [time(10), time(13), time(9)]
FIRST_DAY_AHEAD = 2  # days: past any notice, so the demo books as the desk would
DAYS_SEARCHED = 21


@transaction.atomic
def seed_demo(*, stdout) -> None:
    users = get_user_model().objects
    location = Location.objects.get(slug=LOCATION)
    _duty(stdout, location, users.get(email=CLINICIAN))
    _types(stdout)
    desk = users.get(email=FRONT_DESK)
    for email, wanted in CLEARED_PATIENTS.items():
        patient = patient_for_user(user=users.get(email=email))
        seed_past_visits(
            stdout=stdout,
            location=location,
            patient=patient,
            clinician=users.get(email=CLINICIAN),
            desk=desk,
        )
        _infusions(stdout, location, patient, wanted, desk)


def _duty(stdout, location, clinician):
    added = 0
    for hours in location.opening_hours.all():
        _, created = DutyShift.objects.get_or_create(
            location=location,
            clinician=clinician,
            weekday=hours.weekday,
            starts=hours.opens,
            defaults={"ends": hours.closes},
        )
        added += created
    verb = "is now" if added else "stays"
    stdout.write(f"{clinician.email} {verb} on duty at {location.name} whenever it is open")


def _types(stdout):
    for name, kind in TYPES:
        _, added = AppointmentType.objects.get_or_create(name=name, defaults={"kind": kind})
        if added:
            stdout.write(f"Added the appointment type {name}")


def _infusions(stdout, location, patient, wanted, booked_by):
    """Book the patient's infusions up to `wanted` still to come, one a day, on the first
    free chair at the first free time of each open day from FIRST_DAY_AHEAD days on."""
    email = patient.user.email
    now = timezone.now()
    ahead = InfusionAppointment.objects.live().filter(
        patient=patient, chair__location=location, starts_at__gt=now
    )
    booked = ahead.count()
    if booked >= wanted:
        stdout.write(f"Kept the {booked} infusions of {email} at {location.name}")
        return
    zone = ZoneInfo(location.time_zone)
    chairs = list(location.chairs.filter(is_active=True).order_by("name"))
    starts = ahead.values_list("starts_at", flat=True)
    taken_days = {location.local_time(starts_at).date() for starts_at in starts}
    today = location.local_time(now).date()
    for offset in range(FIRST_DAY_AHEAD, FIRST_DAY_AHEAD + DAYS_SEARCHED):
        day = today + timedelta(days=offset)
        if booked >= wanted:
            break
        if day in taken_days:
            continue
        try:
            appointment = _book_first_free(patient, chairs, day, zone, booked_by)
        except NotEligible as refusal:
            stdout.write(f"{email} is not booked for infusions: {refusal.messages[0]}")
            return
        if appointment is not None:
            booked += 1
            local = location.local_time(appointment.starts_at)
            stdout.write(
                f"{email}: infusion booked at {location.name}, {appointment.chair.name}, "
                f"{local:%a %b %-d at %-I:%M %p}"
            )
    if booked < wanted:
        stdout.write(f"{email}: only {booked} of {wanted} infusions found a free time")


def _book_first_free(patient, chairs, day, zone, booked_by):
    for start in STARTS:
        for chair in chairs:
            try:
                return infusion_book(
                    patient=patient,
                    chair=chair,
                    starts_at=datetime.combine(day, start, tzinfo=zone),
                    booked_by=booked_by,
                    driver_name="Morgan Brooks",
                    driver_phone="(860) 555-0177",
                )
            except NotEligible:
                raise
            except ValidationError:
                continue  # closed, taken or no clinician free then: try the next
    return None
