"""A clinic admin edits a public page in the staff editor, previews it and publishes it."""

import pytest
from playwright.sync_api import expect

from clinic.accounts.roles import Role
from clinic.content.models import Page
from tests.factories import UserFactory

from .conftest import log_in

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"


def test_an_admin_edits_previews_and_publishes_a_page(page, check_accessibility, csp_violations):
    editor = UserFactory(
        email="editor@example.com", password=PASSWORD, role=Role.CLINIC_ADMIN, is_staff=True
    )
    log_in(page, "editor@example.com", PASSWORD)
    check_accessibility(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pages").click()
    check_accessibility(page)
    row = page.get_by_role("row", name="Preparing for treatment")
    row.get_by_role("link", name="Edit").click()
    check_accessibility(page)

    body = page.get_by_label("Body")
    body.fill(body.input_value() + "\n\n## Parking\n\nPark in the **blue** bays.")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator(".preview-banner")
    assert "Park in the blue bays." in preview.inner_text()
    assert preview.locator("strong", has_text="blue").count() == 1
    # Preview saved nothing, and the text stays in the editor.
    assert "Parking" not in Page.objects.get(slug="preparing-for-treatment").body
    assert "Park in the **blue** bays." in page.get_by_label("Body").input_value()

    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/staff/content/pages/")
    page.goto("/learn/preparing-for-treatment/")
    assert "Park in the blue bays." not in page.locator("main").inner_text()

    page.goto("/staff/content/pages/")
    page.get_by_role("row", name="Preparing for treatment").get_by_role(
        "button", name="Publish Preparing for treatment", exact=True
    ).click()
    page.wait_for_url("**/staff/content/pages/")
    page.goto("/learn/preparing-for-treatment/")
    assert "Park in the blue bays." in page.locator("main").inner_text()

    page.goto("/staff/content/pages/")
    page.get_by_role("row", name="Preparing for treatment").get_by_role(
        "link", name="History"
    ).click()
    newest = page.locator("tbody tr").first.inner_text()
    assert editor.get_full_name() in newest
    assert "Published" in newest
    assert "body" in page.locator("tbody tr").nth(1).inner_text()  # the saved edit
    check_accessibility(page)
    assert csp_violations == []


def test_the_django_admin_works_under_the_content_security_policy(page, csp_violations):
    UserFactory(
        email="editor@example.com", password=PASSWORD, role=Role.CLINIC_ADMIN, is_staff=True
    )
    log_in(page, "editor@example.com", PASSWORD)
    page.goto("/admin/content/page/")
    page.get_by_role("link", name="Side effects and safety").click()
    expect(page.get_by_role("link", name="See the saved draft as patients will")).to_be_visible()
    page.goto("/admin/locations/location/add/")
    expect(page.get_by_label("Time zone")).to_be_visible()
    assert csp_violations == []
