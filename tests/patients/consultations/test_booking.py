"""Booking a free consultation through the public page."""

import html
from datetime import datetime

import pytest

from clinic.locations.models import Location
from patients.consultations.selectors import BOOKING_HORIZON_DAYS
from patients.models import Consultation
from tests.patients.consultations.helpers import (
    CONTACT,
    TAKEN,
    chosen_day,
    day_links,
    field_errors,
    first_time,
    input_value,
    is_checked,
    offered,
    take_directly,
    token_pk,
)

pytestmark = pytest.mark.django_db


def test_the_page_lists_the_days_and_the_times_of_the_day_chosen(client, location, book_url):
    page = client.get(book_url).text

    days = day_links(page)
    assert BOOKING_HORIZON_DAYS - 1 <= len(days) <= BOOKING_HORIZON_DAYS
    assert chosen_day(page) == days[0]
    fourth = days[3]
    later = client.get(f"{book_url}?day={fourth}").text
    assert chosen_day(later) == fourth
    times = offered(later)
    assert len(times) == 47  # every half hour from midnight to 23:30, 23:30 itself excluded
    assert times[0][1] == "12:00 AM" and times[-1][1] == "11:00 PM"
    for value, _ in times:
        assert location.local_time(datetime.fromisoformat(value)).date().isoformat() == fourth


def test_a_valid_request_books_and_opens_the_booking_with_a_confirmation(
    client, location, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    day, value, _ = first_time(client, book_url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    assert response.status_code == 302
    assert response["Location"].startswith("/consultation/manage/")
    consultation = Consultation.objects.get()
    assert token_pk(response["Location"]) == consultation.pk
    assert consultation.starts_at == datetime.fromisoformat(value)
    assert consultation.full_name == "Robin Visitor"
    assert consultation.phone == "+18605550142"
    assert consultation.conditions == ["migraine", "anxiety"]
    assert consultation.other_condition == "Trouble sleeping"
    assert consultation.preferred_contact_time == "evening"
    page = client.get(response["Location"]).text
    assert "You are booked. A confirmation is on its way to robin@example.com." in page
    assert sorted(m.to[0] for m in mailoutbox) == [location.email, "robin@example.com"]


def test_a_double_submitted_request_makes_one_booking(client, book_url):
    day, value, _ = first_time(client, book_url)
    data = {**CONTACT, "day": day, "slot": value}

    first = client.post(book_url, data)
    second = client.post(book_url, data)

    assert first.status_code == second.status_code == 302
    assert Consultation.objects.count() == 1
    assert token_pk(first["Location"]) == token_pk(second["Location"])


def test_a_time_just_taken_is_explained_with_other_times_and_the_typing_kept(
    client, location, consultant_all_week, book_url
):
    day, value, _ = first_time(client, book_url)
    take_directly(location, consultant_all_week, datetime.fromisoformat(value))

    response = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    assert response.status_code == 200
    page = response.text
    assert field_errors(page, "slot") == [TAKEN]
    others = offered(page)
    assert 1 <= len(others) <= 3
    assert value not in [v for v, _ in others]
    for other_value, other_label in others:
        local = location.local_time(datetime.fromisoformat(other_value))
        assert other_label == f"{local:%A, %B} {local.day}, {local:%-I:%M %p}"
    assert input_value(page, "full_name") == "Robin  Visitor"
    assert input_value(page, "email") == "robin@example.com"
    assert input_value(page, "phone") == "(860) 555-0142"
    assert input_value(page, "other_condition") == "Trouble sleeping"
    assert is_checked(page, "pain_conditions", "migraine")
    assert is_checked(page, "mood_conditions", "anxiety")
    assert is_checked(page, "preferred_contact_time", "evening")
    assert Consultation.objects.count() == 1

    # One of the times offered instead can be booked straight away.
    again = client.post(book_url, {**CONTACT, "day": day, "slot": others[0][0]})
    assert again.status_code == 302
    assert Consultation.objects.filter(email="robin@example.com").count() == 1


def test_missing_and_wrong_answers_are_explained_beside_each_field(client, book_url):
    day, _, _ = first_time(client, book_url)

    empty = client.post(book_url, {"day": day, "kind": "phone", "preferred_contact_time": "any"})
    wrong = client.post(
        book_url, {**CONTACT, "day": day, "email": "robin-at-example", "phone": "555-01"}
    )

    assert field_errors(empty.text, "slot") == ["Pick a time for your consultation."]
    for field in ("full_name", "email", "phone"):
        assert field_errors(empty.text, field) == ["This field is required."], field
    assert field_errors(empty.text, "other_condition") == [
        "Tick at least one condition, or tell us in your own words what you would like to "
        "talk about."
    ]
    assert field_errors(wrong.text, "email") == ["Enter an e-mail address like name@example.com."]
    assert field_errors(wrong.text, "phone") == [
        "Enter a phone number we can call, such as (555) 010-0142 or +1 555 010 0142."
    ]
    assert field_errors(wrong.text, "slot") == ["Pick a time for your consultation."]
    assert input_value(wrong.text, "full_name") == "Robin  Visitor"
    assert not Consultation.objects.exists()


def test_a_form_filled_in_by_a_robot_books_nothing_and_says_to_call(
    client, location, book_url, mailoutbox
):
    day, value, _ = first_time(client, book_url)

    response = client.post(
        book_url, {**CONTACT, "day": day, "slot": value, "website": "http://spam.example"}
    )

    assert response.status_code == 200
    assert (
        f"We could not take this request online. Please call us on {location.phone} and we "
        "will book it with you." in html.unescape(response.text)
    )
    assert not Consultation.objects.exists()
    assert mailoutbox == []


def test_a_coming_soon_location_shows_so_and_books_nothing(client, location, book_url):
    day, value, _ = first_time(client, book_url)
    location.status = Location.Status.COMING_SOON
    location.save()

    page = client.get(book_url)
    sent = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    for response in (page, sent):
        assert response.status_code == 200
        assert f"{location.name} is not taking bookings yet" in response.text
        assert 'name="slot"' not in response.text
    assert not Consultation.objects.exists()
