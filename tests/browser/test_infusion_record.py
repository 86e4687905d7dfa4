"""The infusion record end to end in a browser (issue 14). Before the day, the patient answers
the outcome questions from the reminder's link. On the day, the front desk checks the patient
in; the clinician opens the chart from the day board, records the weight and the dose (and
sees the total worked out), starts the infusion, adds three sets of vital signs, a side effect
and the scores, stops it, charts the discharge criteria and the escort, discharges and signs.
A later amendment shows beside the signed original. The patient then sees the trend chart and
the visit summary. Every page is checked by axe on the way."""

import re
from datetime import time, timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from clinic.accounts.models import User
from clinic.accounts.roles import Role
from infusions.booking.services import infusion_book
from infusions.models import InfusionRecord, OutcomeCheck
from infusions.outcomes.links import outcomes_check_path
from screening.models import ScreeningDecision
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    UserFactory,
    consent_signed_by,
    on_duty,
)
from tests.infusions.booking import at
from tests.screening.factories import PatientFactory, decide, submit

from .conftest import log_in

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"


@pytest.fixture
def booked(seeded):
    """An infusion at 10:00 on the next weekday at a New York location of its own, for a
    patient cleared for infusions (screened with no symptoms: a baseline of 0)."""
    clinician = User.objects.get(email="clinician@example.com")
    desk = User.objects.get(email="frontdesk@example.com")
    location = LocationFactory(name="Pier Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location, clinician)
    chair = ChairFactory(location=location, name="Chair 1")
    user = UserFactory(email="rowan@example.com", role=Role.PATIENT)
    patient = PatientFactory(
        user=user, preferred_location=location, takes_no_medications=True, legal_last_name="Ashby"
    )
    consent_signed_by(patient)
    decide(submit(patient), clinician, ScreeningDecision.Outcome.CLEARED)
    day = location.local_time().date() + timedelta(days=2)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return infusion_book(patient=patient, chair=chair, starts_at=at(day, 10), booked_by=desk)


def test_check_in_chart_sign_amend_and_the_patients_trend(
    page, browser, live_server, booked, check_accessibility, request
):
    # Before the day: the patient answers from the reminder's link, no login needed.
    page.goto(outcomes_check_path(booked.pk))
    for radio in page.locator("input[type=radio][value='1']").all():
        radio.check()  # "Several days" to each question, and 1 for pain
    page.locator("input[name='phq9_9'][value='0']").check()  # but not to self-harm
    check_accessibility(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you: your answers are with the clinic.")).to_be_visible()
    check = OutcomeCheck.objects.get(appointment=booked)
    assert (check.phq9_total, check.gad7_total, check.pain_score) == (8, 7, 1)

    # The morning of the infusion: the desk checks the patient in.
    on_the_day = time_machine.travel(booked.starts_at - timedelta(minutes=30), tick=True)
    on_the_day.start()
    request.addfinalizer(on_the_day.stop)
    desk_context = browser.new_context(base_url=live_server.url)
    desk = desk_context.new_page()
    desk.set_default_timeout(10_000)
    log_in(desk, "frontdesk@example.com")
    desk.goto(f"/staff/schedule/appointments/{booked.pk}/")
    desk.get_by_label("I have seen the patient's photo ID").check()
    desk.get_by_label("Driver's name").fill("Ann Lee")
    desk.get_by_label("Driver's phone").fill("(212) 555-0100")
    desk.get_by_role("button", name="Check in").click()
    card = desk.locator(f"#appointment-{booked.pk}")
    expect(card).to_contain_text("Checked in")
    expect(card.get_by_role("link", name="Chart")).to_have_count(0)  # not the desk's to read
    desk_context.close()

    # The clinician opens the chart from the board.
    clinician_context = browser.new_context(base_url=live_server.url)
    chart = clinician_context.new_page()
    chart.set_default_timeout(10_000)
    log_in(chart, "clinician@example.com")
    location = booked.chair.location
    day = location.local_time(booked.starts_at).date()
    chart.goto(f"/staff/schedule/?location={location.pk}&day={day.isoformat()}")
    chart.locator(f"#appointment-{booked.pk}").get_by_role("link", name="Chart").click()
    expect(chart.get_by_role("heading", name="Infusion record: ")).to_be_visible()
    check_accessibility(chart)

    chart.get_by_label("Weight (kg)").fill("70")
    chart.get_by_label("Ordered dose (mg/kg)").fill("0.5")
    chart.get_by_role("button", name="Save the record").click()
    expect(chart.get_by_text("70.0 kg × 0.50 mg/kg = 35.0 mg")).to_be_visible()
    chart.get_by_role("button", name="Start the infusion").click()
    expect(chart.get_by_text("In the chair").first).to_be_visible()

    for clock, systolic in (("10:05", "128"), ("10:20", "172"), ("10:35", "134")):
        chart.get_by_label("Taken at").fill(clock)
        chart.get_by_label("Systolic (mmHg)").fill(systolic)
        chart.get_by_label("Diastolic (mmHg)").fill("82")
        chart.get_by_label("Heart rate (/min)").fill("76")
        chart.get_by_label("SpO2 (%)").fill("98")
        chart.get_by_role("button", name="Add the readings").click()
        expect(chart.get_by_text("Vital signs added.")).to_be_visible()
    out_of_bounds = "Out of bounds: Systolic pressure 172 is above 90–160."
    expect(chart.get_by_text(out_of_bounds)).to_be_visible()
    check_accessibility(chart)

    chart.get_by_label("Nausea").check()
    chart.get_by_label("Pain before (0-10)").fill("7")
    chart.get_by_label("Pain after (0-10)").fill("3")
    chart.get_by_label("Mood before (0-10)").fill("3")
    chart.get_by_label("Mood after (0-10)").fill("6")
    chart.get_by_role("button", name="Save the record").click()
    expect(chart.get_by_text("The record is saved.")).to_be_visible()
    chart.get_by_role("button", name="Stop the infusion: recovery").click()
    expect(chart.get_by_text("Recovering").first).to_be_visible()
    board = f"/staff/schedule/?location={location.pk}&day={day.isoformat()}"
    chart.goto(board)  # the board shows each status as the chart moves it
    expect(chart.locator(f"#appointment-{booked.pk}")).to_contain_text("Recovering")
    chart.go_back()
    chart.get_by_label("Discharge criteria met").check()
    chart.get_by_label("Escort home present").check()
    chart.get_by_role("button", name="Save the record").click()
    chart.get_by_role("button", name="Discharge").click()
    chart.get_by_role("button", name="Sign the record").click()
    expect(chart.get_by_text("The record is signed.")).to_be_visible()
    chart.goto(board)
    expect(chart.locator(f"#appointment-{booked.pk}")).to_contain_text("Discharged")
    chart.go_back()
    check_accessibility(chart)

    # An amendment after signing, shown beside the signed original.
    chart.get_by_label("Weight (kg)").fill("72")
    chart.get_by_label("Why is this amended?").fill("Weighed again: the scale was not zeroed.")
    chart.get_by_role("button", name="Save the amendment").click()
    amendment = chart.get_by_role("article", name="Amendment of")
    expect(amendment).to_contain_text("Why: Weighed again: the scale was not zeroed.")
    expect(amendment.get_by_role("row", name="Weight (kg) 70.0 72.0")).to_be_visible()
    check_accessibility(chart)
    clinician_context.close()

    record = InfusionRecord.objects.get(appointment=booked)
    assert record.is_signed and record.vitals.count() == 3
    assert record.side_effects == ["nausea"]
    assert (record.pain_before, record.pain_after, record.mood_before, record.mood_after) == (
        7,
        3,
        3,
        6,
    )
    assert record.history.get(history_change_reason="Signed").weight_kg == 70
    booked.refresh_from_db()
    assert booked.status == "discharged"

    # The patient sees the trend beside the screening's baseline, and the visit summary.
    log_in(page, "rowan@example.com", PASSWORD)
    page.goto("/infusions/progress/")
    expect(page.get_by_role("img", name=re.compile("PHQ-9")).first).to_be_visible()
    check_accessibility(page)
    page.goto("/dashboard/")
    page.get_by_role("link", name="Visit summary:").click()
    expect(page.get_by_text("35.0 mg in total")).not_to_be_visible()  # amended: 72 kg
    expect(page.get_by_text("36.0 mg in total")).to_be_visible()
    check_accessibility(page)
