"""When each reminder of an infusion is due. Pure: the start, the location's time zone, the
moment of booking and the clinic's timing in; (kind, due) pairs out."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..models import Reminder
from .preparation import fasting_for

Kind = Reminder.Kind


@dataclass(frozen=True)
class Timing:
    """When the reminders go: shipped as below, changed by clinic admins' reminder rules."""

    hours_before: int = 48  # "two days before"
    evening: time = time(18)  # the evening before
    morning: time = time(7)  # the morning of
    day_after: time = time(10)


SHIPPED = Timing()
# A reminder that would arrive this soon after the confirmation adds nothing to it: the
# confirmation carries the whole preparation sheet with its times.
CLOSE_TO_CONFIRMATION = timedelta(hours=2)


def _local(day, clock, zone) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def reminders_due(
    starts_at: datetime, time_zone: str, *, booked_at: datetime, timing: Timing = SHIPPED
) -> list:
    """[(kind, due_at UTC)] for an infusion starting at `starts_at`, booked at `booked_at`.

    Shipped: two days before; the evening before at 6 PM (earlier if eating must stop
    before then); the morning of at 7 AM (or 90 minutes before an earlier start); the day
    after at 10 AM.
    A booking made late gets the confirmation at once and only the reminders still ahead
    and not on its heels."""
    zone = ZoneInfo(time_zone)
    local_day = starts_at.astimezone(zone).date()
    stop_eating = fasting_for(starts_at, time_zone).stop_eating.astimezone(UTC)
    before = {
        Kind.TWO_DAYS: starts_at - timedelta(hours=timing.hours_before),
        Kind.EVENING_BEFORE: min(
            _local(local_day - timedelta(days=1), timing.evening, zone),
            stop_eating - timedelta(hours=2),
        ),
        Kind.MORNING_OF: min(
            _local(local_day, timing.morning, zone), starts_at - timedelta(minutes=90)
        ),
    }
    due = [(Kind.CONFIRMATION, booked_at)]
    due += [(kind, at) for kind, at in before.items() if at >= booked_at + CLOSE_TO_CONFIRMATION]
    due.append((Kind.DAY_AFTER, _local(local_day + timedelta(days=1), timing.day_after, zone)))
    return due


# No text message between these local times (a location setting would be the next step).
QUIET_FROM, QUIET_UNTIL = time(21), time(8)
BEFORE_QUIET = timedelta(minutes=15)


def sms_due(
    kind, due_at: datetime, starts_at: datetime, time_zone: str, *, not_before: datetime
) -> datetime:
    """A text message's due time, out of the quiet hours: shifted, never dropped. One due in
    them goes at 8 AM when that is still well before the infusion, and otherwise earlier, a
    quarter of an hour before the quiet hours begin; the evening-before reminder, which
    says when to stop eating, goes earlier too. Never before `not_before` (the booking): a
    message that cannot go earlier goes at 8 AM."""
    zone = ZoneInfo(time_zone)
    local = due_at.astimezone(zone)
    if QUIET_UNTIL <= local.time() < QUIET_FROM:
        return due_at
    morning_day = local.date() if local.time() < QUIET_UNTIL else local.date() + timedelta(days=1)
    later = _local(morning_day, QUIET_UNTIL, zone)
    if kind != Kind.EVENING_BEFORE and (
        kind == Kind.DAY_AFTER or later <= starts_at - timedelta(minutes=90)
    ):
        return later
    earlier = _local(morning_day - timedelta(days=1), QUIET_FROM, zone) - BEFORE_QUIET
    return earlier if earlier >= not_before else later
