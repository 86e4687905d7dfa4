"""The waitlist's pages, checked by axe as shown, on the demo clinic: the front desk's list,
form and freed-time page (with their error messages), and the cleared demo patient's own
waitlist and the pages an offer's link opens."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from clinic.accounts.models import User
from clinic.locations.models import Location
from infusions.models import AppointmentType, WaitlistOffer
from infusions.waitlist.selectors import waitlist_fits
from infusions.waitlist.services import waitlist_join, waitlist_offer_make
from infusions.waitlist.tasks import claim_token

from .conftest import log_in

pytestmark = pytest.mark.browser

PATIENT = "patient3@example.com"  # cleared by the demo
DESK = "frontdesk@example.com"


@pytest.fixture
def waiting(seeded):
    """The demo patient on Riverside's waitlist for any day and time, and a freed time that
    fits them (the first on a chair free on a day they have no infusion)."""
    location = Location.objects.get(slug="riverside")
    desk = User.objects.get(email=DESK)
    entry = waitlist_join(
        patient=User.objects.get(email=PATIENT).patient,
        location=location,
        appointment_type=AppointmentType.objects.get(kind="initial"),
        preferred_weekdays="0123456",
        earliest=None,
        latest=None,
        added_by=desk,
    )
    today = location.local_time().replace(minute=0, second=0, microsecond=0)
    for days in range(2, 30):
        for hour in (10, 13, 15):
            starts_at = (today + timedelta(days=days)).replace(hour=hour)
            for chair in location.chairs.filter(is_active=True):
                if any(c.offerable for c in waitlist_fits(chair=chair, starts_at=starts_at)):
                    return entry, chair, starts_at, desk
    raise AssertionError("no free time at Riverside in four weeks")


def test_the_front_desks_waitlist_pages_are_accessible(page, waiting, check_accessibility):
    entry, chair, starts_at, _ = waiting
    log_in(page, DESK)
    for path in ("/staff/waitlist/", f"/staff/waitlist/?location={entry.location_id}"):
        page.goto(path)
        check_accessibility(page)

    page.goto("/staff/waitlist/add/")
    check_accessibility(page)
    page.get_by_role("button", name="Add to the waitlist").click()  # empty: every error shows
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)

    page.goto("/staff/waitlist/fits/")  # no chair or time: the page says so
    check_accessibility(page)
    query = urlencode({"chair": chair.pk, "starts_at": starts_at.isoformat()})
    page.goto(f"/staff/waitlist/fits/?{query}")
    check_accessibility(page)
    page.get_by_role("button", name="Offer the time by e-mail").click()  # nobody ticked
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)
    page.get_by_label(entry.patient.legal_name).check()
    page.get_by_role("button", name="Offer the time by e-mail").click()
    page.get_by_text("Offered this time already").wait_for()
    check_accessibility(page)


def test_the_patients_waitlist_pages_are_accessible(page, waiting, check_accessibility):
    entry, chair, starts_at, desk = waiting
    offer = waitlist_offer_make(chair=chair, starts_at=starts_at, entries=[entry], made_by=desk)
    token = claim_token(offer.invites.get().pk)
    log_in(page, PATIENT)

    page.goto("/infusions/waitlist/")
    check_accessibility(page)
    page.get_by_role("button", name="Join the waitlist").click()  # empty: every error shows
    assert page.locator(".invalid-feedback").count() > 0
    check_accessibility(page)

    page.goto(f"/waitlist/claim/{token}/")
    check_accessibility(page)
    page.goto("/waitlist/claim/MQ:forged:link/")
    check_accessibility(page)
    WaitlistOffer.objects.filter(pk=offer.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5)
    )
    page.goto(f"/waitlist/claim/{token}/")
    page.get_by_role("heading", name="This offer has ended").wait_for()
    check_accessibility(page)
