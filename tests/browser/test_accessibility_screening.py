"""The screening, infusion and consent pages each role meets, checked by axe as shown, on
the demo clinic (a patient waiting for review, a cleared patient with a signed consent)."""

import pytest

from clinic.accounts.models import User
from patients.models import ConsentSignature

from .conftest import log_in

pytestmark = pytest.mark.browser


def _patient(email):
    return User.objects.get(email=email).patient


def test_the_clinicians_pages_are_accessible(page, seeded, check_accessibility):
    waiting = _patient("patient2@example.com").screenings.get()
    log_in(page, "clinician@example.com")
    check_accessibility(page)  # staff home
    for path in (
        "/staff/screening/",
        f"/staff/screening/{waiting.pk}/",
        "/staff/screening/drugs/",
        "/staff/screening/drugs/?q=xanax",
        "/staff/screening/questionnaire/",
        "/staff/screening/questionnaire/1/",
        "/staff/patients/",
        "/staff/consents/verify/",
    ):
        page.goto(path)
        check_accessibility(page)


def test_the_review_decision_errors_are_accessible(page, seeded, check_accessibility):
    waiting = _patient("patient2@example.com").screenings.get()
    log_in(page, "clinician@example.com")
    page.goto(f"/staff/screening/{waiting.pk}/")
    page.get_by_role("button", name="Record decision").click()
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)


def test_the_front_desks_pages_are_accessible(page, seeded, check_accessibility):
    cleared = _patient("patient3@example.com")
    log_in(page, "frontdesk@example.com")
    for path in ("/staff/patients/", "/staff/infusions/", f"/staff/infusions/book/{cleared.pk}/"):
        page.goto(path)
        check_accessibility(page)
    page.get_by_role("button", name="Book the infusion").click()  # empty: every error shows
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)


def test_a_cleared_patients_pages_are_accessible(page, seeded, check_accessibility):
    signature = ConsentSignature.objects.get(patient=_patient("patient3@example.com"))
    log_in(page, "patient3@example.com")
    for path in ("/dashboard/", "/infusions/book/", f"/consent/{signature.pk}/"):
        page.goto(path)
        check_accessibility(page)


def test_a_patient_waiting_for_review_sees_an_accessible_dashboard_and_consent(
    page, seeded, check_accessibility
):
    log_in(page, "patient2@example.com")
    for path in ("/dashboard/", "/consent/", "/infusions/book/"):
        page.goto(path)
        check_accessibility(page)
