"""Weekly opening hours: pure rules over plain data, in the location's wall-clock time.

Opening hours are local times ("9:00 to 17:00 on Mondays"), not instants, so they stay
right across daylight-saving changes; an instant is turned into local time first.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Interval:
    weekday: int  # Monday is 0, as datetime.weekday()
    opens: time
    closes: time


def covers(intervals: Iterable[Interval], weekday: int, start: time, end: time) -> bool:
    """Does one interval hold the whole of [start, end] on this weekday? The one rule for
    "inside the hours", whether the hours are a location's or a member of staff's."""
    return any(i.weekday == weekday and i.opens <= start and end <= i.closes for i in intervals)


def covers_span(intervals: Iterable[Interval], local_start: datetime, local_end: datetime) -> bool:
    """Are these hours open for the whole span, given in local wall-clock time? A span that
    runs past midnight never is."""
    if local_start.date() != local_end.date():
        return False
    return covers(
        intervals,
        local_start.weekday(),
        local_start.time().replace(tzinfo=None),
        local_end.time().replace(tzinfo=None),
    )


def is_open_at(intervals: Iterable[Interval], local_moment: datetime) -> bool:
    """Is the location open at this local wall-clock moment?"""
    weekday, moment = local_moment.weekday(), local_moment.time().replace(tzinfo=None)
    return any(i.weekday == weekday and i.opens <= moment < i.closes for i in intervals)


def week_schedule(intervals: Iterable[Interval]) -> list[tuple[str, list[Interval]]]:
    """Every weekday from Monday, with its intervals in order (an empty list: closed)."""
    by_day: dict[int, list[Interval]] = {day: [] for day in range(7)}
    for interval in intervals:
        by_day[interval.weekday].append(interval)
    return [(WEEKDAY_NAMES[day], sorted(by_day[day], key=lambda i: i.opens)) for day in range(7)]


def overlapping(intervals: Iterable[Interval]) -> list[tuple[Interval, Interval]]:
    """Every pair of intervals on the same weekday that overlap (a data-entry mistake)."""
    ordered = sorted(intervals, key=lambda i: (i.weekday, i.opens))
    return [
        (a, b)
        for n, a in enumerate(ordered)
        for b in ordered[n + 1 :]
        if a.weekday == b.weekday and b.opens < a.closes
    ]
