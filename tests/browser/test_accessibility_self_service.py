"""The patient's booking and self-service pages and the desk's booking page, checked by axe
as shown, refusals included, on the demo clinic (patient3 is cleared with infusions booked)."""

import pytest
from playwright.sync_api import expect

from clinic.accounts.models import User
from infusions.models import InfusionAppointment

from .conftest import log_in

pytestmark = pytest.mark.browser


def _patient3():
    return User.objects.get(email="patient3@example.com").patient


def test_the_patients_booking_page_is_accessible_with_its_refusals(
    page, seeded, check_accessibility
):
    log_in(page, "patient3@example.com")
    page.goto("/infusions/book/")
    check_accessibility(page)
    page.get_by_role("navigation", name="Days with free times").get_by_role("link").nth(3).click()
    check_accessibility(page)
    page.get_by_label("Driver's phone").fill("not a phone")
    page.get_by_role("button", name="Book the infusion").click()  # no time picked either
    expect(page.get_by_text("Pick one of the free times.")).to_be_visible()
    assert page.locator(".invalid-feedback").count() >= 2
    check_accessibility(page)
    page.get_by_role("link", name="Later dates").click()
    check_accessibility(page)


def test_the_patients_own_infusion_pages_are_accessible(page, seeded, check_accessibility):
    infusion = InfusionAppointment.objects.booked().filter(patient=_patient3()).first()
    log_in(page, "patient3@example.com")
    for path in (
        f"/infusions/{infusion.pk}/",
        f"/infusions/{infusion.pk}/move/",
        f"/infusions/{infusion.pk}/cancel/",
        "/infusions/calendar/",
    ):
        page.goto(path)
        check_accessibility(page)
    page.get_by_role("button", name="Create my calendar address").click()
    expect(page.get_by_label("Your private calendar address")).to_be_visible()
    check_accessibility(page)


def test_the_infusion_pages_inside_the_window_are_accessible(page, seeded, check_accessibility):
    infusion = InfusionAppointment.objects.booked().filter(patient=_patient3()).first()
    location = infusion.chair.location
    location.cancellation_hours = 24 * 60
    location.save()
    log_in(page, "patient3@example.com")
    for path in (f"/infusions/{infusion.pk}/", f"/infusions/{infusion.pk}/move/"):
        page.goto(path)
        expect(page.get_by_text("changes are made by phone")).to_be_visible()
        check_accessibility(page)


def test_the_desks_booking_page_is_accessible_with_its_refusals(page, seeded, check_accessibility):
    log_in(page, "frontdesk@example.com")
    page.goto(f"/staff/infusions/book/{_patient3().pk}/")
    check_accessibility(page)
    page.get_by_role("button", name="Book the chosen time").click()  # no time picked
    expect(page.get_by_text("Pick one of the free times.")).to_be_visible()
    check_accessibility(page)
