"""A visitor books a free consultation, gets the e-mail with its calendar file, and cancels it
through the link in that e-mail."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from patients.models import Consultation

from .conftest import log_in, wait_for_mail

pytestmark = pytest.mark.browser


def test_a_visitor_books_gets_the_calendar_file_and_cancels_by_the_link(
    page, seeded, celery_worker, mailoutbox, check_accessibility
):
    page.goto("/")
    page.get_by_role("link", name="Request a free consultation").first.click()
    check_accessibility(page)
    page.get_by_role("link", name="Book at Riverside Infusion Center").click()
    check_accessibility(page)

    # Submitting with nothing filled in explains each missing field and keeps the page.
    page.get_by_role("button", name="Book my free consultation").click()
    expect(page.get_by_text("Pick a time for your consultation.")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("radio").first.check()  # the first free time of the first day
    page.get_by_label("In person").check()
    page.get_by_label("Your name").fill("Robin Visitor")
    page.get_by_label("E-mail address").fill("robin@example.com")
    page.get_by_label("Phone number").fill("not a phone")
    page.get_by_label("Migraine").check()
    page.get_by_role("button", name="Book my free consultation").click()
    expect(page.get_by_text("Enter a phone number we can call")).to_be_visible()
    assert page.get_by_label("Your name").input_value() == "Robin Visitor"
    assert page.get_by_label("Migraine").is_checked()

    page.get_by_role("radio").first.check()
    page.get_by_label("Phone number").fill("(860) 555-0142")
    page.get_by_role("button", name="Book my free consultation").click()
    expect(page.get_by_text("You are booked.")).to_be_visible()
    check_accessibility(page)

    consultation = Consultation.objects.get(email="robin@example.com")
    mail = wait_for_mail(mailoutbox, "robin@example.com")[0]
    name, content, mimetype = mail.attachments[0]
    assert mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == consultation.starts_at
    assert event.decoded("dtend") == consultation.ends_at
    assert consultation.location.street_address in str(event.get("location"))

    link = re.search(r"https?://\S+/consultation/manage/\S+/", mail.body).group(0)
    path = link.split("/", 3)[3]
    page.goto("/" + path)
    expect(page.get_by_role("heading", name="Your free consultation")).to_be_visible()
    page.get_by_role("button", name="Cancel my consultation").click()
    # One tap only asks; nothing is cancelled until the second.
    expect(page.get_by_role("button", name="Yes, cancel it")).to_be_visible()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.BOOKED
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.get_by_text("Your consultation is cancelled.")).to_be_visible()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED


def test_the_front_desk_sees_todays_requests_and_marks_one_called(
    page, seeded, check_accessibility
):
    from django.utils import timezone

    from clinic.locations.models import Location
    from patients.consultations import services
    from patients.consultations.selectors import consultation_slots

    riverside = Location.objects.get(slug="riverside")
    now = timezone.now()
    slot = consultation_slots(
        location=riverside, first_day=riverside.local_time(now).date(), days=30, now=now
    )[0]
    services.consultation_book(
        location=riverside,
        kind="phone",
        starts_at=slot.starts_at,
        contact=services.Contact(
            full_name="Morgan Caller",
            email="morgan@example.com",
            phone="+18605550111",
            conditions=["ptsd"],
            other_condition="",
            preferred_contact_time="evening",
        ),
    )
    log_in(page, "frontdesk@example.com")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Consultations").click()
    row = page.get_by_role("row", name="Morgan Caller")
    expect(row).to_contain_text("Post-traumatic stress disorder (PTSD)")
    expect(row).to_contain_text("Evenings")
    check_accessibility(page)
    row.get_by_role("button", name="Called").click()
    expect(page.get_by_role("row", name="Morgan Caller")).to_contain_text("Called")
