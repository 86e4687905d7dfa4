"""Time zones a location can be in, and showing UTC instants in a location's zone."""

import zoneinfo
from datetime import datetime
from functools import cache


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
