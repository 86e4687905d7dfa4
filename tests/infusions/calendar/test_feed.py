"""The private calendar address: made on the patient's request, fetched without signing in
by their calendar app, holding their upcoming infusions only, and stopped on request."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from infusions.booking.services import infusion_book, infusion_cancel
from infusions.models import CalendarFeed
from tests.access import ALLOWED, NOT_FOUND, REDIRECT, assert_responds, matrix
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

FEED_PAGE = "infusions:calendar_feed"


def feed_url(feed):
    return reverse("infusions:calendar_feed_ics", args=[feed.token])


def starts_in(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return sorted(e.decoded("dtstart") for e in Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_the_calendar_address_page(client_as, cleared, persona, expected):
    url = reverse(FEED_PAGE)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Create my calendar address" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("persona", ("front_desk", "clinician", "clinic_admin"))
def test_staff_cannot_make_a_calendar_address(client_as, cleared, persona):
    response = client_as(persona).post(reverse(FEED_PAGE), {"action": "create"})

    assert response.status_code == 403
    assert not CalendarFeed.objects.exists()


def test_the_first_visit_makes_nothing_until_the_patient_asks(client_as, cleared):
    page = client_as("patient").get(reverse(FEED_PAGE))

    assert "Create my calendar address" in page.text
    assert not CalendarFeed.objects.exists()


def test_the_patient_makes_an_address_and_sees_it(client_as, cleared):
    client = client_as("patient")

    made = client.post(reverse(FEED_PAGE), {"action": "create"})
    again = client.post(reverse(FEED_PAGE), {"action": "create"})

    assert made.status_code == again.status_code == REDIRECT
    feed = CalendarFeed.objects.get()
    assert feed.patient == cleared
    page = html.unescape(client.get(reverse(FEED_PAGE)).text)
    assert f"http://testserver{feed_url(feed)}" in page
    assert f"webcal://testserver{feed_url(feed)}" in page
    assert "Stop this address" in page


def test_the_feed_holds_the_patients_upcoming_live_infusions_only(
    client, client_as, booked, other_booked, cleared, chair, monday, front_desk
):
    cancelled = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(monday + timedelta(days=2), 10),
        booked_by=front_desk,
    )
    infusion_cancel(cancelled, by=front_desk, reason="The patient called.")
    later = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(monday + timedelta(days=3), 11),
        booked_by=front_desk,
    )
    feed = CalendarFeed.objects.create(patient=cleared)

    response = client.get(feed_url(feed))  # a calendar app: nobody signed in

    assert starts_in(response) == [booked.starts_at, later.starts_at]
    body = response.content.decode()
    assert "Infusion at Midtown Infusion Center" in body
    assert "Initial-series" not in body


def test_a_stopped_address_answers_nothing_and_a_new_one_can_be_made(client, client_as, booked):
    patient_client = client_as("patient")
    patient_client.post(reverse(FEED_PAGE), {"action": "create"})
    old = CalendarFeed.objects.get()

    stopped = patient_client.post(reverse(FEED_PAGE), {"action": "stop"})
    patient_client.post(reverse(FEED_PAGE), {"action": "create"})

    assert stopped.status_code == REDIRECT
    old.refresh_from_db()
    assert old.revoked_at is not None
    new = CalendarFeed.objects.get(revoked_at__isnull=True)
    assert new.token != old.token
    patient_client.logout()
    assert client.get(feed_url(old)).status_code == NOT_FOUND
    assert starts_in(client.get(feed_url(new))) == [booked.starts_at]


def test_an_unknown_address_is_not_found(client, cleared):
    response = client.get(reverse("infusions:calendar_feed_ics", args=["not-a-real-token"]))

    assert response.status_code == NOT_FOUND


def test_stopping_when_there_is_no_address_changes_nothing(client_as, cleared):
    response = client_as("patient").post(reverse(FEED_PAGE), {"action": "stop"})

    assert response.status_code == REDIRECT
    assert not CalendarFeed.objects.exists()


def test_the_address_page_shows_the_patients_own_address_only(client_as, cleared, other_cleared):
    theirs = CalendarFeed.objects.create(patient=other_cleared)

    page = client_as("patient").get(reverse(FEED_PAGE))

    assert theirs.token not in page.text
    assert "Create my calendar address" in page.text
