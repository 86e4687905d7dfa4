"""What the infusion page tests share: who books, a weekday ahead, the booking post."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from screening.models import ScreeningDecision
from tests.screening.factories import decide, submit

Outcome = ScreeningDecision.Outcome
BOOKERS = ("front_desk", "clinic_admin")
NEW_YORK = ZoneInfo("America/New_York")

# What each decision needs written besides the note.
DECISION_FIELDS = {
    Outcome.CLEARED: {},
    Outcome.DECLINED: {},
    Outcome.INFO_REQUESTED: {"question_for_patient": "Which dose of lamotrigine do you take?"},
}


def a_weekday_ahead(days=7):
    """A Monday-to-Friday date at least `days` ahead in New York, whatever today is."""
    day = datetime.now(NEW_YORK).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def booking_post(chair, day=None, at="10:00", **extra):
    return {"chair": chair.pk, "date": (day or a_weekday_ahead()).isoformat(), "time": at, **extra}


def screen(record, clinician, state):
    """Bring `record` to `state`: "no screening", "pending", or a decision's outcome."""
    if state == "no screening":
        return record
    screening = submit(record)
    if state != "pending":
        decide(screening, clinician, state, **DECISION_FIELDS[state])
    return record
