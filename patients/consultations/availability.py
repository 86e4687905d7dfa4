"""Free consultation slots: pure rules over plain data, no database and no request.

A slot is free when it lies inside the location's opening hours, inside the working hours
of at least one consultation staff member, and that person has nothing booked over it.
Hours are local wall-clock times; slots are returned as aware UTC instants, so a day on
which the clocks change still gets the right slots (a local time that does not exist, in
the spring gap, is skipped).
"""

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from clinic.locations.hours import Interval, covers


@dataclass(frozen=True)
class Booking:
    staff_id: int
    starts_at: datetime  # aware
    ends_at: datetime  # aware


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC
    free_staff_ids: tuple[int, ...]

    def local_start(self, zone_name: str) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(zone_name))


def local_instant(day: date, wall_time, zone: ZoneInfo) -> datetime | None:
    """The UTC instant of a local wall-clock time, or None where that time does not exist."""
    local = datetime.combine(day, wall_time, tzinfo=zone)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None  # skipped by a spring-forward change
    return instant


class _BookedIndex:
    """Each staff member's bookings in start order, for overlap checks in O(log n)."""

    def __init__(self, bookings: Iterable[Booking]):
        by_staff: dict[int, list[tuple[datetime, datetime]]] = {}
        for b in bookings:
            by_staff.setdefault(b.staff_id, []).append((b.starts_at, b.ends_at))
        self._starts: dict[int, list[datetime]] = {}
        self._latest_end: dict[int, list[datetime]] = {}
        for staff_id, spans in by_staff.items():
            spans.sort()
            self._starts[staff_id] = [start for start, _ in spans]
            latest, running = [], spans[0][1]
            for _, end in spans:
                running = max(running, end)
                latest.append(running)
            self._latest_end[staff_id] = latest

    def is_busy(self, staff_id: int, starts_at: datetime, ends_at: datetime) -> bool:
        starts = self._starts.get(staff_id)
        if not starts:
            return False
        # The bookings starting before our end are a prefix; one of them overlaps exactly
        # when the latest end in that prefix is after our start.
        i = bisect.bisect_left(starts, ends_at)
        return i > 0 and self._latest_end[staff_id][i - 1] > starts_at


def open_slots(
    *,
    zone_name: str,
    opening_hours: Iterable[Interval],
    staff_hours: Mapping[int, Iterable[Interval]],
    bookings: Iterable[Booking],
    first_day: date,
    days: int,
    slot_minutes: int,
    not_before: datetime,
) -> list[Slot]:
    """Every free slot on `days` local dates from `first_day`, earliest first.

    1. For each local date, walk each opening interval in steps of `slot_minutes`.
    2. Keep a step whose whole length fits the opening interval and exists on that date.
    3. Its free staff are those whose working hours cover it and who are not booked over it.
    4. Keep it if someone is free and it starts no earlier than `not_before`.
    """
    zone = ZoneInfo(zone_name)
    length = timedelta(minutes=slot_minutes)
    opening = sorted(opening_hours, key=lambda i: (i.weekday, i.opens))
    staff = {staff_id: list(hours) for staff_id, hours in staff_hours.items()}
    booked = _BookedIndex(bookings)
    slots: list[Slot] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for interval in (i for i in opening if i.weekday == day.weekday()):
            cursor = datetime.combine(day, interval.opens)
            while (cursor + length).time() <= interval.closes and (cursor + length).date() == day:
                start_wall, end_wall = cursor.time(), (cursor + length).time()
                cursor += length
                starts_at = local_instant(day, start_wall, zone)
                if starts_at is None or starts_at < not_before:
                    continue
                ends_at = starts_at + length
                free = tuple(
                    staff_id
                    for staff_id, hours in sorted(staff.items())
                    if covers(hours, day.weekday(), start_wall, end_wall)
                    and not booked.is_busy(staff_id, starts_at, ends_at)
                )
                if free:
                    slots.append(Slot(starts_at, ends_at, free))
    return slots


def nearest_slots(slots: Iterable[Slot], around: datetime, count: int = 3) -> list[Slot]:
    """The free slots closest in time to `around` (a slot just taken), in time order.

    Of two slots equally far, the earlier one is closer."""
    closest = sorted(slots, key=lambda s: (abs(s.starts_at - around), s.starts_at))[:count]
    return sorted(closest, key=lambda s: s.starts_at)
