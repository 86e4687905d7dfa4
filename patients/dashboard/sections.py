"""The parts of the patient's home page, as each app registers them in its `ready()`."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from ..models import Patient


@dataclass(frozen=True)
class Section:
    """One app's part of the home page.

    `context(request, patient)` gives what the section's templates need. `step_template`
    renders one numbered step of "Your steps to a first infusion", in `order`;
    `upcoming_template` renders cards under "Upcoming", and nothing when nothing is booked.
    """

    name: str
    order: int
    context: Callable[[HttpRequest, Patient], dict]
    step_template: str = ""
    upcoming_template: str = ""


_registered: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add a section; registering one name again replaces it."""
    _registered[section.name] = section


def registered() -> list[Section]:
    return sorted(_registered.values(), key=lambda section: section.order)
