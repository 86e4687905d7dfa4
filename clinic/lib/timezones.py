"""Time zones a location can be in, and showing UTC instants in a location's zone."""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from babel.dates import get_timezone_name


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    """IANA zone names a clinic might pick, most likely (US) first."""
    names = sorted(zoneinfo.available_timezones())
    american = [n for n in names if n.startswith("America/") or n.startswith("Pacific/Honolulu")]
    others = [n for n in names if n not in american and "/" in n and not n.startswith("Etc/")]
    return [(n, n.replace("_", " ")) for n in american + others]


def is_valid_time_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def to_local(instant: datetime, zone_name: str) -> datetime:
    """The aware UTC instant as wall-clock time in the named zone (daylight saving included)."""
    if instant.tzinfo is None:
        raise ValueError("Only aware datetimes can be shown in a time zone.")
    return instant.astimezone(zoneinfo.ZoneInfo(zone_name))


def local_day_bounds(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The UTC instants at which a local calendar day starts and the next one starts: 23 or 25
    hours apart on the days the clocks change."""
    zone = zoneinfo.ZoneInfo(zone_name)
    starts = datetime.combine(day, time.min, tzinfo=zone)
    ends = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return starts.astimezone(UTC), ends.astimezone(UTC)


@cache
def zone_name_for_people(zone_name: str) -> str:
    """What people call the zone, from the Unicode CLDR: "Eastern time" for America/New_York,
    the same all year (never "EST" in summer)."""
    name = get_timezone_name(zone_name, width="long", zone_variant="generic", locale="en_US")
    return name[: -len(" Time")] + " time" if name.endswith(" Time") else name
