"""Location pages are cached for anonymous visitors; what they show must still be current.

A patient who reads the wrong opening hours turns up to a locked door, so every change to a
location's hours or status has to reach the public page at once, not when the cache expires.
"""

from datetime import time

import pytest
from django.test import Client
from django.urls import reverse

from clinic.locations.models import Location, OpeningHours
from tests.factories import LocationFactory, OpeningHoursFactory
from tests.locations.admin_forms import admin_change_form_data

pytestmark = pytest.mark.django_db


def monday_hours(client, location):
    html = client.get(location.get_absolute_url()).text
    row = html.split('<th scope="row">Monday</th>', 1)[1]
    return row.split("</td>", 1)[0].split("<td>", 1)[1]


@pytest.fixture
def riverside():
    location = LocationFactory(slug="riverside", name="Riverside")
    OpeningHoursFactory(location=location, weekday=0, opens=time(9), closes=time(17))
    return location


def test_a_repeat_visit_to_a_location_page_is_served_from_the_cache(
    client, riverside, django_assert_max_num_queries
):
    client.get(riverside.get_absolute_url())

    with django_assert_max_num_queries(1):  # only the content fingerprint
        response = client.get(riverside.get_absolute_url())

    assert response.status_code == 200
    assert "Riverside" in response.text


def test_a_location_going_from_open_to_coming_soon_shows_at_once(client, riverside):
    assert "Coming soon" not in client.get(reverse("locations:list")).text

    riverside.status = Location.Status.COMING_SOON
    riverside.save()

    assert "Coming soon" in client.get(reverse("locations:list")).text
    assert "Coming soon" in client.get(riverside.get_absolute_url()).text


def test_hours_changed_in_the_admin_show_on_the_public_page_at_once(client_as, riverside):
    visitor = Client()
    hours = riverside.opening_hours.get()
    assert monday_hours(visitor, riverside) == "9:00 AM – 5:00 PM"
    admin = client_as("clinic_admin")
    url = reverse("admin:locations_location_change", args=[riverside.pk])
    data = admin_change_form_data(admin.get(url))
    hours_id = next(k for k, v in data.items() if k.endswith("-id") and v == hours.pk)
    data[hours_id.removesuffix("id") + "closes"] = "13:00"

    response = admin.post(url, data)

    assert response.status_code == 302
    assert monday_hours(visitor, riverside) == "9:00 AM – 1:00 PM"


def test_hours_changed_anywhere_show_on_the_public_page_at_once(client, riverside):
    assert monday_hours(client, riverside) == "9:00 AM – 5:00 PM"

    hours = riverside.opening_hours.get()
    hours.closes = time(13)
    hours.save()

    assert monday_hours(client, riverside) == "9:00 AM – 1:00 PM"


def test_hours_added_to_a_location_show_on_the_public_page_at_once(client, riverside):
    assert "Closed" in client.get(riverside.get_absolute_url()).text  # Tuesday

    OpeningHours.objects.create(location=riverside, weekday=1, opens=time(9), closes=time(17))

    html = client.get(riverside.get_absolute_url()).text
    tuesday = html.split('<th scope="row">Tuesday</th>', 1)[1].split("</td>", 1)[0]
    assert "9:00 AM – 5:00 PM" in tuesday
