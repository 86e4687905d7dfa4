"""The parts of a patient's data download, as each app above patients registers them in its
`ready()`: patients may not import those apps, so they bring their data here."""

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Patient


@dataclass(frozen=True)
class Part:
    """One app's part of the download.

    `collect(patient)` returns plain JSON data (strings, numbers, booleans, None, lists and
    dicts; times as ISO strings in UTC), a dict of lists of rows, so the PDF can show each
    list as a table.
    """

    name: str
    order: int
    collect: Callable[[Patient], dict]


_registered: dict[str, Part] = {}


def register_part(name: str, order: int, collect: Callable[[Patient], dict]) -> None:
    """Add a part; registering one name again replaces it."""
    _registered[name] = Part(name=name, order=order, collect=collect)


def registered() -> list[Part]:
    return sorted(_registered.values(), key=lambda part: part.order)
