"""The treatment plan pages each role meets, checked by axe as shown, with their errors, on
the demo clinic: the cleared patient (patient3) with a plan at Riverside, and a patient
waiting for review (patient2) without one."""

import pytest

from clinic.accounts.models import User
from clinic.locations.models import Location
from infusions.models import AppointmentType, DutyShift
from infusions.plans.services import plan_set

from .conftest import log_in

pytestmark = pytest.mark.browser


def _patient(email):
    return User.objects.get(email=email).patient


@pytest.fixture
def plan(seeded):
    """patient3's plan at Riverside, with the demo clinician on duty whenever it is open."""
    riverside = Location.objects.get(slug="riverside")
    clinician = User.objects.get(email="clinician@example.com")
    for hours in riverside.opening_hours.all():
        DutyShift.objects.get_or_create(
            location=riverside,
            clinician=clinician,
            weekday=hours.weekday,
            starts=hours.opens,
            defaults={"ends": hours.closes},
        )
    return plan_set(
        patient=_patient("patient3@example.com"),
        by=clinician,
        location=riverside,
        initial_type=AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL),
        maintenance_type=AppointmentType.objects.get(kind=AppointmentType.Kind.MAINTENANCE),
        maintenance_interval_weeks=4,
        maintenance_count=2,
    )


def test_the_clinicians_plan_pages_are_accessible(page, plan, check_accessibility):
    cleared, waiting = _patient("patient3@example.com"), _patient("patient2@example.com")
    log_in(page, "clinician@example.com")
    for path in (
        f"/staff/patients/{cleared.pk}/plan/view/",
        f"/staff/patients/{waiting.pk}/plan/view/",
        f"/staff/patients/{waiting.pk}/plan/",  # not cleared: the reasons, no form
        f"/staff/patients/{cleared.pk}/plan/",
    ):
        page.goto(path)
        check_accessibility(page)
    page.get_by_label("How many infusions").fill("40")
    page.get_by_label("Monday").first.uncheck()
    page.get_by_role("button", name="Save the plan").click()
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)


def test_the_front_desks_proposal_is_accessible_with_dates_that_could_not_be_kept(
    page, plan, check_accessibility
):
    patient = plan.patient
    log_in(page, "frontdesk@example.com")
    page.goto(f"/staff/patients/{patient.pk}/plan/view/")
    check_accessibility(page)
    page.get_by_role("link", name="Propose times").click()
    page.get_by_role("button", name="Book all").wait_for()
    check_accessibility(page)

    # A line left without a time is refused by its field.
    third_time = page.locator("#id_line-2-time").input_value()
    page.locator("#id_line-2-time").fill("")
    page.get_by_role("button", name="Book all").click()
    assert page.locator(".invalid-feedback").count() == 1
    check_accessibility(page)

    # A line moved to after closing time: nothing is booked, and that line offers free
    # times near its day.
    page.locator("#id_line-1-time").fill("18:00")
    page.locator("#id_line-2-time").fill(third_time)
    page.get_by_role("button", name="Book all").click()
    page.get_by_text("Nothing was booked").wait_for()
    assert page.locator("input[name='line-1-alternative']").count() > 1
    check_accessibility(page)


def test_the_patients_plan_pages_are_accessible(page, plan, check_accessibility):
    log_in(page, "patient3@example.com")
    page.goto("/infusions/plan/")
    page.get_by_role("button", name="Book these times").wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Book these times").click()
    page.get_by_text("We look forward to seeing you.").wait_for()
    check_accessibility(page)


def test_a_patient_without_a_plan_sees_an_accessible_page(page, plan, check_accessibility):
    log_in(page, "patient2@example.com")
    page.goto("/infusions/plan/")
    check_accessibility(page)
