"""The schedule end to end in a browser (issue 12): a clinician sets a treatment plan for a
cleared patient, the front desk books the whole series from the planner's proposal, moves one
infusion to another chair and time from the board, checks the patient in with the photo ID and
the driver, and takes them through the day; the board shows each status as it comes. Each page
is checked by axe on the way."""

from datetime import time, timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from clinic.accounts.models import User
from infusions.models import InfusionAppointment
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


@pytest.fixture
def cleared(seeded):
    """Harbor, open on weekdays with three chairs and the demo clinician on duty, and a
    patient cleared for infusions there."""
    clinician = User.objects.get(email="clinician@example.com")
    location = LocationFactory(name="Harbor Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location, clinician)
    for n in (1, 2, 3):
        ChairFactory(location=location, name=f"Chair {n}")
    patient = PatientFactory(
        preferred_location=location, takes_no_medications=True, legal_last_name="Quinlan"
    )
    consent_signed_by(patient)
    decide(submit(patient), clinician, ScreeningDecision.Outcome.CLEARED)
    return patient


def card(page, appointment):
    return page.locator(f"#appointment-{appointment.pk}")


def test_plan_series_move_check_in_and_the_day_on_the_board(
    page, browser, live_server, cleared, check_accessibility, request
):
    # The clinician sets a short initial series.
    log_in(page, "clinician@example.com")
    page.goto(f"/staff/patients/{cleared.pk}/plan/")
    page.get_by_label("Location").select_option(label="Harbor Infusion Center")
    page.get_by_label("Kind of infusion").first.select_option(index=1)
    page.get_by_label("How many infusions").fill("3")
    page.get_by_label("Over how many days").fill("7")
    check_accessibility(page)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_text("The treatment plan is set.")).to_be_visible()

    # The front desk, in a browser of its own, books the series as proposed.
    desk_context = browser.new_context(base_url=live_server.url)
    desk = desk_context.new_page()
    desk.set_default_timeout(10_000)
    log_in(desk, "frontdesk@example.com")
    desk.goto(f"/staff/patients/{cleared.pk}/plan/view/")
    desk.get_by_role("link", name="Propose times").click()
    desk.get_by_role("button", name="Book all").wait_for()
    check_accessibility(desk)
    desk.get_by_role("button", name="Book all").click()
    expect(desk.get_by_text("3 infusions booked for this plan.")).to_be_visible()
    expect(
        desk.get_by_text("0 of 3 infusions given, 3 booked and 0 still to book.")
    ).to_be_visible()
    series = list(InfusionAppointment.objects.filter(patient=cleared).order_by("starts_at"))
    assert len(series) == 3 and all(a.plan_id for a in series)
    first = series[0]
    location = first.chair.location
    day = location.local_time(first.starts_at).date()

    # From the board of that day, the desk moves the first infusion to Chair 3 at 3:00 PM.
    desk.goto(f"/staff/schedule/?location={location.pk}&day={day.isoformat()}")
    expect(card(desk, first)).to_contain_text("Booked")
    check_accessibility(desk)
    card(desk, first).get_by_role("link", name="Details").click()
    desk.get_by_role("link", name="Move to another time or chair").click()
    desk.get_by_label("Chair").select_option(label="Chair 3")
    desk.get_by_label("Start time").fill("15:00")
    check_accessibility(desk)
    desk.get_by_role("button", name="Move the infusion").click()
    expect(desk.get_by_text("Moved to Chair 3")).to_be_visible()
    first.refresh_from_db()
    assert (first.chair.name, location.local_time(first.starts_at).time()) == ("Chair 3", time(15))
    expect(card(desk, first)).to_contain_text("3:00")

    # On the infusion's day (the clock moved there; the desk signs in that morning), check-in
    # is refused without the ID and the driver, then done.
    on_the_day = time_machine.travel(first.starts_at - timedelta(hours=1), tick=True)
    on_the_day.start()
    request.addfinalizer(on_the_day.stop)
    log_in(desk, "frontdesk@example.com")
    desk.goto(f"/staff/schedule/?location={location.pk}&day={day.isoformat()}")
    card(desk, first).get_by_role("link", name="Check in").click()
    desk.get_by_role("button", name="Check in").click()
    expect(desk.get_by_text("Look at a photo ID before checking the patient in.")).to_be_visible()
    check_accessibility(desk)
    desk.get_by_label("I have seen the patient's photo ID").check()
    desk.get_by_label("Driver's name").fill("Ann Lee")
    desk.get_by_label("Driver's phone").fill("(212) 555-0100")
    desk.get_by_role("button", name="Check in").click()
    expect(card(desk, first)).to_contain_text("Checked in")

    # The desk seats the patient from the board; the clinician's chart takes it from there.
    card(desk, first).get_by_role("button", name="Into the chair").click()
    expect(card(desk, first)).to_contain_text("In the chair")
    check_accessibility(desk)
    first.refresh_from_db()
    assert first.status == InfusionAppointment.Status.IN_CHAIR
    assert list(first.status_changes.values_list("to_status", flat=True)) == [
        "booked",
        "booked",
        "checked_in",
        "in_chair",
    ]
    desk_context.close()
