"""A plan for the cleared patient persona, and a second cleared patient with their own."""

import pytest

from infusions.models import AppointmentType
from infusions.plans.services import plan_set
from screening.models import ScreeningDecision
from tests.factories import consent_signed_by
from tests.screening.factories import PatientFactory, decide, submit


@pytest.fixture
def initial_type(db):
    return AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL)


@pytest.fixture
def maintenance_type(db):
    return AppointmentType.objects.get(kind=AppointmentType.Kind.MAINTENANCE)


@pytest.fixture
def plan(cleared, location, chair, clinician, initial_type, maintenance_type):
    """Six initial infusions over two weeks of weekdays, then three every four weeks."""
    return plan_set(
        patient=cleared,
        by=clinician,
        location=location,
        initial_type=initial_type,
        maintenance_type=maintenance_type,
        maintenance_interval_weeks=4,
        maintenance_count=3,
    )


@pytest.fixture
def other_cleared(other_patient, location, clinician):
    """The other patient persona, cleared for infusions too."""
    record = PatientFactory(
        user=other_patient, preferred_location=location, takes_no_medications=True
    )
    consent_signed_by(record)
    decide(submit(record), clinician, ScreeningDecision.Outcome.CLEARED)
    return record


@pytest.fixture
def other_plan(other_cleared, location, chair, clinician, initial_type):
    return plan_set(
        patient=other_cleared,
        by=clinician,
        location=location,
        initial_type=initial_type,
        initial_count=3,
    )
