"""The booking rules, as pure functions over a `Calendar`: what a location, its roster and the
appointments already held say about some days. The booking service loads a calendar for one
day under a lock and asks `slot_problem`; the slot search and the planner load one for many
days and ask the same function for every candidate, so every path keeps one set of rules.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from clinic.lib.timezones import to_local
from clinic.locations.hours import Interval, covers_span

from ..roster.duty import DayDuty, on_duty_for


@dataclass(frozen=True)
class Held:
    """A live appointment, as the rules see it."""

    pk: int
    chair_id: int
    patient_id: int
    supervisor_id: int | None
    starts_at: datetime
    ends_at: datetime
    chair_free_at: datetime


@dataclass(frozen=True)
class Slot:
    chair_id: int
    starts_at: datetime
    ends_at: datetime  # the patient leaves
    chair_free_at: datetime  # turnover done

    @classmethod
    def for_minutes(cls, chair_id, starts_at, *, infusion, recovery, turnover) -> "Slot":
        ends_at = starts_at + timedelta(minutes=infusion + recovery)
        return cls(chair_id, starts_at, ends_at, ends_at + timedelta(minutes=turnover))


@dataclass(frozen=True)
class Policy:
    """A location's booking settings."""

    is_open_for_booking: bool
    time_zone: str
    infusions_per_clinician: int
    notice: timedelta
    horizon: timedelta


@dataclass
class Calendar:
    policy: Policy
    hours: list[Interval]
    chair_ids: list[int]  # the location's active chairs, in the order the desk sees them
    duty: dict[date, DayDuty]
    held: list[Held]  # live appointments on the location's chairs in the window
    patient_held: list[Held] = field(default_factory=list)  # the patient's, at any location
    _by_chair: dict[int, list[Held]] = field(default_factory=dict, init=False, repr=False)
    _by_supervisor: dict[int, list[Held]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        by_chair, by_supervisor = defaultdict(list), defaultdict(list)
        for held in self.held:
            by_chair[held.chair_id].append(held)
            if held.supervisor_id is not None:
                by_supervisor[held.supervisor_id].append(held)
        self._by_chair, self._by_supervisor = dict(by_chair), dict(by_supervisor)

    def local_day(self, instant: datetime) -> date:
        return to_local(instant, self.policy.time_zone).date()

    def held_on_chair(self, chair_id: int) -> list[Held]:
        return self._by_chair.get(chair_id, [])

    def supervised_by(self, clinician_id: int) -> list[Held]:
        return self._by_supervisor.get(clinician_id, [])


class Problem(Exception):
    """Why a slot cannot be booked: a message for the person booking, and the form field it
    belongs next to."""

    def __init__(self, message: str, field: str = "starts_at"):
        super().__init__(message)
        self.message, self.field = message, field


def _overlaps(held: Held, starts_at, ends_at) -> bool:
    return held.starts_at < ends_at and starts_at < held.ends_at


def most_at_once(appointments: list[Held], starts_at: datetime, ends_at: datetime) -> int:
    """The most of these appointments (infusion and recovery) running at one moment inside
    [starts_at, ends_at)."""
    during = [a for a in appointments if _overlaps(a, starts_at, ends_at)]
    moments = [starts_at] + [a.starts_at for a in during if a.starts_at > starts_at]
    return max((sum(1 for a in during if a.starts_at <= m < a.ends_at) for m in moments), default=0)


def supervisor_for(cal: Calendar, slot: Slot, *, ignore_pk=None) -> int | None:
    """The clinician on duty for the whole infusion and recovery with room to supervise one
    more, the least busy first; None if there is none."""
    local_start = to_local(slot.starts_at, cal.policy.time_zone)
    local_end = to_local(slot.ends_at, cal.policy.time_zone)
    duty = cal.duty.get(local_start.date(), {})
    candidates = on_duty_for(duty, local_start.time(), local_end.time())
    best, best_load = None, None
    for clinician in sorted(candidates):
        load = most_at_once(
            [a for a in cal.supervised_by(clinician) if a.pk != ignore_pk],
            slot.starts_at,
            slot.ends_at,
        )
        if load < cal.policy.infusions_per_clinician and (best_load is None or load < best_load):
            best, best_load = clinician, load
    return best


def slot_problem(
    cal: Calendar,
    slot: Slot,
    *,
    now: datetime,
    online: bool,
    min_gap: timedelta,
    ignore_pk=None,
) -> Problem | None:
    """The first rule this slot breaks, or None. `online`: the patient books it themselves,
    so the minimum notice applies (the front desk may book at shorter notice)."""
    policy = cal.policy
    if not policy.is_open_for_booking:
        return Problem("This location is not taking bookings yet.", "chair")
    if slot.chair_id not in cal.chair_ids:
        return Problem("This chair is not taking bookings.", "chair")
    if slot.starts_at <= now:
        return Problem("Choose a time in the future.")
    if online and slot.starts_at < now + policy.notice:
        hours = int(policy.notice.total_seconds() // 3600)
        return Problem(
            f"Online bookings need at least {hours} hours' notice; call the clinic for a "
            "sooner time."
        )
    if slot.starts_at > now + policy.horizon:
        return Problem(f"Bookings open {policy.horizon.days} days ahead; choose an earlier day.")
    local_start = to_local(slot.starts_at, policy.time_zone)
    local_end = to_local(slot.ends_at, policy.time_zone)
    if not covers_span(cal.hours, local_start, local_end):
        return Problem("The location is closed for part of that time; choose another.")
    for held in cal.held_on_chair(slot.chair_id):
        if (
            held.pk != ignore_pk
            and held.starts_at < slot.chair_free_at
            and slot.starts_at < held.chair_free_at
        ):
            return Problem("That chair is taken at that time.")
    if supervisor_for(cal, slot, ignore_pk=ignore_pk) is None:
        if not on_duty_for(
            cal.duty.get(local_start.date(), {}), local_start.time(), local_end.time()
        ):
            return Problem("No clinician is on duty to supervise an infusion at that time.")
        return Problem(
            "Every clinician on duty is supervising as many infusions as they can at that time."
        )
    return patient_problem(cal, slot, min_gap=min_gap, ignore_pk=ignore_pk)


def patient_problem(cal: Calendar, slot: Slot, *, min_gap: timedelta, ignore_pk=None):
    """The patient's own rules: never two appointments at once, one infusion a local day,
    and the plan's gap between the starts of two infusions."""
    day = cal.local_day(slot.starts_at)
    for held in cal.patient_held:
        if held.pk == ignore_pk:
            continue
        if _overlaps(held, slot.starts_at, slot.ends_at):
            return Problem("This patient already has an appointment at that time.")
        if cal.local_day(held.starts_at) == day:
            return Problem("This patient already has an infusion that day; choose another day.")
        if abs(held.starts_at - slot.starts_at) < min_gap:
            hours = int(min_gap.total_seconds() // 3600)
            return Problem(
                f"This patient's infusions need at least {hours} hours between their starts."
            )
    return None
