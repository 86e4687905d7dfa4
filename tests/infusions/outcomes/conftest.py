"""A patient screened with moderate scores and cleared, one infusion booked for a Monday, and
the answers a test gives before it."""

from datetime import UTC

import pytest

from infusions.booking.services import infusion_book
from screening.models import ScreeningDecision
from tests.infusions.booking import at
from tests.screening.factories import decide, submit

# At screening: PHQ-9 16 (items 1-8 at "more than half the days", item 9 "not at all"),
# GAD-7 14, pain 7.
BASELINE = {
    **{f"phq9_{n}": 2 for n in range(1, 9)},
    **{f"gad7_{n}": 2 for n in range(1, 8)},
    "pain_score": 7,
}


def answers(*, phq9=1, gad7=1, pain=4, **items) -> dict:
    """PHQ-9 items 1-8 and every GAD-7 item answered alike, PHQ-9 item 9 (self-harm) "not at
    all", pain as given, then any item overridden."""
    return {
        **{f"phq9_{n}": phq9 for n in range(1, 9)},
        "phq9_9": 0,
        **{f"gad7_{n}": gad7 for n in range(1, 8)},
        "pain_score": pain,
        **items,
    }


@pytest.fixture
def cleared(record, clinician):
    """The patient persona's intake, screened with the BASELINE answers and cleared."""
    decide(submit(record, **BASELINE), clinician, ScreeningDecision.Outcome.CLEARED)
    return record


@pytest.fixture
def book(cleared, chair, front_desk):
    """book(day, hour=10) -> an infusion booked for the cleared patient."""

    def _book(day, hour=10):
        return infusion_book(
            patient=cleared,
            chair=chair,
            starts_at=at(day, hour).astimezone(UTC),
            booked_by=front_desk,
        )

    return _book


@pytest.fixture
def booked(book, monday):
    return book(monday)
