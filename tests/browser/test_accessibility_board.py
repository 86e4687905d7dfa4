"""The front desk's day board, week view, booking page and appointment page, checked by axe
as shown, with a day of appointments seeded through the services on top of the demo clinic."""

from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import time_machine

from clinic.accounts.models import User
from infusions.booking.services import infusion_book, infusion_cancel
from infusions.statuses.services import appointment_check_in
from screening.models import ScreeningDecision
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
    on_duty,
)
from tests.screening.factories import PatientFactory, decide, submit

from .conftest import log_in

pytestmark = pytest.mark.browser

NEW_YORK = ZoneInfo("America/New_York")


def _a_weekday_ahead():
    day = datetime.now(NEW_YORK).date() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture
def schedule(seeded):
    """A location of its own with three chairs and a clinician on duty, and a day with a
    booked patient (no driver given yet), one checked in and one cancelled."""
    desk = User.objects.get(email="frontdesk@example.com")
    clinician = User.objects.get(email="clinician@example.com")
    location = LocationFactory(name="Harbor Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location, clinician)
    chairs = [ChairFactory(location=location, name=f"Chair {n}") for n in (1, 2, 3)]
    day = _a_weekday_ahead()
    patients = []
    for _ in range(3):
        patient = PatientFactory(preferred_location=location, takes_no_medications=True)
        consent_signed_by(patient)
        decide(submit(patient), clinician, ScreeningDecision.Outcome.CLEARED)
        patients.append(patient)

    def book(patient, chair, hour, **driver):
        starts_at = datetime.combine(day, time(hour), tzinfo=NEW_YORK).astimezone(UTC)
        return infusion_book(
            patient=patient, chair=chair, starts_at=starts_at, booked_by=desk, **driver
        )

    booked = book(patients[0], chairs[0], 10)
    arrived = book(patients[1], chairs[1], 10, driver_name="Ann Lee", driver_phone="+12125550100")
    with time_machine.travel(arrived.starts_at, tick=True):  # checked in on the day
        appointment_check_in(
            arrived, by=desk, id_seen=True, driver_name="Ann Lee", driver_phone="+12125550100"
        )
    infusion_cancel(book(patients[2], chairs[2], 13), by=desk, reason="Unwell")
    return {"location": location, "day": day, "chair": chairs[2], "booked": booked}


def _query(**params):
    return "?" + urlencode(params)


def test_the_day_board_and_the_week_are_accessible(page, schedule, check_accessibility):
    location, day = schedule["location"], schedule["day"]
    log_in(page, "frontdesk@example.com")
    for path in ("/staff/schedule/", "/staff/schedule/week/"):
        page.goto(path + _query(location=location.pk, day=day.isoformat()))
        check_accessibility(page)


def test_the_clinicians_day_board_is_accessible(page, schedule, check_accessibility):
    location, day = schedule["location"], schedule["day"]
    log_in(page, "clinician@example.com")
    page.goto("/staff/schedule/" + _query(location=location.pk, day=day.isoformat()))
    check_accessibility(page)


def test_the_booking_page_is_accessible_with_its_errors(page, schedule, check_accessibility):
    location, day = schedule["location"], schedule["day"]
    log_in(page, "frontdesk@example.com")
    page.goto("/staff/schedule/" + _query(location=location.pk, day=day.isoformat()))
    page.get_by_role("link", name="Book Chair 3 at 2:00 PM").click()
    page.get_by_role("heading", name="Book an infusion").wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Book the infusion").click()  # no patient chosen
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)


def test_the_appointment_page_is_accessible_with_its_errors(page, schedule, check_accessibility):
    log_in(page, "frontdesk@example.com")
    page.goto(f"/staff/schedule/appointments/{schedule['booked'].pk}/")
    check_accessibility(page)
    page.get_by_role("button", name="Check in").click()  # no ID seen, no driver
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)
