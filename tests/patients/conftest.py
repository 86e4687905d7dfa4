from datetime import UTC, datetime, time

import pytest

from clinic.accounts.roles import Role
from clinic.locations.models import ConsultantHours
from tests.factories import LocationFactory, OpeningHoursFactory, UserFactory

# A Wednesday morning in New York, long before the clinic opens.
NOW = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)  # 6:00 AM EDT


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def location(db):
    location = LocationFactory(slug="midtown", name="Midtown Infusion Center", email="desk@x.test")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    return location


@pytest.fixture
def consultant(location):
    staff = UserFactory(role=Role.FRONT_DESK, email="consultant@example.com")
    for weekday in range(5):
        ConsultantHours.objects.create(
            staff=staff, location=location, weekday=weekday, starts=time(9), ends=time(17)
        )
    return staff
