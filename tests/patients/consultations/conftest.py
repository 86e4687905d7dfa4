"""A location and its one consultant open every day, midnight to 23:59, and its booking page."""

from datetime import time

import pytest
from django.urls import reverse

from clinic.accounts.roles import Role
from clinic.locations.models import ConsultantHours, OpeningHours
from tests.factories import UserFactory


def open_all_week(location, staff):
    location.opening_hours.all().delete()
    for weekday in range(7):
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens=time(0), closes=time(23, 59)
        )
        ConsultantHours.objects.create(
            staff=staff, location=location, weekday=weekday, starts=time(0), ends=time(23, 59)
        )


@pytest.fixture
def consultant_all_week(location):
    staff = UserFactory(role=Role.FRONT_DESK, email="consultant@example.com")
    open_all_week(location, staff)
    return staff


@pytest.fixture
def book_url(location, consultant_all_week):
    return reverse("patients:consultation_book", args=[location.slug])
