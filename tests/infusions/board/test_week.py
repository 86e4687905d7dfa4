"""The week view: Monday to Sunday at one location, per chair and day who is booked, each day
a link to its board."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_cancel
from tests.infusions.board.conftest import board_url
from tests.infusions.booking import MONDAY, local_day

pytestmark = pytest.mark.django_db

DRIVER = {"driver_name": "Ann Lee", "driver_phone": "+12125550100"}


def cell(html: str, chair_name: str, column: int) -> str:
    """The week's cell for a chair's row and a day (0 is Monday)."""
    row = re.search(rf'<th scope="row">{chair_name}.*?</tr>', html, flags=re.S).group(0)
    return re.findall(r"<td>(.*?)</td>", row, flags=re.S)[column]


def test_the_week_runs_from_monday_and_shows_each_booking_under_its_chair_and_day(
    client_as, cleared, cleared_patient, chair, other_chair, book, location
):
    monday = local_day(MONDAY)
    wednesday = monday + timedelta(days=2)
    book(cleared, other_chair, wednesday, 10, **DRIVER)
    other = cleared_patient(legal_first_name="Ines", legal_last_name="Okafor")
    book(other, chair, monday, 9, 30)

    text = client_as("front_desk").get(board_url(location, wednesday, "infusions:board_week")).text

    assert f"week of {monday:%B} {monday.day}" in text
    first = f"{cleared.legal_first_name} {cleared.legal_last_name[0]}."
    assert f"10:00 AM {first}" in cell(text, "Chair 2", 2)
    assert "9:30 AM Ines O." in cell(text, "Chair 1", 0)
    assert "1 to sort out" in cell(text, "Chair 1", 0)  # no driver given
    assert "to sort out" not in cell(text, "Chair 2", 2)
    assert "Nothing booked" in cell(text, "Chair 1", 2)
    day_link = board_url(location, wednesday).replace("&", "&amp;")
    assert f'href="{day_link}"' in text


def test_a_cancelled_booking_is_counted_not_listed(
    client_as, cleared, chair, book, location, front_desk
):
    monday = local_day(MONDAY)
    infusion_cancel(book(cleared, chair, monday, 10, **DRIVER), by=front_desk, reason="Unwell")

    text = client_as("front_desk").get(board_url(location, monday, "infusions:board_week")).text

    assert "Nothing booked" in cell(text, "Chair 1", 0)
    cancelled_row = re.search(r"Cancelled or no-show</th>(.*?)</tr>", text, flags=re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", cancelled_row)[0] == "1"


def test_an_unreadable_week_falls_back_to_this_week(client_as, chair, location):
    response = client_as("front_desk").get(reverse("infusions:board_week") + "?day=someday")

    assert response.status_code == 200
    assert "That date could not be read" in response.text
    today = location.local_time().date()
    monday = today - timedelta(days=today.weekday())
    assert f"week of {monday:%B} {monday.day}, {monday.year}" in response.text
