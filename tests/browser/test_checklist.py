"""The preparation checklist in a browser: the patient opens it from a reminder's link without
logging in, is told beside the field what is missing, confirms a driver, the fasting time and
the photo ID; the front desk then sees it confirmed on the day board and its follow-up list.
Every page checked by axe."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from clinic.accounts.models import User
from infusions.models import InfusionAppointment, Reminder
from infusions.reminders.content import reminder_message

from .conftest import log_in

pytestmark = pytest.mark.browser


def test_a_patient_confirms_the_checklist_and_the_desk_sees_it(
    page, seeded, check_accessibility, csp_violations
):
    patient = User.objects.get(email="patient3@example.com").patient
    infusion = InfusionAppointment.objects.booked().filter(patient=patient).order_by("starts_at")[0]
    reminder = infusion.reminders.filter(kind=Reminder.Kind.EVENING_BEFORE).first() or (
        infusion.reminders.get(kind=Reminder.Kind.CONFIRMATION)
    )
    link = re.search(r"https?://\S+/infusions/prepare/\S+/", reminder_message(reminder).text)

    page.goto(urlparse(link.group(0)).path)
    expect(page.get_by_role("heading", name="Getting ready for your infusion")).to_be_visible()
    expect(page.get_by_text("A driver home: not yet confirmed")).to_be_visible()
    check_accessibility(page)

    # A driver's name without a phone: said beside the phone field, the name kept.
    page.get_by_label("Driver's name").fill("Ann Lee")
    page.get_by_label("Driver's phone").fill("")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Give your driver's phone number too.")).to_be_visible()
    expect(page.get_by_label("Driver's name")).to_have_value("Ann Lee")
    check_accessibility(page)

    page.get_by_label("Driver's phone").fill("(212) 555-0100")
    page.get_by_label(re.compile(r"I will stop eating after")).check()
    page.get_by_label("I will bring a valid photo ID").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Thank you: the clinic can see what you confirmed.")).to_be_visible()
    expect(page.get_by_text("A driver home: Ann Lee, +12125550100")).to_be_visible()
    expect(page.get_by_text("You will bring a valid photo ID")).to_be_visible()
    check_accessibility(page)
    assert csp_violations == []

    # The front desk's day board and follow-up list for that day show it confirmed.
    location = infusion.chair.location
    day = location.local_time(infusion.starts_at).date()
    log_in(page, "frontdesk@example.com")
    page.goto(f"/staff/schedule/?location={location.pk}&day={day.isoformat()}")
    expect(page.locator(f"#appointment-{infusion.pk}")).to_contain_text(
        "Patient confirmed: driver, fasting, photo ID"
    )
    page.goto(f"/staff/schedule/follow-up/?location={location.pk}&day={day.isoformat()}")
    row = page.get_by_role("row").filter(has_text=patient.legal_last_name)
    expect(row).to_contain_text("Ann Lee")
    expect(row.get_by_text("Confirmed")).to_have_count(3)
    check_accessibility(page)
