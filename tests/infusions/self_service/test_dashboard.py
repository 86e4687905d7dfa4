"""The patient's home page lists their upcoming infusions, each linking to its own page, with
its preparation times there and on that page."""

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_cancel

pytestmark = pytest.mark.django_db


def test_the_home_page_links_each_upcoming_infusion_to_its_page(client_as, booked, monday):
    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert reverse("infusions:my_infusion", args=[booked.pk]) in page
    assert f"{monday:%A, %B %-d} at 10:00 AM (Eastern time)" in page
    assert reverse("infusions:calendar_feed") in page


def test_a_cancelled_infusion_leaves_the_home_page(client_as, booked, front_desk):
    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert reverse("infusions:my_infusion", args=[booked.pk]) not in page


def test_another_patients_infusion_is_not_on_the_home_page(client_as, booked, other_booked):
    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert reverse("infusions:my_infusion", args=[other_booked.pk]) not in page


def test_each_upcoming_infusion_shows_its_preparation_times(client_as, booked):
    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert "nothing to eat after 4:00 AM; clear drinks are fine until 8:00 AM" in page
    # No driver named yet: the page asks, and leads to where to say.
    assert "have someone to drive you home (<a href" in page


def test_the_infusions_own_page_gives_its_preparation_times(client_as, booked):
    page = client_as("patient").get(reverse("infusions:my_infusion", args=[booked.pk])).text

    assert "Nothing to eat after 4:00 AM; clear drinks" in page
    assert "are fine until 8:00 AM" in page
