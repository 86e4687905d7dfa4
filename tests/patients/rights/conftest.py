"""The patient persona cleared for infusions, with an infusion booked and charted, and
another patient with their own intake: the data a download gathers."""

from datetime import time, timedelta
from decimal import Decimal

import pytest

from infusions.booking.services import infusion_book
from infusions.models import InfusionRecord
from screening.models import ScreeningDecision
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
    on_duty,
)
from tests.infusions.booking import MONDAY, at, local_day
from tests.screening.factories import PatientFactory, decide, submit

Outcome = ScreeningDecision.Outcome


@pytest.fixture
def location(db):
    location = LocationFactory(name="Midtown Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location)
    return location


@pytest.fixture
def cleared(patient, clinician, location):
    record = PatientFactory(
        user=patient,
        preferred_location=location,
        legal_first_name="Rowena",
        legal_last_name="Quill",
        allergies="Penicillin",
        takes_no_medications=True,
    )
    consent_signed_by(record)
    decide(submit(record), clinician, Outcome.CLEARED, note="Calm answers; cleared.")
    return record


@pytest.fixture
def booked(cleared, location, front_desk):
    monday = local_day(MONDAY) + timedelta(days=7)
    chair = ChairFactory(location=location, name="Chair 1")
    return infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )


@pytest.fixture
def charted(booked, clinician):
    """The infusion's record, as a row: tests of the download, not of charting."""
    return InfusionRecord.objects.create(
        appointment=booked,
        opened_by=clinician,
        weight_kg=Decimal("72.5"),
        dose_mg_per_kg=Decimal("0.50"),
        total_mg=Decimal("36.3"),
        side_effects=["nausea"],
        pain_before=6,
        pain_after=3,
    )


@pytest.fixture
def other_record(other_patient, location):
    return PatientFactory(
        user=other_patient,
        preferred_location=location,
        legal_first_name="Thaddeus",
        legal_last_name="Vorne",
        allergies="Latex",
        takes_no_medications=True,
    )
