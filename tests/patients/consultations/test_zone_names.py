"""Patients read times in the location's zone by the name people use, not the IANA name."""

import pytest
from django.urls import reverse

from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def test_the_location_page_names_its_zone_as_people_say_it(client):
    location = LocationFactory(time_zone="America/Chicago")

    page = client.get(reverse("locations:detail", args=[location.slug])).content.decode()

    assert "Central time" in page
    assert "America/Chicago" not in page
