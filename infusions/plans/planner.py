"""The planner: concrete times for a treatment plan's infusions, proposed, never booked.

Pure: it reads a `Calendar` (loaded by `infusions.booking.calendar.calendar_load` over the days
`last_day_needed` names) and asks `rules.slot_problem` of every time it proposes, with the
plan's minimum gap, so a proposal keeps the very rules the booking service checks again when
the desk books it.

How a proposal is made:
1. Good days: days on one of the plan's allowed weekdays when the location is open and a
   clinician is on duty. A closed day, or one with nobody on duty, is never counted as used.
2. The initial series: N of the span's good days, spread evenly by position (6 over two weeks
   of weekdays is Monday, Wednesday, Friday twice). When the span has at least N good days on
   the patient's preferred weekdays, only those are used. When it has fewer than N good days,
   the rest go on the next good days after the span, so none is dropped.
3. Maintenance: every interval weeks after the series' last infusion.
4. Each infusion's time: on its target day, or the nearest good day within NEAR_DAYS (one
   another infusion aims at only when nothing else is free), the first time that keeps every
   rule, times inside the patient's preferred window first. The proposal so far counts as the
   patient's appointments, so the gap and one-infusion-a-day rules hold between its own
   infusions; a target the infusions before it have passed (a long gap) moves on.
5. An infusion with no such time is marked "could not be kept", with why and up to
   ALTERNATIVES other free times near its target (one a day, nearest day first).
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from clinic.lib.timezones import to_local

from ..booking.rules import Calendar, Held, Slot, slot_problem

SLOT_STEP = timedelta(minutes=15)
NEAR_DAYS = 3  # how far from its target day an infusion may move and still be kept
ALTERNATIVE_DAYS = 7  # how far from the target alternatives are looked for
ALTERNATIVES = 3
OVERFLOW_DAYS = 28  # past the span: where the rest of a series may go when the span is short

NO_GOOD_DAY = "The clinic is closed, or no clinician is on duty, on the days around this one."
ALL_TAKEN = "Every chair or clinician is taken on the days around this one."
NO_TIME_NEAR = "No time on the days around this one keeps every booking rule."
# rules.slot_problem's words for a full day: chairs taken, clinicians busy or off duty.
FULL = {
    "That chair is taken at that time.",
    "Every clinician on duty is supervising as many infusions as they can at that time.",
    "No clinician is on duty to supervise an infusion at that time.",
}


class Kind(StrEnum):
    INITIAL = "initial"
    MAINTENANCE = "maintenance"


@dataclass(frozen=True)
class Minutes:
    """How long an appointment type holds the patient and the chair."""

    infusion: int
    recovery: int
    turnover: int

    def slot(self, chair_id: int, starts_at: datetime) -> Slot:
        return Slot.for_minutes(
            chair_id,
            starts_at,
            infusion=self.infusion,
            recovery=self.recovery,
            turnover=self.turnover,
        )


@dataclass(frozen=True)
class PlanShape:
    """What of a treatment plan the planner reads, and how much of it is left to propose."""

    initial_count: int
    span_days: int
    allowed_weekdays: frozenset[int]
    initial_minutes: Minutes
    min_gap: timedelta
    maintenance_count: int = 0
    maintenance_interval_weeks: int | None = None
    maintenance_minutes: Minutes | None = None
    preferred_weekdays: frozenset[int] = frozenset()
    preferred_earliest: time | None = None  # local start times
    preferred_latest: time | None = None
    # The local day of the series' last infusion when it is already booked, so maintenance
    # counts from it.
    maintenance_after: date | None = None
    first_number: int = 1  # the plan's infusions already held come before

    def minutes_for(self, kind: Kind) -> Minutes:
        if kind == Kind.MAINTENANCE and self.maintenance_minutes is not None:
            return self.maintenance_minutes
        return self.initial_minutes

    @property
    def has_maintenance(self) -> bool:
        return bool(
            self.maintenance_count
            and self.maintenance_interval_weeks
            and self.maintenance_minutes is not None
        )


@dataclass(frozen=True)
class Time:
    """A free time: a chair from a UTC instant, and the same instant at the location."""

    chair_id: int
    starts_at: datetime
    local: datetime


@dataclass(frozen=True)
class Proposed:
    """One infusion of a proposal: its time, or why it could not be kept and what else is free."""

    number: int  # its place in the plan, from 1
    kind: Kind
    target: date
    time: Time | None
    reason: str = ""
    alternatives: tuple[Time, ...] = field(default=())

    @property
    def kept(self) -> bool:
        return self.time is not None


def last_day_needed(shape: PlanShape, first_day: date) -> date:
    """The last local day the planner may read: load the calendar from `first_day` to it."""
    days = shape.span_days + OVERFLOW_DAYS + NEAR_DAYS + ALTERNATIVE_DAYS
    if shape.has_maintenance:
        days += 7 * shape.maintenance_interval_weeks * shape.maintenance_count
    return first_day + timedelta(days=days)


def propose(
    shape: PlanShape, cal: Calendar, *, now: datetime, first_day: date, online: bool = False
) -> list[Proposed]:
    """Times for what is left of the plan from `first_day` on (see the module's steps).
    `online`: the patient will book them, so the location's minimum notice applies."""
    planner = _Planner(shape, cal, now=now, online=online, first_day=first_day)
    ready = now + cal.policy.notice if online else now
    targets = [(Kind.INITIAL, day) for day in initial_targets(shape, cal, first_day, ready=ready)]
    proposal: list[Proposed] = []
    number = shape.first_number
    not_before = first_day
    # The next infusion is at least this many days on: whole days of the plan's gap, and
    # never the same day (a time within the last day is left to the rules to judge).
    day_gap = timedelta(days=max(1, shape.min_gap // timedelta(days=1)))
    for index, (kind, target) in enumerate(targets):
        aimed_at_later = {day for _, day in targets[index + 1 :]}
        proposed = planner.place(number, kind, target, not_before=not_before, avoid=aimed_at_later)
        proposal.append(proposed)
        not_before = _day_of(proposed) + day_gap
        number += 1
    if shape.has_maintenance:
        anchor = _day_of(proposal[-1]) if proposal else shape.maintenance_after
        for target in maintenance_targets(shape, anchor, first_day):
            proposed = planner.place(number, Kind.MAINTENANCE, target, not_before=not_before)
            proposal.append(proposed)
            not_before = _day_of(proposed) + day_gap
            number += 1
    # Alternatives last, so they keep clear of every infusion the proposal keeps.
    return [
        p
        if p.kept
        else replace(p, alternatives=planner.alternatives(p.target, shape.minutes_for(p.kind)))
        for p in proposal
    ]


def alternatives_near(
    shape: PlanShape,
    cal: Calendar,
    *,
    target: date,
    kind: Kind,
    now: datetime,
    online: bool = False,
    not_before: date | None = None,
) -> tuple[Time, ...]:
    """Up to ALTERNATIVES free times near `target` for one of the plan's infusions: the best
    time of each good day, the target day and the nearest days first."""
    planner = _Planner(shape, cal, now=now, online=online, first_day=not_before or target)
    return planner.alternatives(target, shape.minutes_for(kind))


def is_good_day(cal: Calendar, day: date) -> bool:
    """The location is open that day and a clinician is on duty."""
    return bool(cal.duty.get(day)) and any(i.weekday == day.weekday() for i in cal.hours)


def initial_targets(
    shape: PlanShape, cal: Calendar, first_day: date, *, ready: datetime | None = None
) -> list[date]:
    """The days the initial series aims at (steps 1 and 2); a day that closes before `ready`
    (the earliest start allowed: now, or now and the notice online) is not a good day."""
    count = shape.initial_count
    if count <= 0:
        return []
    good = [
        d
        for d in _days(first_day, shape.span_days)
        if _usable(shape, cal, d) and (ready is None or _closes_after(cal, d, ready))
    ]
    preferred = [d for d in good if d.weekday() in shape.preferred_weekdays]
    pool = preferred if len(preferred) >= count else good
    if len(pool) >= count:
        return spread(pool, count)
    after_span = first_day + timedelta(days=shape.span_days)
    more = [d for d in _days(after_span, OVERFLOW_DAYS) if _usable(shape, cal, d)]
    targets = pool + more[: count - len(pool)]
    # Still short (nothing open for weeks): aim at the days that would follow, one a day, so
    # each infusion is shown as not kept rather than left out.
    last = targets[-1] if targets else first_day - timedelta(days=1)
    while len(targets) < count:
        last += timedelta(days=1)
        targets.append(last)
    return targets


def maintenance_targets(shape: PlanShape, anchor: date | None, first_day: date) -> list[date]:
    """Every interval weeks after the anchor (the series' last infusion), from `first_day` on."""
    interval = timedelta(weeks=shape.maintenance_interval_weeks or 0)
    first = max(anchor + interval, first_day) if anchor else first_day
    return [first + n * interval for n in range(shape.maintenance_count)]


def spread(days: list[date], count: int) -> list[date]:
    """`count` of these days, evenly by position, the first and last included."""
    if count >= len(days):
        return list(days)
    if count == 1:
        return days[:1]
    step = (len(days) - 1) / (count - 1)
    # Rounding half up keeps the positions apart (a step is at least 1).
    return [days[int(n * step + 0.5)] for n in range(count)]


def _days(first: date, count: int) -> Iterator[date]:
    return (first + timedelta(days=n) for n in range(count))


def _usable(shape: PlanShape, cal: Calendar, day: date) -> bool:
    return day.weekday() in shape.allowed_weekdays and is_good_day(cal, day)


def _closes_after(cal: Calendar, day: date, moment: datetime) -> bool:
    zone = ZoneInfo(cal.policy.time_zone)
    return any(
        i.weekday == day.weekday() and datetime.combine(day, i.closes, tzinfo=zone) > moment
        for i in cal.hours
    )


def _day_of(proposed: Proposed) -> date:
    return proposed.time.local.date() if proposed.time else proposed.target


class _Planner:
    """One proposal's working state: the calendar with the proposal's own infusions added to
    the patient's appointments as they are placed."""

    def __init__(self, shape: PlanShape, cal: Calendar, *, now, online, first_day):
        self.shape, self.now, self.online, self.first_day = shape, now, online, first_day
        self.zone = ZoneInfo(cal.policy.time_zone)
        # A copy: the caller's calendar stays as it was loaded.
        self.cal = replace(cal, patient_held=list(cal.patient_held))

    def place(self, number, kind, target, *, not_before, avoid=frozenset()) -> Proposed:
        """The infusion's time near `target`, or why there is none. A target the infusions
        before it have passed moves on to the first day they leave free."""
        target = max(target, not_before)
        minutes = self.shape.minutes_for(kind)
        days = sorted(
            (
                d
                for d in self._near(target, NEAR_DAYS)
                if d >= not_before and _usable(self.shape, self.cal, d)
            ),
            # Days another infusion of the proposal aims at are taken only when nothing else is.
            key=lambda d: d in avoid,
        )
        problems: Counter[str] = Counter()
        for day in days:
            found = self._first_free(day, minutes, problems)
            if found is not None:
                self._hold(number, found, minutes)
                return Proposed(number, kind, target, found)
        return Proposed(number, kind, target, None, reason=_reason(problems))

    def alternatives(self, target: date, minutes: Minutes) -> tuple[Time, ...]:
        found: list[Time] = []
        for day in self._near(target, ALTERNATIVE_DAYS):
            if day < self.first_day or not _usable(self.shape, self.cal, day):
                continue
            free = self._first_free(day, minutes, Counter())
            if free is not None:
                found.append(free)
                if len(found) == ALTERNATIVES:
                    break
        return tuple(found)

    def _near(self, target: date, reach: int) -> list[date]:
        """The target day, then a day after, a day before, two days after..., preferred
        weekdays first among days as far from the target."""
        days = [target + timedelta(days=n) for n in range(-reach, reach + 1)]
        preferred = self.shape.preferred_weekdays
        return sorted(days, key=lambda d: (abs(d - target), d.weekday() not in preferred, d))

    def _first_free(self, day: date, minutes: Minutes, problems: Counter) -> Time | None:
        """The day's first time that keeps every rule; else each rule that refused a time
        that day is counted once in `problems`."""
        refused: set[str] = set()
        for starts_at in self._starts(day, minutes):
            for chair_id in self.cal.chair_ids:
                problem = slot_problem(
                    self.cal,
                    minutes.slot(chair_id, starts_at),
                    now=self.now,
                    online=self.online,
                    min_gap=self.shape.min_gap,
                )
                if problem is None:
                    return Time(chair_id, starts_at, to_local(starts_at, self.cal.policy.time_zone))
                refused.add(problem.message)
        problems.update(refused)
        return None

    def _starts(self, day: date, minutes: Minutes) -> list[datetime]:
        """The day's start times, every SLOT_STEP while the location is open, as UTC instants
        of local wall-clock times (so a day the clocks change keeps its hours), in the order
        the patient prefers them."""
        length = timedelta(minutes=minutes.infusion + minutes.recovery)
        times: list[time] = []
        for interval in self.cal.hours:
            if interval.weekday != day.weekday():
                continue
            moment = datetime.combine(day, interval.opens)
            while moment + length <= datetime.combine(day, interval.closes):
                times.append(moment.time())
                moment += SLOT_STEP
        starts = []
        for wall in sorted(set(times), key=self._preference):
            local = datetime.combine(day, wall, tzinfo=self.zone)
            # A time skipped when the clocks go forward does not exist: leave it out.
            if to_local(local, self.cal.policy.time_zone).replace(tzinfo=None) == local.replace(
                tzinfo=None
            ):
                starts.append(local.astimezone(UTC))
        return starts

    def _preference(self, wall: time) -> tuple[int, int, time]:
        """Inside the patient's window first; then the nearest to it."""
        earliest, latest = self.shape.preferred_earliest, self.shape.preferred_latest
        minutes = wall.hour * 60 + wall.minute
        if earliest is not None and wall < earliest:
            return 1, earliest.hour * 60 + earliest.minute - minutes, wall
        if latest is not None and wall > latest:
            return 1, minutes - (latest.hour * 60 + latest.minute), wall
        return 0, 0, wall

    def _hold(self, number: int, found: Time, minutes: Minutes) -> None:
        slot = minutes.slot(found.chair_id, found.starts_at)
        self.cal.patient_held.append(
            Held(
                pk=-number,  # never an appointment's id, so no rule ignores it
                chair_id=slot.chair_id,
                patient_id=0,
                supervisor_id=None,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                chair_free_at=slot.chair_free_at,
            )
        )


def _reason(problems: Counter) -> str:
    """Why nothing was free near a day, from the rules that refused on each day tried: one
    rule that refused everything there (the booking horizon, say), full days, or both."""
    if not problems:
        return NO_GOOD_DAY
    if set(problems) <= FULL:
        return ALL_TAKEN
    if len(problems) == 1:
        return next(iter(problems))
    return NO_TIME_NEAR
