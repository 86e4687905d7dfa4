"""The safety questions in the browser: a patient answers, a clinician reviews and clears past
an absolute flag with a written reason, and the patient books an infusion; and the crisis path,
where help shows the moment it is needed and the on-call clinician hears at once."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from clinic.accounts.models import User
from clinic.locations.models import Location
from infusions.models import InfusionAppointment
from patients.intake import steps
from patients.models import Medication
from patients.selectors import patient_for_user
from screening.models import Screening
from screening.questions import DEFAULT_QUESTIONS, YES_NO
from tests.factories import consent_signed_by
from tests.screening.factories import submit

from .conftest import log_in, wait_for_mail

pytestmark = pytest.mark.browser

PREGNANT = "Are you pregnant, or could you be pregnant?"
SUICIDAL = "Are you having thoughts of ending your life right now?"
ITEM_9 = "Thoughts that you would be better off dead or of hurting yourself in some way"


def finish_intake(email, *medications):
    """The demo patient's intake, finished at Riverside, with `medications` as
    (name, dose, how often), and the consent signed: only the screening stands between them
    and a booking."""
    record = patient_for_user(user=User.objects.get(email=email))
    record.preferred_location = Location.objects.get(slug="riverside")
    record.date_of_birth = date(1988, 7, 21)
    record.takes_no_medications = not medications
    record.intake_steps_done = list(steps.STEP_SLUGS)
    record.intake_completed_at = timezone.now()
    record.save()
    for position, (name, dose, frequency) in enumerate(medications):
        Medication.objects.create(
            patient=record, name=name, dose=dose, frequency=frequency, position=position
        )
    consent_signed_by(record)
    return record


def answer(page, question, choice):
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def answer_the_rest_calmly(page):
    """Answer "no", "not at all" or 0 to every question not answered yet."""
    for q in DEFAULT_QUESTIONS:
        if page.locator(f'input[name="{q.code}"]:checked').count() == 0:
            value = "no" if q.kind == YES_NO else "0"
            page.locator(f'input[name="{q.code}"][value="{value}"]').check()


def a_weekday_ahead(days=7):
    """A Monday-to-Friday date at least `days` ahead at Riverside, whatever today is."""
    day = datetime.now(ZoneInfo("America/New_York")).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture
def clinician_page(browser, live_server, committed_db):
    """A second browser, for the clinician, beside the patient's `page`."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_clinician_clears_past_an_absolute_flag_with_a_reason_and_the_patient_books(
    page, clinician_page, seeded, check_accessibility, csp_violations
):
    jordan = finish_intake("patient@example.com", ("Xanax", "0.5mg", "twice daily"))

    # The patient answers: pregnant, nothing else of note.
    log_in(page, "patient@example.com")
    page.get_by_role("link", name="Answer the safety questions").click()
    check_accessibility(page)
    answer(page, PREGNANT, "Yes")
    answer(page, "On average over the past week, how bad has your pain been?", "4")
    answer_the_rest_calmly(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("A clinician will review your answers")).to_be_visible()
    expect(page.get_by_role("link", name="Book an infusion")).to_have_count(0)
    check_accessibility(page)
    screening = Screening.objects.get(patient=jordan)
    assert screening.answers["pregnant"] == "yes"
    assert screening.pain_score == 4

    # The clinician finds the patient in the queue and sees both flags.
    doctor = clinician_page
    log_in(doctor, "clinician@example.com")
    doctor.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Screening review"
    ).click()
    check_accessibility(doctor)
    row = doctor.get_by_role("row", name=re.compile("Jordan Lee"))
    expect(row).to_contain_text("Absolute")
    row.get_by_role("link", name=re.compile("^Review")).click()
    check_accessibility(doctor)
    flags = doctor.get_by_role("region", name="Flags")
    pregnancy = flags.locator(".card", has_text="Pregnant or possibly pregnant.")
    expect(pregnancy).to_contain_text("Absolute")
    benzodiazepine = flags.locator(".card", has_text="Takes a benzodiazepine")
    expect(benzodiazepine).to_contain_text("Reduced effectiveness")
    expect(benzodiazepine).to_contain_text("Xanax 0.5mg twice daily")

    # Clearing on a click alone is refused, by the override field; the note stays.
    note = "Pregnancy test negative at the clinic today."
    doctor.get_by_label("Clear for infusions").check()
    doctor.get_by_label("Why", exact=True).fill(note)
    doctor.get_by_role("button", name="Record decision").click()
    override = doctor.get_by_label("Override reason for absolute or urgent flags")
    expect(override).to_have_attribute("aria-invalid", "true")
    expect(doctor.locator("#id_override_reason_error")).to_contain_text(
        "This screening has an absolute or urgent flag."
    )
    expect(doctor.get_by_label("Why", exact=True)).to_have_value(note)
    check_accessibility(doctor)
    screening.refresh_from_db()
    assert screening.status == Screening.Status.PENDING_REVIEW

    expect(doctor.get_by_label("Clear for infusions")).to_be_checked()
    override.fill("Pregnancy ruled out by a test on site; benzodiazepine dose discussed.")
    doctor.get_by_role("button", name="Record decision").click()
    expect(doctor.get_by_text("Decision recorded.")).to_be_visible()
    check_accessibility(doctor)
    screening.refresh_from_db()
    assert screening.status == Screening.Status.CLEARED

    # The patient may now book, and books a chair.
    page.goto("/dashboard/")
    expect(page.get_by_text("cleared you for infusions")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Book an infusion").click()
    check_accessibility(page)
    day = a_weekday_ahead()
    page.get_by_role("navigation", name="Days with free times").get_by_role(
        "link", name=f"{day:%a %b %-d}"
    ).click()
    page.get_by_label("10:00 AM", exact=True).check()
    page.get_by_role("button", name="Book the infusion").click()
    expect(page.get_by_text("Infusion booked at Riverside Infusion Center")).to_be_visible()
    check_accessibility(page)

    appointment = InfusionAppointment.objects.get(patient=jordan)
    local = appointment.chair.location.local_time(appointment.starts_at)
    assert (local.date(), local.hour, local.minute) == (day, 10, 0)
    assert appointment.chair.location.slug == "riverside"
    assert csp_violations == []


def test_a_patient_in_crisis_sees_help_at_once_and_the_on_call_clinician_hears_first(
    page, clinician_page, seeded, celery_worker, mailoutbox, check_accessibility, csp_violations
):
    # Waiting already: a patient taking an MAOI (an absolute flag), answered before.
    older = Screening.objects.get(patient__user__email="patient2@example.com")
    assert older.status == Screening.Status.PENDING_REVIEW
    assert older.priority == Screening.PRIORITY["absolute"]
    finish_intake("patient@example.com")

    log_in(page, "patient@example.com")
    page.get_by_role("link", name="Answer the safety questions").click()
    resources = page.locator("#crisis-resources")
    expect(resources).to_be_hidden()
    check_accessibility(page)

    # The help shows as soon as the answer is clicked, before anything is sent.
    answer(page, SUICIDAL, "Yes")
    expect(resources).to_be_visible()
    expect(resources.get_by_role("link", name="911")).to_be_visible()
    expect(resources.get_by_role("link", name="988", exact=True)).to_be_visible()
    assert not Screening.objects.filter(patient__user__email="patient@example.com").exists()
    check_accessibility(page)

    answer_the_rest_calmly(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="911")).to_be_visible()
    expect(main.get_by_role("link", name="988", exact=True)).to_be_visible()
    check_accessibility(page)
    assert csp_violations == []

    # Riverside's on-call clinician is told, without the patient's details.
    alert = wait_for_mail(mailoutbox, "clinician@example.com")[0]
    assert alert.subject.startswith("Urgent")
    for detail in ("Jordan", "patient@example.com"):
        assert detail not in alert.subject + alert.body
    assert not re.search(r"\bLee\b", alert.subject + alert.body)

    # The queue puts the patient in crisis first, above the older absolute flag.
    log_in(clinician_page, "clinician@example.com")
    clinician_page.goto("/staff/screening/")
    rows = clinician_page.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Jordan Lee")
    expect(rows.nth(0)).to_contain_text("Urgent")
    expect(rows.nth(1)).to_contain_text("Casey Nguyen")
    expect(rows.nth(1)).to_contain_text("Absolute")
    check_accessibility(clinician_page)


def test_the_queue_is_accessible_with_an_urgent_screening_in_it(page, seeded, check_accessibility):
    submit(finish_intake("patient@example.com"), suicidal_thoughts="yes")

    log_in(page, "clinician@example.com")
    page.goto("/staff/screening/")
    expect(page.locator("tbody tr").first).to_contain_text("Urgent")

    check_accessibility(page)


def test_an_answer_above_zero_to_phq9_item_9_shows_the_help_at_once(
    page, seeded, check_accessibility
):
    finish_intake("patient@example.com")
    log_in(page, "patient@example.com")
    page.goto("/screening/")
    resources = page.locator("#crisis-resources")

    answer(page, SUICIDAL, "No")
    answer(page, ITEM_9, "Not at all")
    expect(resources).to_be_hidden()
    answer(page, ITEM_9, "Several days")

    expect(resources).to_be_visible()
    expect(resources).to_contain_text("911")
    expect(resources).to_contain_text("988")
    check_accessibility(page)
