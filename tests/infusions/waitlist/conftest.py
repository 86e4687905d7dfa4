"""The waitlist's fixtures: the two patient personas cleared and waiting at the New York
location of tests/infusions/conftest.py, and a freed chair time to offer them."""

from datetime import time

import pytest

from infusions.models import AppointmentType, WaitlistEntry
from infusions.waitlist.services import waitlist_join, waitlist_offer_make
from tests.infusions.booking import MONDAY, at, local_day
from tests.infusions.waitlist.helpers import cleared_record


@pytest.fixture
def kind(db):
    """The initial-series type the migrations add: 45 + 30 minutes, 10 to turn the chair."""
    return AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL)


@pytest.fixture
def other_cleared(other_patient, location, clinician):
    return cleared_record(
        location,
        clinician,
        user=other_patient,
        legal_first_name="Oriel",
        legal_last_name="Vantongeren-Test",
    )


@pytest.fixture
def join(location, kind, front_desk):
    """join(record, weekdays=..., earliest=..., latest=...) -> their waiting entry."""

    def _join(record, *, weekdays="0123456", earliest=None, latest=None, kind=kind):
        return waitlist_join(
            patient=record,
            location=location,
            appointment_type=kind,
            preferred_weekdays=weekdays,
            earliest=earliest,
            latest=latest,
            added_by=front_desk,
        )

    return _join


@pytest.fixture
def entry(cleared, join) -> WaitlistEntry:
    """The patient persona waiting for Mondays, starting 9 to 11."""
    return join(cleared, weekdays="0", earliest=time(9), latest=time(11))


@pytest.fixture
def other_entry(other_cleared, join) -> WaitlistEntry:
    return join(other_cleared, weekdays="0", earliest=time(9), latest=time(11))


@pytest.fixture
def freed():
    """Next Monday at 10:00 in New York, a few days ahead: past any notice."""
    return at(local_day(MONDAY), 10)


@pytest.fixture
def offer_to(chair, freed, front_desk):
    """offer_to(*entries) -> the freed time offered to them by the front desk."""

    def _offer(*entries, starts_at=freed):
        return waitlist_offer_make(
            chair=chair, starts_at=starts_at, entries=entries, made_by=front_desk
        )

    return _offer
