"""A new patient signs up, fills half the intake, leaves, comes back and finishes it."""

import re

import pytest
from playwright.sync_api import expect

from clinic.accounts.models import User

from .conftest import log_in, wait_for_mail

pytestmark = pytest.mark.browser
PASSWORD = "a-long-enough-passphrase"


def test_a_patient_signs_up_fills_half_the_intake_and_finishes_it_later(
    page, seeded, celery_worker, mailoutbox, check_accessibility
):
    page.goto("/signup/")
    check_accessibility(page)
    page.get_by_label("First name").fill("Jamie")
    page.get_by_label("Last name").fill("Rivera")
    page.get_by_label("E-mail address").fill("jamie@example.com")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()

    mail = wait_for_mail(mailoutbox, "jamie@example.com")[0]
    page.goto(re.search(r"https?://[^/]+(/signup/confirm/\S+/)", mail.body).group(1))
    expect(page.get_by_text("your e-mail address is confirmed")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Start my intake").click()

    # Step 1, with a mistake first: the message stands by the field and the typing stays.
    check_accessibility(page)
    page.get_by_label("Legal first name").fill("Jamie")
    page.get_by_label("Legal last name").fill("Rivera")
    page.get_by_label("Date of birth").fill("2015-03-04")
    page.get_by_label("Mobile phone").fill("(860) 555-0199")
    page.get_by_label("Street address").fill("12 Elm Street")
    page.get_by_label("City").fill("Hartford")
    page.get_by_label("State").fill("CT")
    page.get_by_label("ZIP code").fill("06103")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Our clinic treats adults only")).to_be_visible()
    assert page.get_by_label("Street address").input_value() == "12 Elm Street"
    check_accessibility(page)
    page.get_by_label("Date of birth").fill("1984-03-04")
    page.get_by_role("button", name="Save and continue").click()

    # Step 2, then leave.
    page.get_by_label("Emergency contact's name").fill("Alex Rivera")
    page.get_by_label("Emergency contact's phone").fill("860 555 0123")
    page.get_by_label("How they are related to you").fill("Brother")
    page.get_by_label("Driver's name").fill("Alex Rivera")
    page.get_by_label("Driver's phone").fill("860 555 0123")
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.get_by_text("Continue my intake")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    log_in(page, "jamie@example.com", PASSWORD)
    page.get_by_role("link", name="Continue my intake").click()
    expect(page.get_by_role("heading", name="Step 3 of 6: Your care")).to_be_visible()
    page.get_by_label("Where would you like to be treated?").select_option(
        label="Riverside Infusion Center"
    )
    page.get_by_label("Fibromyalgia").check()
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_label("Your medical history").fill("Migraines since 2010; no heart problems.")
    page.get_by_label("Allergies").fill("none known")
    page.get_by_role("button", name="Save and continue").click()

    # Medications: an empty list is not an answer.
    check_accessibility(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("or tick “I take no medications”")).to_be_visible()
    page.get_by_label("Medication (row 1)").fill("klonopine")
    page.get_by_label("Dose (row 1)").fill("0.5 mg")
    page.get_by_label("How often (row 1)").fill("at night")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_label("Photo ID you will bring").select_option(label="Driver's license")
    page.get_by_label("Its expiry date").fill("2030-01-31")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Check your intake")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Finish my intake").click()
    expect(page.get_by_text("your intake is complete")).to_be_visible()

    patient = User.objects.get(email="jamie@example.com").patient
    assert patient.intake_completed_at is not None
    assert patient.legal_name == "Jamie Rivera"
    assert [m.name for m in patient.medications.all()] == ["klonopine"]
    assert patient.takes_no_medications is False
