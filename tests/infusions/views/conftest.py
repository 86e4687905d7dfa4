"""A New York location with a chair, and the two patient personas' finished intakes."""

from datetime import time

import pytest

from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
    on_duty,
)
from tests.infusions.views.helpers import Outcome, screen
from tests.screening.factories import PatientFactory


@pytest.fixture
def location(db):
    """In New York, open 9 to 5 on weekdays and 9 to 1 on Sundays."""
    location = LocationFactory(name="Midtown Infusion Center", time_zone="America/New_York")
    for weekday in (*range(5), 6):
        closes = time(13) if weekday == 6 else time(17)
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=closes)
    location.booking_horizon_days = 400  # the next daylight-saving days are booked on
    location.save()
    on_duty(location)
    return location


@pytest.fixture
def chair(location):
    return ChairFactory(location=location, name="Chair 1")


@pytest.fixture
def record(patient, location):
    """The patient persona's finished intake and signed consent, with nothing screened yet."""
    record = PatientFactory(
        user=patient,
        preferred_location=location,
        takes_no_medications=True,
        legal_first_name="Marisol",
        legal_last_name="Quenby-Test",
    )
    consent_signed_by(record)
    return record


@pytest.fixture
def other_record(other_patient, location):
    record = PatientFactory(
        user=other_patient,
        preferred_location=location,
        takes_no_medications=True,
        legal_first_name="Oriel",
        legal_last_name="Vantongeren-Test",
    )
    consent_signed_by(record)
    return record


@pytest.fixture
def cleared(record, clinician):
    return screen(record, clinician, Outcome.CLEARED)
