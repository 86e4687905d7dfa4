"""A patient moves their own infusion in the browser while the cancellation policy allows it,
and is told to call the clinic once it does not, even from a page opened before."""

import re

import pytest
from playwright.sync_api import expect

from clinic.accounts.models import User
from clinic.locations.models import Location
from infusions.models import InfusionAppointment

from .conftest import log_in

pytestmark = pytest.mark.browser


def first_infusion(email):
    patient = User.objects.get(email=email).patient
    return InfusionAppointment.objects.booked().filter(patient=patient).order_by("starts_at")[0]


def test_a_patient_moves_their_infusion_and_is_refused_inside_the_window(
    page, seeded, check_accessibility, csp_violations
):
    infusion = first_infusion("patient3@example.com")
    riverside = Location.objects.get(slug="riverside")
    log_in(page, "patient3@example.com")

    # From the home page to the infusion's own page.
    page.goto("/dashboard/")
    page.get_by_role("link", name="Infusion at Riverside Infusion Center").first.click()
    expect(page.get_by_role("heading", name="Your infusion")).to_be_visible()
    expect(page.get_by_text("(Eastern time)").first).to_be_visible()
    check_accessibility(page)

    # Move it to the first free time of the third day offered.
    page.get_by_role("link", name="Move to another time").click()
    days = page.get_by_role("navigation", name="Days with free times").get_by_role("link")
    days.nth(2).click()
    check_accessibility(page)
    choice = page.get_by_role("radio").first
    chair_pk, day, clock = choice.get_attribute("value").split("/")
    choice.check()
    page.get_by_role("button", name="Move my infusion to this time").click()
    expect(page.get_by_text("Your infusion is moved to Riverside Infusion Center")).to_be_visible()
    check_accessibility(page)
    infusion.refresh_from_db()
    local = riverside.local_time(infusion.starts_at)
    assert (local.date().isoformat(), f"{local:%H:%M}") == (day, clock)
    assert infusion.chair_id == int(chair_pk)
    moved_to = infusion.starts_at

    # The move page is opened again, then the clinic widens its window past the infusion.
    page.get_by_role("link", name="Move to another time").click()
    page.get_by_role("radio").last.check()
    riverside.cancellation_hours = 24 * 60
    riverside.save()
    page.get_by_role("button", name="Move my infusion to this time").click()
    expect(
        page.get_by_text(
            re.compile(
                "Changes within 1440 hours of the start are made by phone: call the clinic on "
                + re.escape(riverside.phone)
            )
        )
    ).to_be_visible()
    check_accessibility(page)
    infusion.refresh_from_db()
    assert infusion.starts_at == moved_to

    # The infusion's page now gives the phone number and offers no changes.
    page.get_by_role("link", name="Back to your infusion").click()
    expect(page.get_by_text("changes are made by phone")).to_be_visible()
    expect(page.get_by_role("link", name="Move to another time")).to_have_count(0)
    expect(page.get_by_role("link", name="Cancel this infusion")).to_have_count(0)
    expect(page.get_by_role("link", name=riverside.phone).first).to_be_visible()
    assert csp_violations == []


def test_a_patient_cancels_after_confirming(page, seeded, check_accessibility):
    infusion = first_infusion("patient3@example.com")
    log_in(page, "patient3@example.com")

    page.goto(f"/infusions/{infusion.pk}/")
    page.get_by_role("link", name="Cancel this infusion").click()
    expect(page.get_by_role("heading", name="Cancel your infusion?")).to_be_visible()
    infusion.refresh_from_db()
    assert infusion.status == InfusionAppointment.Status.BOOKED
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.get_by_text(re.compile("Your infusion at .* is cancelled."))).to_be_visible()
    check_accessibility(page)
    infusion.refresh_from_db()
    assert infusion.status == InfusionAppointment.Status.CANCELLED
    assert infusion.cancel_reason == "Cancelled by the patient online"


def test_a_patient_names_their_driver(page, seeded):
    infusion = first_infusion("patient3@example.com")
    log_in(page, "patient3@example.com")

    page.goto(f"/infusions/{infusion.pk}/")
    page.get_by_label("Driver's name").fill("Robin Ellis")
    page.get_by_label("Driver's phone").fill("(860) 555-0199")
    page.get_by_role("button", name="Save the driver's details").click()
    expect(page.get_by_text("the driver's details are saved")).to_be_visible()
    infusion.refresh_from_db()
    assert (infusion.driver_name, infusion.driver_phone) == ("Robin Ellis", "+18605550199")
