"""Turning model values into the download's plain JSON values."""

from datetime import UTC, date, datetime, time
from decimal import Decimal


def plain(value):
    """A value as JSON holds it: datetimes as ISO strings in UTC, dates and times as ISO
    strings, decimals as strings (exact, as recorded), files as their name."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return value


def row(instance, fields: list[str]) -> dict:
    return {name: plain(getattr(instance, name)) for name in fields}
