"""Sign-in safety in a browser (issue 15): ten wrong passwords pause signing in to an account
until a clinic admin lifts the pause, and a staff page left idle warns, keeps the session on
request, and then signs out with the reason on the login page."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.browser

DESK = "frontdesk@example.com"


def try_password(page, password):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(DESK)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_wrong_passwords_lock_the_account_until_a_clinic_admin_unlocks_it(
    page, browser, live_server, seeded, check_accessibility
):
    paused = page.get_by_role("heading", name="Too many attempts")
    for _ in range(10):
        try_password(page, "not-the-password")
        expect(page.locator("h1")).to_be_visible()
        if paused.is_visible():
            break
    expect(paused).to_be_visible()
    check_accessibility(page)
    try_password(page, "clinic-demo-2026")  # the right one is refused too while paused
    expect(paused).to_be_visible()

    # A clinic admin lifts the pause in the Django admin.
    admin_context = browser.new_context(base_url=live_server.url)
    admin = admin_context.new_page()
    admin.set_default_timeout(10_000)
    log_in(admin, "admin@example.com")
    admin.goto("/admin/axes/accessattempt/")
    admin.get_by_role("checkbox", name="Select this object for an action").first.check()
    admin.get_by_label("Action:").select_option(label="Delete selected access attempts")
    admin.get_by_role("button", name="Run").click()
    admin.get_by_role("button", name="Yes, I’m sure").click()
    expect(admin.get_by_text("Successfully deleted")).to_be_visible()
    admin_context.close()

    log_in(page, DESK)
    expect(page).to_have_url(f"{live_server.url}/staff/")


def test_an_idle_staff_page_warns_keeps_on_request_then_signs_out(
    page, seeded, settings, check_accessibility
):
    settings.STAFF_IDLE_SECONDS = 12
    settings.STAFF_IDLE_WARNING_SECONDS = 9
    log_in(page, DESK)
    page.goto("/staff/")
    warning = page.get_by_role("alert").filter(has_text="you will be signed out soon")
    expect(warning).to_be_visible(timeout=10_000)
    check_accessibility(page)

    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()
    expect(page).to_have_url(f"{page.url.split('/staff/')[0]}/staff/")

    # Then no activity at all: the page goes to the login form, which says why.
    expect(page.get_by_text("You were signed out after 12 seconds without activity")).to_be_visible(
        timeout=30_000
    )
    assert "/accounts/login/" in page.url
    check_accessibility(page)
