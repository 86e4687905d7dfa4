"""A patient's own waitlist page: joining a location's waitlist with their days and times,
leaving it, and the times offered to them."""

from datetime import time

import pytest
from django.urls import reverse

from infusions.models import WaitlistEntry
from tests.factories import LocationFactory
from tests.infusions.waitlist.helpers import claim_path

pytestmark = pytest.mark.django_db

URL = "/infusions/waitlist/"


@pytest.fixture
def me(client_as):
    return client_as("patient")


def test_the_address_is_the_patients_waitlist():
    assert reverse("infusions:my_waitlist") == URL


def test_a_cleared_patient_joins_a_locations_waitlist_with_their_days_and_times(
    me, cleared, location, patient, kind
):
    data = {"location": location.pk, "weekdays": ["1", "3"], "earliest": "12:00", "latest": ""}

    response = me.post(URL, data, follow=True)

    entry = WaitlistEntry.objects.get()
    assert (entry.patient, entry.location, entry.appointment_type) == (cleared, location, kind)
    assert entry.preferred_weekdays == "13"
    assert (entry.earliest, entry.latest) == (time(12), None)
    assert entry.added_by == patient
    page = response.text
    assert f"You are on the waitlist for {location.name}." in page
    assert "Tuesday, Thursday. Starting 12:00 PM or later (Eastern time)." in page


def test_a_refused_join_says_why_by_each_field_and_keeps_what_was_typed(me, cleared):
    response = me.post(URL, {"location": "", "weekdays": [], "earliest": "7pm-ish"})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "location": ["Choose a location."],
        "weekdays": ["Tick at least one day."],
        "earliest": ["Enter a time like 09:30."],
    }
    assert 'value="7pm-ish"' in response.text
    assert not WaitlistEntry.objects.exists()


def test_a_patient_waits_once_at_a_location(me, entry, location):
    response = me.post(URL, {"location": location.pk, "weekdays": ["4"]})

    assert response.status_code == 400
    assert response.context["form"].errors["location"] == [
        f"Already on the waitlist for {location.name}."
    ]
    assert WaitlistEntry.objects.count() == 1


def test_a_location_not_taking_bookings_is_not_offered(me, cleared):
    coming = LocationFactory(name="Harbor Point", status="coming_soon")

    response = me.post(URL, {"location": coming.pk, "weekdays": ["0"]})

    assert response.status_code == 400
    assert "Harbor Point" not in response.text
    assert not WaitlistEntry.objects.exists()


def test_a_patient_not_cleared_is_told_what_is_missing_and_cannot_join(me, screened, location):
    screened()

    page = me.get(URL).text
    response = me.post(URL, {"location": location.pk, "weekdays": ["0"]})

    assert "You can join the waitlist once you can book infusions:" in page
    assert "A clinician has not cleared the screening yet." in page
    assert "Join the waitlist</button>" not in page
    assert response.status_code == 200
    assert not WaitlistEntry.objects.exists()


def test_a_patient_leaves_the_waitlist(me, entry, location):
    response = me.post(reverse("infusions:my_waitlist_leave", args=[entry.pk]), follow=True)

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WITHDRAWN
    assert f"You have left the waitlist for {location.name}." in response.text
    assert "You are not on the waitlist anywhere." in response.text


def test_leaving_is_a_post(me, entry):
    response = me.get(reverse("infusions:my_waitlist_leave", args=[entry.pk]))

    assert response.status_code == 405
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WAITING


def test_the_page_links_the_times_offered_and_not_yet_taken(me, entry, offer_to, freed):
    invite = offer_to(entry).invites.get()

    page = me.get(URL).text

    assert "Times offered to you" in page
    assert f"Midtown Infusion Center, {freed:%A, %B %-d} at 10:00 AM (Eastern time)" in page
    assert claim_path(invite) in page
