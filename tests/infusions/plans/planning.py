"""Calendars made by hand for the planner's tests: no database, fixed dates in New York."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from clinic.locations.hours import Interval
from infusions.booking.rules import Calendar, Held, Policy
from infusions.plans.planner import Minutes, PlanShape

NEW_YORK = ZoneInfo("America/New_York")
CHAIRS = (11, 12)
CLINICIAN = 7
STANDARD = Minutes(infusion=45, recovery=30, turnover=10)
# A Monday early in March 2027: nothing about it changes with today's date.
MONDAY = date(2027, 3, 1)
NOW = datetime(2027, 2, 20, 12, tzinfo=UTC)
SPRING_FORWARD = date(2027, 3, 14)  # a Sunday: 2 AM becomes 3 AM
FALL_BACK = date(2027, 11, 7)  # a Sunday: 2 AM becomes 1 AM


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A New York wall-clock time as the UTC instant the planner gives."""
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


def hours_open() -> list[Interval]:
    """9 to 5 on weekdays, 9 to 1 on Sundays, closed on Saturdays."""
    weekdays = [Interval(day, time(9), time(17)) for day in range(5)]
    return [*weekdays, Interval(6, time(9), time(13))]


def calendar(
    *,
    first_day: date = MONDAY,
    days: int = 200,
    held: list[Held] | None = None,
    patient_held: list[Held] | None = None,
    away: set[date] = frozenset(),
    horizon_days: int = 400,
) -> Calendar:
    """The location's calendar: one clinician on duty whenever it is open, but on `away` days."""
    intervals = hours_open()
    duty = {}
    for n in range(days):
        day = first_day + timedelta(days=n)
        shifts = [(i.opens, i.closes) for i in intervals if i.weekday == day.weekday()]
        duty[day] = {CLINICIAN: shifts} if shifts and day not in away else {}
    return Calendar(
        policy=Policy(
            is_open_for_booking=True,
            time_zone="America/New_York",
            infusions_per_clinician=2,
            notice=timedelta(hours=12),
            horizon=timedelta(days=horizon_days),
        ),
        hours=intervals,
        chair_ids=list(CHAIRS),
        duty=duty,
        held=held or [],
        patient_held=patient_held or [],
    )


def held(pk: int, starts_at: datetime, *, chair_id: int = CHAIRS[0], patient_id: int = 1) -> Held:
    """A live appointment of the standard type from `starts_at`."""
    ends_at = starts_at + timedelta(minutes=75)
    return Held(
        pk=pk,
        chair_id=chair_id,
        patient_id=patient_id,
        supervisor_id=CLINICIAN,
        starts_at=starts_at,
        ends_at=ends_at,
        chair_free_at=ends_at + timedelta(minutes=10),
    )


def shape(**changes) -> PlanShape:
    """Six initial infusions over 14 days on weekdays, 24 hours apart at least, no maintenance."""
    values = {
        "initial_count": 6,
        "span_days": 14,
        "allowed_weekdays": frozenset(range(5)),
        "initial_minutes": STANDARD,
        "min_gap": timedelta(hours=24),
    }
    values.update(changes)
    return PlanShape(**values)
