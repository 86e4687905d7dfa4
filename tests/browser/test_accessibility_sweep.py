"""Every page a patient or the front desk meets, checked by axe as it is shown."""

import pytest

from clinic.accounts.models import User
from clinic.lib.signed_links import make_token
from patients.selectors import patient_for_user

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path",
    [
        "/consultation/lakeshore/",  # coming soon: not taking bookings
        "/signup/confirm/MQ:forged:link/",  # an expired or forged confirmation link
        "/consultation/manage/MQ:forged:link/",  # a forged manage link: the styled 404
    ],
)
def test_public_edge_pages_are_accessible(page, seeded, check_accessibility, path):
    page.goto(path)
    check_accessibility(page)


@pytest.mark.parametrize(
    "path", ["/intake/people/", "/intake/care/", "/intake/health/", "/intake/identity/"]
)
def test_every_intake_step_is_accessible_with_its_error_messages(
    page, seeded, check_accessibility, path
):
    patient_for_user(user=User.objects.get(email="patient@example.com"))
    log_in(page, "patient@example.com")
    page.goto(path)
    check_accessibility(page)
    page.get_by_role("button", name="Save and continue").click()  # empty: every error shows
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)


def test_the_signup_check_email_page_and_the_staff_home_are_accessible(
    page, seeded, check_accessibility
):
    page.goto("/signup/")
    page.get_by_label("First name").fill("Sky")
    page.get_by_label("Last name").fill("Ward")
    page.get_by_label("E-mail address").fill("sky@example.com")
    page.locator("#id_password1").fill("a-long-enough-passphrase")
    page.locator("#id_password2").fill("a-long-enough-passphrase")
    page.get_by_role("button", name="Create my account").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()
    check_accessibility(page)

    log_in(page, "frontdesk@example.com")
    check_accessibility(page)
    page.goto("/staff/locations/")
    check_accessibility(page)


def test_the_invitation_sign_up_is_accessible(page, seeded, check_accessibility):
    from django.utils import timezone

    from clinic.locations.models import Location
    from patients.models import Consultation

    start = timezone.now() + timezone.timedelta(days=2)
    consultation = Consultation.objects.create(
        location=Location.objects.get(slug="riverside"),
        consultant=User.objects.get(email="frontdesk@example.com"),
        kind="phone",
        starts_at=start,
        ends_at=start + timezone.timedelta(minutes=30),
        full_name="Quinn Invited",
        email="quinn@example.com",
        phone="+18605550100",
    )
    page.goto(f"/signup/?invite={make_token('invite', consultation.pk)}")
    assert page.get_by_label("E-mail address").input_value() == "quinn@example.com"
    check_accessibility(page)
