"""What a waitlisted patient asked for: some days of the week and a window for the start, in
the location's local time. Pure, so the desk's list, the offer and the tests use one rule."""

from datetime import datetime, time

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVERY_DAY = "0123456"


def weekdays_from(days) -> str:
    """Weekday numbers (0 Monday to 6 Sunday) as the digits an entry stores, in order."""
    return "".join(sorted({str(int(day)) for day in days}))


def days_label(weekdays: str) -> str:
    if not weekdays or set(weekdays) == set(EVERY_DAY):
        return "Any day"
    if weekdays == "01234":
        return "Monday to Friday"
    return ", ".join(WEEKDAY_NAMES[int(day)] for day in sorted(weekdays))


def clock(moment: time) -> str:
    return f"{moment:%-I:%M %p}"


def times_label(earliest: time | None, latest: time | None) -> str:
    """The window for the start; `latest` is the latest start, not the end."""
    if earliest and latest:
        return f"Starting {clock(earliest)} to {clock(latest)}"
    if earliest:
        return f"Starting {clock(earliest)} or later"
    if latest:
        return f"Starting by {clock(latest)}"
    return "Any time"


def preference_problem(
    *, weekdays: str, earliest: time | None, latest: time | None, local_start: datetime
) -> str | None:
    """Why a start at `local_start` (wall-clock time at the location) does not suit, or None."""
    if weekdays and str(local_start.weekday()) not in weekdays:
        return f"Waiting for {days_label(weekdays)} only."
    start = local_start.time().replace(tzinfo=None)
    if earliest is not None and start < earliest:
        return f"Wants to start at {clock(earliest)} or later."
    if latest is not None and start > latest:
        return f"Wants to start by {clock(latest)}."
    return None
