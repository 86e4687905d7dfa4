"""A visitor finds their way around the public site, and every public page is accessible."""

import pytest

from clinic.locations.models import Location

pytestmark = pytest.mark.browser


def test_a_visitor_reads_the_faq_searches_it_and_opens_a_location(
    page, seeded, check_accessibility
):
    page.goto("/")
    check_accessibility(page)
    assert page.get_by_role("link", name="Request a free consultation").first.is_visible()
    assert "call 911" in page.locator("footer").inner_text()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="FAQ").click()
    page.wait_for_url("**/faq/")
    check_accessibility(page)
    questions = page.locator("details.faq-entry")
    all_count = questions.count()
    assert all_count > 10

    page.get_by_label("Search the questions").fill("insurance")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/faq/?q=insurance")
    matching = page.locator("details.faq-entry")
    assert 0 < matching.count() < all_count
    assert "insurance" in matching.first.inner_text().lower()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Locations").click()
    check_accessibility(page)
    coming_soon = Location.objects.get(status=Location.Status.COMING_SOON)
    assert "Coming soon" in page.locator(".card", has_text=coming_soon.name).inner_text()
    page.get_by_role("link", name="Riverside Infusion Center").click()
    page.wait_for_url("**/locations/riverside/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Riverside")
    assert "Closed" in page.get_by_role("table").inner_text()  # Sunday
    check_accessibility(page)


@pytest.mark.parametrize(
    "path",
    [
        "/learn/what-is-ketamine-therapy/",
        "/learn/conditions-treated/",
        "/learn/preparing-for-treatment/",
        "/learn/medical-disclaimer/",
        "/consultation/",
        "/locations/lakeshore/",
        "/accounts/login/",
        "/accounts/password-reset/",
        "/no-such-page/",
    ],
)
def test_every_public_page_is_accessible(page, seeded, check_accessibility, path):
    response = page.goto(path)
    assert response.status == (404 if path == "/no-such-page/" else 200)
    assert page.locator("footer").get_by_text("call 911").is_visible()
    check_accessibility(page)
