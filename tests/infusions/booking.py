"""What the booking service tests share: days and times in New York, a refused booking."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infusions.booking.services import NotEligible, infusion_book
from infusions.models import InfusionAppointment
from screening.models import ScreeningDecision

Outcome = ScreeningDecision.Outcome
NEW_YORK = ZoneInfo("America/New_York")
MONDAY, SATURDAY, SUNDAY = 0, 5, 6


def local_day(weekday: int) -> date:
    """The next such day in New York at least two days away, so always in the future."""
    day = timezone.now().astimezone(NEW_YORK).date() + timedelta(days=2)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK)


def next_clock_change(*, forward: bool) -> date:
    """The next day New York's clocks go forward (or back): 2027-03-14 and 2027-11-07 when
    these tests were written."""
    today = timezone.now().astimezone(NEW_YORK).date()
    for days in range(2, 400):
        day = today + timedelta(days=days)
        midnight, noon = at(day, 0).utcoffset(), at(day, 12).utcoffset()
        if (noon > midnight) if forward else (noon < midnight):
            return day
    raise AssertionError("New York changes its clocks twice a year")


def refused(field, **booking):
    """Book, expecting a refusal on `field` that is not the gate's; return its messages."""
    with pytest.raises(ValidationError) as refusal:
        infusion_book(**booking)
    assert not isinstance(refusal.value, NotEligible)
    assert list(refusal.value.message_dict) == [field]
    assert not InfusionAppointment.objects.exists()
    return refusal.value.message_dict[field]
