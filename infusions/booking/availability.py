"""The free times to offer someone booking an infusion at a location.

1. Load one calendar for all the days asked (a handful of queries, whatever their number).
2. For each local day that has opening hours and a clinician on duty, take every quarter
   hour of wall-clock time inside the hours (a time the clocks skip is not a time).
3. Ask the booking rules (`rules.slot_problem`, the very function the booking service asks)
   about that start on each chair in the calendar's order; the first chair with no problem
   takes it, and a start no chair takes is not offered.

What is offered is what the service would book at this moment; someone may still take it
first, and the service then says so.
"""

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.utils import timezone

from clinic.lib.timezones import local_day_bounds

from ..models import AppointmentType, TreatmentPlan
from .calendar import calendar_load
from .rules import Calendar, Slot, slot_problem
from .services import default_type, min_gap_for

STEP = timedelta(minutes=15)
MARGIN = timedelta(days=1)
SEARCH_DAYS = 30


@dataclass(frozen=True)
class FreeTime:
    """One start a patient may pick: wall-clock time at the location, and the chair it is on."""

    local: datetime  # aware, in the location's zone
    chair_id: int
    starts_at: datetime  # the same instant in UTC

    @property
    def label(self) -> str:
        return f"{self.local:%-I:%M %p}"

    @property
    def value(self) -> str:
        """What a form sends back: the chair, the local day and the wall-clock time."""
        return slot_value(self.chair_id, self.local.date(), f"{self.local:%H:%M}")


@dataclass(frozen=True)
class DayTimes:
    day: date  # local at the location
    times: list[FreeTime]


def slot_value(chair_id, day, clock: str) -> str:
    return f"{chair_id}/{day}/{clock}"


class FreeTimeSearch:
    """One calendar loaded for the days asked, each day's free times worked out when first
    asked: a page that lists the days with free times and the times of one of them asks the
    rules about a few dozen starts, not every start of the month."""

    def __init__(
        self,
        location,
        *,
        patient,
        appointment_type,
        first_day: date,
        days: int = SEARCH_DAYS,
        online: bool = True,
        plan=None,
        ignore_pk=None,
        now: datetime | None = None,
    ):
        now = now or timezone.now()
        self.zone = ZoneInfo(location.time_zone)
        self.earliest = now + timedelta(hours=location.booking_notice_hours) if online else now
        self.latest = now + timedelta(days=location.booking_horizon_days)
        self.held_for = timedelta(
            minutes=appointment_type.infusion_minutes + appointment_type.recovery_minutes
        )
        self.turnover = timedelta(minutes=appointment_type.turnover_minutes)
        self.rules = {
            "now": now,
            "online": online,
            "min_gap": min_gap_for(plan),
            "ignore_pk": ignore_pk,
        }
        self._times: dict[date, list[FreeTime]] = {}
        # Days wholly before the notice or past the horizon are refused by the rules anyway.
        first = max(first_day, self.earliest.astimezone(self.zone).date())
        last = min(first_day + timedelta(days=days - 1), self.latest.astimezone(self.zone).date())
        self.days: list[date] = []
        if days < 1 or first > last or not location.is_open_for_booking:
            return
        self.cal = calendar_load(location, first, last, patient=patient)
        # Each chair's holds by start, with the latest moment the chair is free again among
        # those started so far: "is the chair taken then?" by bisection, not by a scan.
        self._holds: dict[int, tuple[list[datetime], list[datetime]]] = {}
        self._by_start = sorted(self.cal.held, key=lambda h: h.starts_at)
        self._starts_at = [held.starts_at for held in self._by_start]
        for held in self._by_start:
            if held.pk != ignore_pk:
                starts, free_again = self._holds.setdefault(held.chair_id, ([], []))
                starts.append(held.starts_at)
                free_again.append(max([held.chair_free_at, *free_again[-1:]]))
        self.hours = defaultdict(list)
        for interval in sorted(self.cal.hours, key=lambda i: i.opens):
            self.hours[interval.weekday].append(interval)
        # Only days open, with a clinician on duty and a chair may offer anything.
        self.days = [
            first + timedelta(days=n)
            for n in range((last - first).days + 1)
            if self.hours.get((first + timedelta(days=n)).weekday())
            and self.cal.duty.get(first + timedelta(days=n))
            and self.cal.chair_ids
        ]

    def times_on(self, day: date) -> list[FreeTime]:
        if day not in self._times:
            self._times[day] = list(self._free_on(day)) if day in self.days else []
        return self._times[day]

    def first_on(self, day: date) -> FreeTime | None:
        if day in self._times:
            return next(iter(self._times[day]), None)
        return next(self._free_on(day), None) if day in self.days else None

    def days_with_times(self) -> list[date]:
        return [day for day in self.days if self.first_on(day) is not None]

    def _day_calendar(self, day: date) -> Calendar:
        """The calendar with only the holds around `day`: what the rules read for a slot
        that day is the same, and a clinician's load is counted over a day's holds, not a
        month's. A hold never lasts a day, so a day's margin either side keeps every one a
        slot that day can meet."""
        starts, ends = local_day_bounds(day, self.cal.policy.time_zone)
        first = bisect_left(self._starts_at, starts - 2 * MARGIN)
        last = bisect_left(self._starts_at, ends + MARGIN)
        return Calendar(
            policy=self.cal.policy,
            hours=self.cal.hours,
            chair_ids=self.cal.chair_ids,
            duty=self.cal.duty,
            held=[h for h in self._by_start[first:last] if h.chair_free_at > starts - MARGIN],
            patient_held=self.cal.patient_held,
        )

    def _free_on(self, day: date):
        cal = self._day_calendar(day)
        for starts_at in self._starts(day):
            if self.earliest <= starts_at <= self.latest:
                chair_id = self._first_chair(cal, starts_at)
                if chair_id is not None:
                    yield FreeTime(starts_at.astimezone(self.zone), chair_id, starts_at)

    def _starts(self, day: date):
        """Each quarter hour of wall-clock time inside the day's hours at which an infusion
        and its recovery end by closing, as UTC instants; a time the clocks skip (2:30 AM on
        the spring-forward night) is no time at all."""
        zone = self.zone
        midnight = datetime.combine(day, time.min)
        offset = midnight.replace(tzinfo=zone).utcoffset()
        # Most days keep one offset from UTC, and the wall clock is plain arithmetic.
        steady = offset == (midnight + timedelta(days=1)).replace(tzinfo=zone).utcoffset()
        for interval in self.hours[day.weekday()]:
            naive = datetime.combine(day, interval.opens)
            closes = datetime.combine(day, interval.closes)
            while naive < closes:
                if steady:
                    if naive + self.held_for > closes:
                        break
                    yield (naive - offset).replace(tzinfo=UTC)
                else:
                    starts_at = naive.replace(tzinfo=zone).astimezone(UTC)
                    skipped = starts_at.astimezone(zone).replace(tzinfo=None) != naive
                    ends = (starts_at + self.held_for).astimezone(zone).replace(tzinfo=None)
                    if not skipped and ends <= closes:
                        yield starts_at
                naive += STEP

    def _first_chair(self, cal: Calendar, starts_at: datetime) -> int | None:
        ends_at = starts_at + self.held_for
        chair_free_at = ends_at + self.turnover
        for chair_id in self.cal.chair_ids:
            if self._chair_taken(chair_id, starts_at, chair_free_at):
                continue  # the rules would say so; on a busy day most chairs are
            slot = Slot(chair_id, starts_at, ends_at, chair_free_at)
            if slot_problem(cal, slot, **self.rules) is None:
                return chair_id
        return None

    def _chair_taken(self, chair_id, starts_at, chair_free_at) -> bool:
        """The rules' own test (a hold starting before the slot's chair is free again, and
        free again after the slot starts), for a chair's holds at once."""
        holds = self._holds.get(chair_id)
        if not holds:
            return False
        starts, free_again = holds
        before = bisect_left(starts, chair_free_at)
        return before > 0 and free_again[before - 1] > starts_at


def free_times(
    location,
    *,
    patient,
    appointment_type,
    first_day: date,
    days: int = SEARCH_DAYS,
    online: bool = True,
    plan=None,
    ignore_pk=None,
    now: datetime | None = None,
) -> list[DayTimes]:
    """The days from `first_day` (local) that offer at least one free time, each with all
    its times in order. `appointment_type` is anything with the three minute counts: a type,
    or the appointment being moved (which keeps the minutes it was booked with; give its pk
    as `ignore_pk` too, so its own hold frees its time). `online`: the patient books it, so
    the minimum notice applies. `plan`: its gap between two infusions."""
    found = FreeTimeSearch(
        location,
        patient=patient,
        appointment_type=appointment_type,
        first_day=first_day,
        days=days,
        online=online,
        plan=plan,
        ignore_pk=ignore_pk,
        now=now,
    )
    return [DayTimes(day, times) for day in found.days if (times := found.times_on(day))]


@dataclass(frozen=True)
class FreeTimePage:
    """What a booking page shows: the days of a 30-day window that have a free time, one of
    those days with its times, and where the windows before and after start."""

    first_day: date
    days: list[date]
    day: date | None
    times: list[FreeTime]
    earlier: date | None
    later: date | None
    keep: dict = field(default_factory=dict)  # the page's own query parameters (location...)

    @property
    def day_links(self) -> list[tuple[str, str, bool]]:
        """For the day picker: each day's link (query string), label, and whether it is the
        day shown."""
        query = urlencode({**self.keep, "from": self.first_day.isoformat()})
        return [
            (f"?{query}&day={day.isoformat()}#times", f"{day:%a %b %-d}", day == self.day)
            for day in self.days
        ]

    @property
    def window_query(self) -> str:
        """The query string of a link to another window (add its `from`)."""
        return urlencode(self.keep)


def free_time_page(
    location,
    *,
    window_start: date | None = None,
    wanted_day: date | None = None,
    now: datetime | None = None,
    keep: dict | None = None,
    **search,
) -> FreeTimePage:
    """The window of `SEARCH_DAYS` from `window_start` (today at the location if None or
    earlier; never past the horizon) and its day `wanted_day` if it has free times, else
    its first day that has; a `wanted_day` outside the window moves the window to it.
    `keep`: query parameters the page's links carry. `search`: `FreeTimeSearch`'s options."""
    now = now or timezone.now()
    today = location.local_time(now).date()
    farthest = today + timedelta(days=location.booking_horizon_days)
    first = window_start or today
    if wanted_day and not first <= wanted_day < first + timedelta(days=SEARCH_DAYS):
        first = wanted_day
    first = min(max(first, today), farthest)
    found = FreeTimeSearch(location, first_day=first, days=SEARCH_DAYS, now=now, **search)
    days = found.days_with_times()
    day = wanted_day if wanted_day in days else next(iter(days), None)
    window = timedelta(days=SEARCH_DAYS)
    return FreeTimePage(
        first_day=first,
        days=days,
        day=day,
        times=found.times_on(day) if day else [],
        earlier=max(first - window, today) if first > today else None,
        later=first + window if first + window <= farthest else None,
        keep=keep or {},
    )


def kind_to_book(patient) -> tuple[AppointmentType | None, TreatmentPlan | None]:
    """The kind of infusion a patient books for themselves, and the plan it belongs to: the
    active plan's initial-series type until that series is booked, then its maintenance type
    (if the plan has one); without a plan, the initial-series type."""
    plan = (
        TreatmentPlan.objects.filter(patient=patient, status=TreatmentPlan.Status.ACTIVE)
        .select_related("initial_type", "maintenance_type")
        .first()
    )
    if plan is None:
        return default_type(), None
    if plan.maintenance_type_id is not None and plan.maintenance_type.is_active:
        initial_booked = plan.appointments.live().filter(appointment_type=plan.initial_type_id)
        if initial_booked.count() >= plan.initial_count:
            return plan.maintenance_type, plan
    return plan.initial_type, plan
