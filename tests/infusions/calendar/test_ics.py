"""One infusion's calendar file: the patient's own only, the time in UTC, the place, and
nothing clinical."""

from datetime import UTC, datetime, time

import pytest
from django.urls import reverse
from icalendar import Calendar

from infusions.booking.services import infusion_book, infusion_move
from tests.access import ALLOWED, NOT_FOUND, assert_responds, matrix
from tests.infusions.booking import at, next_clock_change

pytestmark = pytest.mark.django_db

# Words a calendar shared with family or a workplace must not show.
CLINICAL = ("ketamine", "initial-series", "maintenance", "booster", "dose", "screening")


def event_of(response):
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    return event


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_the_patient_downloads_their_infusions_calendar_file(
    client_as, booked, persona, expected
):
    url = reverse("infusions:my_infusion_ics", args=[booked.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    if expected == ALLOWED:
        assert event_of(response).decoded("dtstart") == booked.starts_at


def test_another_patients_calendar_file_is_not_found(client_as, booked, other_booked):
    response = client_as("patient").get(
        reverse("infusions:my_infusion_ics", args=[other_booked.pk])
    )

    assert response.status_code == NOT_FOUND


def test_the_event_has_the_utc_times_the_place_and_nothing_clinical(client_as, booked):
    response = client_as("patient").get(reverse("infusions:my_infusion_ics", args=[booked.pk]))

    event = event_of(response)
    location = booked.chair.location
    assert event.decoded("dtstart") == booked.starts_at
    assert event.decoded("dtstart").utcoffset().total_seconds() == 0
    assert event.decoded("dtend") == booked.ends_at
    assert str(event["summary"]) == f"Infusion at {location.name}"
    assert str(event["location"]) == f"{location.name}, {location.one_line_address}"
    assert str(event["status"]) == "CONFIRMED"
    assert reverse("infusions:my_infusion", args=[booked.pk]) in str(event["description"])
    lowered = response.content.decode().lower()
    assert not [word for word in CLINICAL if word in lowered]


def test_on_the_spring_forward_day_the_event_starts_at_the_instant_booked(
    client_as, cleared, chair, front_desk
):
    sunday = next_clock_change(forward=True)
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(sunday, 10), booked_by=front_desk
    )

    response = client_as("patient").get(reverse("infusions:my_infusion_ics", args=[appointment.pk]))

    start = event_of(response).decoded("dtstart")
    assert start == appointment.starts_at
    # 10:00 AM EDT: 14:00 UTC from that morning, not 15:00 as the day before.
    assert start == datetime.combine(sunday, time(14), tzinfo=UTC)
    assert b"DTSTART:" + start.strftime("%Y%m%dT%H%M%SZ").encode() in response.content


def test_a_moved_infusion_gets_a_higher_sequence(client_as, booked, chair, monday, patient):
    url = reverse("infusions:my_infusion_ics", args=[booked.pk])
    before = event_of(client_as("patient").get(url))

    infusion_move(booked, chair=chair, starts_at=at(monday, 14), by=patient)

    after = event_of(client_as("patient").get(url))
    assert after["uid"] == before["uid"]
    assert after.decoded("sequence") > before.decoded("sequence")
    assert after.decoded("dtstart") == at(monday, 14)
