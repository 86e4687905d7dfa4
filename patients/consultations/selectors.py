"""Reads for consultations: free slots, and the bookings staff may see."""

from datetime import date, datetime, timedelta

from clinic.locations.hours import Interval
from clinic.locations.models import ConsultantHours, Location

from ..models import Consultation
from . import availability

BOOKING_HORIZON_DAYS = 30
MINIMUM_NOTICE = timedelta(hours=2)


def consultation_slots(
    *, location: Location, first_day: date, days: int, now: datetime
) -> list[availability.Slot]:
    """Free consultation slots at the location, in three queries whatever the bookings."""
    opening = location.hour_intervals()
    staff_hours: dict[int, list[Interval]] = {}
    for h in ConsultantHours.objects.filter(location=location, staff__is_active=True):
        staff_hours.setdefault(h.staff_id, []).append(Interval(h.weekday, h.starts, h.ends))
    # A day either side covers any zone's offset from UTC.
    window_start = datetime.combine(first_day - timedelta(days=1), datetime.min.time()).replace(
        tzinfo=now.tzinfo
    )
    window_end = window_start + timedelta(days=days + 2)
    bookings = [
        availability.Booking(staff_id, starts_at, ends_at)
        for staff_id, starts_at, ends_at in Consultation.objects.booked()
        .filter(
            consultant_id__in=staff_hours,
            starts_at__lt=window_end,
            ends_at__gt=window_start,
        )
        .values_list("consultant_id", "starts_at", "ends_at")
    ]
    return availability.open_slots(
        zone_name=location.time_zone,
        opening_hours=opening,
        staff_hours=staff_hours,
        bookings=bookings,
        first_day=first_day,
        days=days,
        slot_minutes=location.consultation_minutes,
        not_before=now + MINIMUM_NOTICE,
    )


def bookable_days(*, location: Location, now: datetime) -> tuple[date, int]:
    """The first local day and the number of days a visitor may book in."""
    return location.local_time(now).date(), BOOKING_HORIZON_DAYS


def consultations_for_staff(*, location: Location, now: datetime):
    """Booked consultations at the location from the start of its local today, for the desk."""
    local_midnight = location.local_time(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        Consultation.objects.booked()
        .filter(location=location, ends_at__gt=local_midnight)
        .select_related("location", "consultant")
        .order_by("starts_at")
    )
