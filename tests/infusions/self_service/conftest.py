"""An infusion booked for the patient persona a week ahead, and one for another patient."""

import pytest

from infusions.booking.services import infusion_book
from tests.factories import consent_signed_by
from tests.infusions.booking import Outcome, at
from tests.screening.factories import PatientFactory, decide, submit


@pytest.fixture
def booked(cleared, chair, monday, front_desk):
    return infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )


@pytest.fixture
def other_cleared(other_patient, clinician, location):
    record = PatientFactory(user=other_patient, preferred_location=location)
    consent_signed_by(record)
    decide(submit(record), clinician, Outcome.CLEARED)
    return record


@pytest.fixture
def other_booked(other_cleared, chair, monday, front_desk):
    return infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 13), booked_by=front_desk
    )


@pytest.fixture
def inside_the_window(location):
    """The location's cancellation window reaches past the booked infusion."""
    location.cancellation_hours = 24 * 30
    location.save()
    return location
