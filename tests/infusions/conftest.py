"""A location in New York with two chairs, and the patient persona at each step of the way
to an infusion: intake and consent, screening, a clinician's decision."""

from datetime import time, timedelta

import pytest
import time_machine

from screening.models import ScreeningDecision
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
    on_duty,
)
from tests.infusions.booking import MONDAY, local_day
from tests.screening.factories import PatientFactory, decide, submit

Outcome = ScreeningDecision.Outcome

# What each decision needs written besides the note.
DECISION_FIELDS = {
    Outcome.CLEARED: {},
    Outcome.CLEARED_WITH_CONDITIONS: {"conditions": "Blood pressure checked before starting."},
    Outcome.DECLINED: {},
    Outcome.INFO_REQUESTED: {"question_for_patient": "Which dose of lamotrigine do you take?"},
}


@pytest.fixture
def location(db):
    """Open 9 to 5 on weekdays and 9 to 1 on Sundays, closed on Saturdays."""
    location = LocationFactory(name="Midtown Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    OpeningHoursFactory(location=location, weekday=6, opens=time(9), closes=time(13))
    # Far enough ahead for the next daylight-saving days, which the tests book on.
    location.booking_horizon_days = 400
    location.save()
    on_duty(location)
    return location


@pytest.fixture
def chair(location):
    return ChairFactory(location=location, name="Chair 1")


@pytest.fixture
def other_chair(location):
    return ChairFactory(location=location, name="Chair 2")


@pytest.fixture
def record(patient, location):
    """The patient persona's finished intake, taking no medications, and a signed consent."""
    record = PatientFactory(user=patient, preferred_location=location, takes_no_medications=True)
    consent_signed_by(record)
    return record


@pytest.fixture
def screened(record, clinician):
    """screened(outcome) -> the persona's intake, screened and decided (None: not yet)."""

    def _screened(outcome=None):
        screening = submit(record)
        if outcome is not None:
            decide(screening, clinician, outcome, **DECISION_FIELDS[outcome])
        return record

    return _screened


@pytest.fixture
def cleared(screened):
    return screened(Outcome.CLEARED)


@pytest.fixture
def cleared_patient(location, clinician):
    """cleared_patient(**names) -> another patient, cleared for infusions."""

    def _make(**fields):
        record = PatientFactory(preferred_location=location, takes_no_medications=True, **fields)
        consent_signed_by(record)
        decide(submit(record), clinician, Outcome.CLEARED)
        return record

    return _make


@pytest.fixture
def monday():
    """A Monday at least a week ahead: every reminder still to come, and well outside the
    24-hour cancellation window."""
    return local_day(MONDAY) + timedelta(days=7)


@pytest.fixture
def on_its_day():
    """on_its_day(appointment) moves the clock to half an hour before it starts, and lets it
    run from there: checking in, the day's steps and a no-show happen only on the day."""
    travels = []

    def _travel(appointment, before=timedelta(minutes=30)):
        travel = time_machine.travel(appointment.starts_at - before, tick=True)
        travel.start()
        travels.append(travel)

    yield _travel
    for travel in reversed(travels):
        travel.stop()
