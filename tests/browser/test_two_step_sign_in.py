"""A clinician's first sign-in links an authenticator app; the next uses a backup code."""

import time

import pytest
from playwright.sync_api import expect

from clinic.accounts.roles import Role
from tests.factories import UserFactory
from tests.logins import code_from_key

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"


def sign_in_with_password(page):
    page.goto("/staff/screening/")
    page.get_by_label("E-mail address").fill("robin.doc@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_clinician_sets_up_the_app_then_signs_in_with_a_backup_code(
    page, committed_db, check_accessibility, csp_violations
):
    UserFactory(email="robin.doc@example.com", password=PASSWORD, role=Role.CLINICIAN)

    sign_in_with_password(page)
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    check_accessibility(page)
    qr = page.get_by_role("img", name="QR code")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    key = page.locator("#setup-key").inner_text()

    page.get_by_label("Code").fill("000000" if code_from_key(key) != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_text("That code did not match")).to_be_visible()
    check_accessibility(page)
    time.sleep(1.1)  # after a wrong code, the app's device refuses to check for a second

    page.get_by_label("Code").fill(code_from_key(key))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    check_accessibility(page)
    codes = page.get_by_role("list", name="Backup codes").get_by_role("listitem").all_inner_texts()
    assert len(codes) == 10

    page.get_by_role("link", name="I have kept them, continue").click()
    page.wait_for_url("**/staff/screening/")
    expect(page.get_by_role("heading", name="Screenings to review")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/staff/screening/")
    expect(page.get_by_text("You signed in with a backup code; 9 left.")).to_be_visible()

    page.goto("/accounts/two-step/settings/")
    check_accessibility(page)
    page.get_by_role("button", name="Make a new set of backup codes").click()
    fresh = page.get_by_role("list", name="Backup codes").get_by_role("listitem").all_inner_texts()
    assert len(fresh) == 10
    assert set(fresh).isdisjoint(codes)
    assert csp_violations == []
