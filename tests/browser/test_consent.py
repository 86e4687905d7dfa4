"""A patient reads and signs the consent, draws a signature, downloads the signed PDF; another
patient cannot download it."""

import re
import time

import pytest
from PIL import Image
from playwright.sync_api import expect

from clinic.accounts.roles import Role
from patients.models import ConsentDocument, ConsentSignature
from tests.factories import LocationFactory, UserFactory
from tests.screening.factories import PatientFactory

from .conftest import log_in

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"  # UserFactory's


def make_patient(email, first, last):
    location = LocationFactory(
        name=f"{last} Infusion Center", city="Chicago", state="IL", time_zone="America/Chicago"
    )
    user = UserFactory(email=email, role=Role.PATIENT)
    return PatientFactory(
        user=user, legal_first_name=first, legal_last_name=last, preferred_location=location
    )


def wait_for_the_download_link(page, seconds=30):
    """The PDF is rendered by a Celery task: at once in-process, or by the worker on a
    broker. The page says it is being prepared until then."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        link = page.locator("#download-pdf")
        if link.count():
            return link
        expect(page.locator("#pdf-preparing")).to_contain_text("being prepared")
        time.sleep(1)
        page.reload()
    raise AssertionError(f"no download link on {page.url} within {seconds}s")


def test_a_patient_signs_the_consent_and_downloads_the_pdf_another_patient_cannot(
    browser, live_server, page, task_queue, media_root, check_accessibility
):
    record = make_patient("jamie@example.com", "Jamie", "Rivera")
    make_patient("robin@example.com", "Robin", "Okafor")
    sections = ConsentDocument.objects.current().sections
    headings = [section["heading"] for section in sections]

    log_in(page, "jamie@example.com", PASSWORD)
    page.goto("/consent/")
    expect(page.get_by_role("heading", name="Your consent to treatment")).to_be_visible()
    check_accessibility(page)

    # A wrong name first: the message stands by the field, and what was typed and ticked stays.
    name = page.get_by_label("Your full legal name")
    page.get_by_label(headings[0], exact=True).check()
    page.get_by_label(headings[1], exact=True).check()
    name.fill("Jamie Riviera")
    page.get_by_role("button", name="Sign the consent").click()
    expect(name).to_have_accessible_description(
        re.compile(r"Type your full legal name as it is in your intake: Jamie Rivera\.")
    )
    expect(name).to_have_value("Jamie Riviera")
    expect(page.get_by_label(headings[0], exact=True)).to_be_checked()
    expect(page.get_by_label(headings[1], exact=True)).to_be_checked()
    expect(page.get_by_label(headings[2], exact=True)).not_to_be_checked()
    check_accessibility(page)
    assert not ConsentSignature.objects.exists()

    # Every box, a short stroke drawn with the mouse, the right name in other capitals.
    for heading in headings:
        page.get_by_label(heading, exact=True).check()
    canvas = page.locator(".signature-pad canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + box["height"] * 0.7)
    page.mouse.down()
    page.mouse.move(box["x"] + 90, box["y"] + box["height"] * 0.3, steps=8)
    page.mouse.move(box["x"] + 160, box["y"] + box["height"] * 0.6, steps=8)
    page.mouse.up()
    name.fill("JAMIE rivera")
    page.get_by_role("button", name="Sign the consent").click()

    expect(page.get_by_role("heading", name="Signed consent")).to_be_visible()
    expect(page.get_by_text("Thank you. Your consent is signed.")).to_be_visible()
    expect(page.locator("#download-pdf").or_(page.locator("#pdf-preparing"))).to_be_visible()
    signature = ConsentSignature.objects.get()
    assert signature.patient == record
    assert signature.typed_name == "JAMIE rivera"
    with signature.drawn_signature.open("rb") as drawn, Image.open(drawn) as image:
        assert image.format == "PNG"
        assert image.getchannel("A").getbbox() is not None, "the stroke is not in the drawing"
    assert signature.ip_address == "127.0.0.1"
    assert "Chrome" in signature.user_agent
    assert signature.time_zone == "America/Chicago"
    assert page.url.endswith(f"/consent/{signature.pk}/")

    link = wait_for_the_download_link(page)
    check_accessibility(page)
    with page.expect_download() as download:
        link.click()
    pdf = download.value.path().read_bytes()
    signature.refresh_from_db()
    assert pdf.startswith(b"%PDF")
    assert download.value.suggested_filename == f"consent-1.0-{signature.pk}.pdf"
    with signature.pdf.open("rb") as stored:
        assert stored.read() == pdf

    # Another patient, in a browser of their own, asks for the same PDF.
    context = browser.new_context(base_url=live_server.url)
    try:
        other = context.new_page()
        log_in(other, "robin@example.com", PASSWORD)
        response = other.goto(f"/consent/{signature.pk}/pdf/")
        assert response.status == 404
        assert b"%PDF" not in response.body()
        expect(other.get_by_role("heading", name="We could not find that page")).to_be_visible()
        check_accessibility(other)
    finally:
        context.close()
