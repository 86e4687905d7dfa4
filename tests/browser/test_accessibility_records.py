"""The infusion record, the outcomes and the reports pages, checked by axe as shown, refusals
included: the clinician's chart (empty, after a refused save, signed with an amendment), the
patient's visit summary, the outcome questions from the signed link, the patient's progress
and the clinician's view of it, and the clinic admin's reports. Data is made through the
services on top of the demo clinic; a check-in happens on the infusion's own day, so the
clock is moved there before anyone logs in."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from clinic.accounts.models import User
from clinic.accounts.roles import Role
from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, TreatmentPlan
from infusions.outcomes.links import outcomes_check_path
from infusions.outcomes.services import outcome_check_save
from infusions.record.services import (
    record_discharge,
    record_open,
    record_save,
    record_sign,
    record_start,
    record_stop,
    vitals_add,
)
from infusions.statuses.services import appointment_check_in
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

PATIENT_EMAIL = "marlowe@example.com"
PASSWORD = "correct-horse-battery"  # the factories' password
DRIVER = {"driver_name": "Ann Lee", "driver_phone": "+12125550100"}
# At screening: PHQ-9 16 (item 9 "not at all"), GAD-7 14, pain 7: the baseline.
BASELINE = {
    **{f"phq9_{n}": 2 for n in range(1, 9)},
    **{f"gad7_{n}": 2 for n in range(1, 8)},
    "pain_score": 7,
}


def answers(*, phq9, gad7, pain):
    return {
        **{f"phq9_{n}": phq9 for n in range(1, 9)},
        "phq9_9": 0,
        **{f"gad7_{n}": gad7 for n in range(1, 8)},
        "pain_score": pain,
    }


@pytest.fixture
def clinician(seeded):
    return User.objects.get(email="clinician@example.com")


@pytest.fixture
def booked(clinician):
    """Two infusions a week apart at a New York location of its own (the first on the next
    weekday at least a day ahead), for a patient with a login, screened with moderate scores
    and cleared, on a treatment plan (0.50–1.00 mg/kg)."""
    desk = User.objects.get(email="frontdesk@example.com")
    location = LocationFactory(name="Quay Infusion Center", time_zone="America/New_York")
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location, clinician)
    chair = ChairFactory(location=location, name="Chair 1")
    patient = PatientFactory(
        user=UserFactory(email=PATIENT_EMAIL, role=Role.PATIENT),
        preferred_location=location,
        takes_no_medications=True,
        legal_last_name="Thistlewood",
    )
    consent_signed_by(patient)
    decide(submit(patient, **BASELINE), clinician, ScreeningDecision.Outcome.CLEARED)
    plan = TreatmentPlan.objects.create(
        patient=patient,
        location=location,
        initial_type=AppointmentType.objects.order_by("pk").first(),
        created_by=clinician,
    )
    day = location.local_time().date() + timedelta(days=1)
    while day.weekday() > 4:
        day += timedelta(days=1)
    series = []
    for when in (day, day + timedelta(days=7)):
        appointment = infusion_book(
            patient=patient, chair=chair, starts_at=at(when, 10), booked_by=desk
        )
        appointment.plan = plan
        appointment.save(update_fields=["plan"])
        series.append(appointment)
    return series


@pytest.fixture
def arrived(booked, request):
    """The first infusion checked in on its morning; the clock stays there for the test."""
    appointment = booked[0]
    on_the_day = time_machine.travel(appointment.starts_at - timedelta(minutes=30), tick=True)
    on_the_day.start()
    request.addfinalizer(on_the_day.stop)
    desk = User.objects.get(email="frontdesk@example.com")
    appointment_check_in(appointment, by=desk, id_seen=True, **DRIVER)
    appointment.refresh_from_db()
    return appointment


@pytest.fixture
def signed(booked, arrived, clinician):
    """The first infusion charted (one reading out of bounds), discharged, signed and then
    amended, with answers to the outcome questions before both infusions of the series."""
    first, second = arrived, booked[1]
    outcome_check_save(first, answers=answers(phq9=2, gad7=2, pain=6))
    outcome_check_save(second, answers=answers(phq9=1, gad7=1, pain=3))
    record = record_open(first, by=clinician)
    record = record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("70.0"), "dose_mg_per_kg": Decimal("0.50")},
    )
    record = record_start(record, by=clinician)
    for systolic in (128, 172):
        vitals_add(
            record,
            by=clinician,
            taken_at=timezone.now(),
            systolic=systolic,
            diastolic=82,
            heart_rate=76,
            spo2=98,
        )
    record = record_stop(record, by=clinician)
    record = record_save(
        record, by=clinician, changes={"discharge_criteria_met": True, "escort_present": True}
    )
    record = record_discharge(record, by=clinician)
    record = record_sign(record, by=clinician)
    record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("72.0")},
        reason="Weighed again: the scale was not zeroed.",
    )
    return first


def test_the_chart_is_accessible_empty_and_with_a_refused_save(page, arrived, check_accessibility):
    log_in(page, "clinician@example.com")
    page.goto(f"/staff/schedule/appointments/{arrived.pk}/record/")
    expect(page.get_by_role("heading", name="Infusion record: ")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Weight (kg)").fill("70")
    page.get_by_label("Ordered dose (mg/kg)").fill("1.5")  # above the plan's, with no reason
    page.get_by_role("button", name="Save the record").click()
    expect(page.get_by_text("say why this dose was given")).to_be_visible()
    assert page.locator(".invalid-feedback").count() >= 1
    check_accessibility(page)


def test_a_signed_chart_with_an_amendment_is_accessible(page, signed, check_accessibility):
    log_in(page, "clinician@example.com")
    page.goto(f"/staff/schedule/appointments/{signed.pk}/record/")
    expect(page.get_by_text("Out of bounds: Systolic pressure 172")).to_be_visible()
    amendment = page.get_by_role("article", name="Amendment of")
    expect(amendment).to_contain_text("Why: Weighed again: the scale was not zeroed.")
    check_accessibility(page)


def test_the_clinicians_view_of_a_patients_outcomes_is_accessible(
    page, signed, check_accessibility
):
    log_in(page, "clinician@example.com")
    page.goto(f"/staff/patients/{signed.patient.pk}/outcomes/")
    expect(page.locator("svg").first).to_be_visible()
    check_accessibility(page)


def test_the_patients_visit_summary_and_progress_are_accessible(page, signed, check_accessibility):
    log_in(page, PATIENT_EMAIL, PASSWORD)
    page.goto(f"/infusions/{signed.pk}/summary/")
    expect(page.get_by_text("36.0 mg in total")).to_be_visible()  # amended: 72 kg
    check_accessibility(page)
    page.goto("/infusions/progress/")
    expect(page.locator("svg").first).to_be_visible()
    assert page.locator("svg").count() >= 2
    check_accessibility(page)


def test_the_outcome_questions_are_accessible_with_their_refusal(page, booked, check_accessibility):
    page.goto(outcomes_check_path(booked[0].pk))
    expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send my answers").click()  # nothing answered
    expect(page.get_by_text("Some questions still need an answer")).to_be_visible()
    assert page.locator(".invalid-feedback").count() >= 1
    check_accessibility(page)


def test_the_reports_are_accessible_with_a_bad_period(page, seeded, check_accessibility):
    log_in(page, "admin@example.com")
    page.goto("/staff/reports/")
    check_accessibility(page)
    page.locator("#id_first").fill("2026-03-10")
    page.locator("#id_last").fill("2026-03-02")  # before the first day
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("The last day must be on or after the first.")).to_be_visible()
    assert page.locator(".invalid-feedback").count() >= 1
    check_accessibility(page)
