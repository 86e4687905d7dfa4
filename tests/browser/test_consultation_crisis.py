"""A visitor who ticks "Thoughts of suicide" on the consultation form sees where to get help
at once, before sending it, and again after booking."""

import pytest
from playwright.sync_api import expect

from patients.models import Consultation

pytestmark = pytest.mark.browser

CRISIS_HEADING = "You do not have to face this alone"


def test_ticking_thoughts_of_suicide_shows_the_crisis_resources_before_sending(
    page, seeded, check_accessibility
):
    page.goto("/")
    page.get_by_role("link", name="Request a free consultation").first.click()
    page.get_by_role("link", name="Book at Riverside Infusion Center").click()
    crisis = page.get_by_role("heading", name=CRISIS_HEADING)
    expect(crisis).to_be_hidden()

    page.get_by_label("Migraine").check()
    expect(crisis).to_be_hidden()
    page.get_by_label("Thoughts of suicide").check()
    expect(crisis).to_be_visible()
    expect(page.get_by_role("link", name="988", exact=True)).to_be_visible()
    check_accessibility(page)

    page.get_by_role("radio").first.check()
    page.get_by_label("By phone").check()
    page.get_by_label("Your name").fill("Robin Visitor")
    page.get_by_label("E-mail address").fill("robin@example.com")
    page.get_by_label("Phone number").fill("(860) 555-0142")
    page.get_by_role("button", name="Book my free consultation").click()
    expect(page.get_by_text("You are booked.")).to_be_visible()
    expect(page.get_by_role("heading", name=CRISIS_HEADING)).to_be_visible()
    check_accessibility(page)
    assert Consultation.objects.get(email="robin@example.com").is_urgent
