"""Each day's clinicians on duty at a location, from the weekly roster and its exceptions.

A clinician's exception for a day replaces their weekly shifts that day: no times means away,
times mean on duty at those hours instead (on a day they usually work, or one they do not).
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, time

from ..models import DutyException, DutyShift

# clinician id -> the (start, end) local times they are on duty that day
DayDuty = dict[int, list[tuple[time, time]]]


def duty_by_day(location, days: Iterable[date]) -> dict[date, DayDuty]:
    """Two queries for any number of days."""
    days = sorted(set(days))
    if not days:
        return {}
    weekly: dict[int, DayDuty] = defaultdict(lambda: defaultdict(list))
    for shift in DutyShift.objects.filter(location=location).order_by("starts"):
        weekly[shift.weekday][shift.clinician_id].append((shift.starts, shift.ends))
    exceptions: dict[date, DayDuty] = defaultdict(lambda: defaultdict(list))
    for exception in DutyException.objects.filter(
        location=location, day__gte=days[0], day__lte=days[-1]
    ).order_by("starts"):
        hours = exceptions[exception.day][exception.clinician_id]
        if not exception.is_away:
            hours.append((exception.starts, exception.ends))
    result = {}
    for day in days:
        duty = {clinician: list(hours) for clinician, hours in weekly[day.weekday()].items()}
        for clinician, hours in exceptions.get(day, {}).items():
            duty[clinician] = list(hours)
        result[day] = {clinician: hours for clinician, hours in duty.items() if hours}
    return result


def on_duty_for(duty: DayDuty, start: time, end: time) -> list[int]:
    """The clinicians whose hours that day hold the whole of [start, end]."""
    return [
        clinician
        for clinician, hours in duty.items()
        if any(opens <= start and end <= closes for opens, closes in hours)
    ]
