"""The signed link in the confirmation: see, move and cancel the booking, add it to a calendar."""

from datetime import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from patients.models import Consultation
from tests.patients.consultations.helpers import (
    TAKEN,
    booked_through_the_page,
    chosen_day,
    day_links,
    field_errors,
    offered,
    take_directly,
)

pytestmark = pytest.mark.django_db


def test_the_link_moves_the_booking_to_another_day_and_time(
    client, location, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    consultation, manage = booked_through_the_page(client, book_url)
    old_start = consultation.starts_at
    mailoutbox.clear()  # the booking's own confirmation and desk alert

    change = client.get(f"{manage}?change=1").text
    assert old_start.isoformat() not in [v for v, _ in offered(change)]
    other_day = day_links(change)[2]
    page = client.get(f"{manage}?change=1&day={other_day}").text
    value, _ = offered(page)[5]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            manage, {"action": "reschedule", "day": chosen_day(page), "slot": value}
        )

    assert response.status_code == 302
    assert response["Location"] == manage
    consultation.refresh_from_db()
    assert consultation.starts_at == datetime.fromisoformat(value)
    assert consultation.local_starts_at().date().isoformat() == other_day
    assert "Your consultation has a new time." in client.get(manage).text
    assert [m.to for m in mailoutbox] == [["robin@example.com"]]  # the new confirmation
    # The old time is free again for everyone else.
    old_day = location.local_time(old_start).date().isoformat()
    assert old_start.isoformat() in [
        v for v, _ in offered(client.get(f"{book_url}?day={old_day}").text)
    ]


def test_moving_to_a_time_just_taken_is_explained(client, location, consultant_all_week, book_url):
    consultation, manage = booked_through_the_page(client, book_url)
    page = client.get(f"{manage}?change=1").text
    value, _ = offered(page)[-1]
    take_directly(location, consultant_all_week, datetime.fromisoformat(value))

    response = client.post(manage, {"action": "reschedule", "day": chosen_day(page), "slot": value})

    assert response.status_code == 200
    assert field_errors(response.text, "slot") == [TAKEN]
    assert offered(response.text)
    start = consultation.starts_at
    consultation.refresh_from_db()
    assert consultation.starts_at == start


def test_the_link_cancels_once_and_then_offers_to_book_again(
    client, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    consultation, manage = booked_through_the_page(client, book_url)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(manage, {"action": "cancel", "confirmed": "yes"})
        client.post(manage, {"action": "cancel", "confirmed": "yes"})

    assert first["Location"] == manage
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED
    page = client.get(manage).text
    assert "Your consultation is cancelled." in page
    assert "You are welcome to book another" in page
    assert f'href="{reverse("patients:consultation_start")}"' in page
    assert "Cancel my consultation" not in page and "Change the time" not in page
    assert sum("is cancelled" in m.subject for m in mailoutbox) == 1
    # A cancelled booking cannot be moved.
    client.post(manage, {"action": "reschedule", "slot": consultation.starts_at.isoformat()})
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED


def test_the_calendar_file_holds_the_booked_time(client, book_url):
    consultation, manage = booked_through_the_page(client, book_url)
    token = manage.rstrip("/").rsplit("/", 1)[-1]

    response = client.get(reverse("patients:consultation_calendar", args=[token]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "consultation.ics" in response["Content-Disposition"]
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["DTSTART"].dt == consultation.starts_at
    assert event["DTEND"].dt == consultation.ends_at
    assert str(event["UID"]) == f"consultation-{consultation.pk}@testserver"
    assert "/consultation/manage/" in str(event["DESCRIPTION"])
