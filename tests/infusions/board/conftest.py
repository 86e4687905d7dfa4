"""The board's tests share the schedule's New York location (tests/infusions/conftest.py),
a way to book straight through the service, and a way to read the board's page."""

import re
from datetime import UTC, date
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from tests.infusions.booking import at


def board_url(location, day: date, name="infusions:board_day") -> str:
    return reverse(name) + "?" + urlencode({"location": location.pk, "day": day.isoformat()})


def row_of(html: str, text: str) -> str:
    """The time label of the grid row whose cells hold `text`."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if text in row:
            label = re.search(r'<th scope="row">([^<]+)</th>', row)
            return label.group(1) if label else ""
    raise AssertionError(f"{text!r} is in no row of the grid")


@pytest.fixture
def book(front_desk):
    """book(patient, chair, day, hour, minute=0) -> an appointment made by the front desk."""

    def _book(patient, chair, day, hour, minute=0, **extra):
        return infusion_book(
            patient=patient,
            chair=chair,
            starts_at=at(day, hour, minute).astimezone(UTC),
            booked_by=front_desk,
            **extra,
        )

    return _book
