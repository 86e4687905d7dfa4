"""Times are typed as wall-clock time at the chair's location, daylight saving included."""

import html
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from tests.access import REDIRECT
from tests.infusions.views.helpers import NEW_YORK, booking_post

pytestmark = pytest.mark.django_db

SPRING_FORWARD = "The clocks go forward at that time; choose another."


def field_block(page, name):
    """The HTML crispy renders for one field of the booking form, label to error."""
    return re.search(rf'<div id="div_id_{name}".*?(?=<div id="div_id_|</form>)', page, re.S).group(
        0
    )


@pytest.mark.parametrize("persona", ("front_desk", "clinic_admin"))
def test_a_time_the_clocks_skip_is_refused_by_the_time_field_keeping_what_was_typed(
    client_as, cleared, chair, persona
):
    url = reverse("infusions:staff_book", args=[cleared.pk])
    # 2:00 AM on Sunday, March 14, 2027, New York's clocks jump to 3:00 AM.
    spring_forward = booking_post(chair, day=date(2027, 3, 14), at="02:30")

    response = client_as(persona).post(url, spring_forward)

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert SPRING_FORWARD in field_block(page, "time")
    assert SPRING_FORWARD not in field_block(page, "date")
    assert re.search(r'name="date" value="2027-03-14"', page)
    assert re.search(r'name="time" value="02:30"', page)
    assert re.search(rf'<option value="{chair.pk}" selected>', page)
    assert not InfusionAppointment.objects.exists()


def test_a_time_the_clocks_skip_is_refused_by_the_patients_time_picker(client_as, cleared, chair):
    # The patient picks from the free times, which never offer it; a post naming it anyway.
    spring_forward = booking_post(chair, day=date(2027, 3, 14), at="02:30")

    response = client_as("patient").post(reverse("infusions:book"), spring_forward)

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert SPRING_FORWARD in field_block(page, "slot")
    assert not InfusionAppointment.objects.exists()


def next_spring_forward():
    """The next day New York's clocks go forward: the second Sunday of March."""
    today = datetime.now(NEW_YORK).date()
    for year in (today.year, today.year + 1):
        march_1 = date(year, 3, 1)
        second_sunday = march_1 + timedelta(days=(6 - march_1.weekday()) % 7 + 7)
        if second_sunday > today:
            return second_sunday
    raise AssertionError("unreachable")


def test_a_time_after_the_clocks_go_forward_is_booked_at_the_right_instant(
    client_as, cleared, chair
):
    day = next_spring_forward()

    response = client_as("patient").post(
        reverse("infusions:book"), booking_post(chair, day=day, at="09:30")
    )

    assert response.status_code == REDIRECT
    # 9:30 AM EDT is 13:30 UTC; in winter time it would be 14:30.
    assert InfusionAppointment.objects.get().starts_at == datetime.combine(
        day, time(13, 30), tzinfo=UTC
    )
