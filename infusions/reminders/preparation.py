"""How to prepare for an infusion at a given time, in the location's own clocks. Pure: no
database, no settings."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

NOTHING_TO_EAT = timedelta(hours=6)
CLEAR_DRINKS = timedelta(hours=2)
# A six-hour mark between midnight and this time is said as "after midnight": nobody eats at
# two in the morning, and one rule is easier to keep than a clock time.
AFTER_MIDNIGHT_UNTIL = time(3)


@dataclass(frozen=True)
class Fasting:
    """When to stop eating and drinking before an infusion, in the location's time."""

    starts: datetime  # the infusion, local
    stop_eating: datetime  # six hours before, local
    stop_drinking: datetime  # clear drinks until two hours before, local

    @property
    def after_midnight(self) -> bool:
        mark = self.stop_eating
        return mark.date() == self.starts.date() and mark.time() <= AFTER_MIDNIGHT_UNTIL

    @property
    def stop_eating_words(self) -> str:
        """'after midnight', 'after 4:30 AM' or, on the evening before, 'after 11:00 PM the
        evening before'."""
        if self.after_midnight:
            return "after midnight"
        words = f"after {clock(self.stop_eating)}"
        if self.stop_eating.date() < self.starts.date():
            words += " the evening before"
        return words

    @property
    def stop_drinking_words(self) -> str:
        return f"until {clock(self.stop_drinking)}"


def clock(moment: datetime) -> str:
    """'9:00 AM', '12:30 PM': a local clock time as people write it."""
    return moment.strftime("%-I:%M %p")


def fasting_for(starts_at: datetime, time_zone: str) -> Fasting:
    """Six and two real hours before the start (so right on the days the clocks change),
    shown on the location's clocks."""
    zone = ZoneInfo(time_zone)
    starts_at = starts_at.astimezone(UTC)  # arithmetic in a local zone would be wall-clock
    return Fasting(
        starts=starts_at.astimezone(zone),
        stop_eating=(starts_at - NOTHING_TO_EAT).astimezone(zone),
        stop_drinking=(starts_at - CLEAR_DRINKS).astimezone(zone),
    )
