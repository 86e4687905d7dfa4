"""The patient's page for one infusion: when and where in the location's time, the kind, the
cancellation policy with its deadline, and the driver home."""

import html

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from infusions.statuses.services import appointment_check_in
from tests.access import REDIRECT
from tests.infusions.booking import at, next_clock_change

pytestmark = pytest.mark.django_db


def page_of(client, appointment):
    return html.unescape(client.get(reverse("infusions:my_infusion", args=[appointment.pk])).text)


def test_it_shows_when_and_where_in_local_time_with_the_zone_and_the_kind(
    client_as, booked, monday
):
    page = page_of(client_as("patient"), booked)

    assert f"{monday:%A, %B %-d, %Y}, 10:00 AM to 11:15 AM" in page
    assert "(Eastern time)" in page
    assert booked.chair.location.street_address in page
    assert "Initial-series infusion" in page


def test_it_states_the_policy_and_the_deadline_in_local_time_and_offers_changes(
    client_as, booked, monday
):
    page = page_of(client_as("patient"), booked)

    sunday = monday.fromordinal(monday.toordinal() - 1)
    assert f"until {sunday:%A, %B %-d} at 10:00 AM (Eastern time), 24 hours before" in page
    assert reverse("infusions:my_infusion_move", args=[booked.pk]) in page
    assert reverse("infusions:my_infusion_cancel", args=[booked.pk]) in page


def test_inside_the_window_it_says_to_call_the_clinic_and_offers_no_changes(
    client_as, booked, inside_the_window
):
    page = page_of(client_as("patient"), booked)

    assert "changes are made by phone" in page
    assert inside_the_window.phone in page
    assert reverse("infusions:my_infusion_move", args=[booked.pk]) not in page
    assert reverse("infusions:my_infusion_cancel", args=[booked.pk]) not in page


def test_the_deadline_on_the_day_after_the_clocks_go_forward_is_the_local_wall_clock_time(
    client_as, cleared, chair, front_desk
):
    from infusions.booking.services import infusion_book

    sunday = next_clock_change(forward=True)
    monday = sunday.fromordinal(sunday.toordinal() + 1)
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    page = page_of(client_as("patient"), appointment)

    # 24 hours before 10:00 AM EDT on Monday is 10:00 AM EDT on Sunday, the clocks moved.
    assert f"until {sunday:%A, %B %-d} at 10:00 AM (Eastern time)" in page


def test_the_patient_names_their_driver(client_as, booked):
    url = reverse("infusions:my_infusion", args=[booked.pk])

    response = client_as("patient").post(
        url, {"driver_name": "Sam  Rivera", "driver_phone": "(860) 555-0142"}
    )

    assert response.status_code == REDIRECT
    assert response["Location"] == url
    booked.refresh_from_db()
    assert (booked.driver_name, booked.driver_phone) == ("Sam Rivera", "+18605550142")
    page = page_of(client_as("patient"), booked)
    assert 'value="Sam Rivera"' in page


def test_a_phone_that_cannot_be_called_is_refused_by_its_field_keeping_what_was_typed(
    client_as, booked
):
    response = client_as("patient").post(
        reverse("infusions:my_infusion", args=[booked.pk]),
        {"driver_name": "Sam Rivera", "driver_phone": "not a phone"},
    )

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert 'id="id_driver_phone_error"' in page or "invalid-feedback" in page
    assert "Enter a phone number we can call" in page
    assert 'value="Sam Rivera"' in page
    assert 'value="not a phone"' in page
    booked.refresh_from_db()
    assert booked.driver_name == ""


def test_after_check_in_the_driver_is_the_front_desks_to_change(
    client_as, booked, front_desk, on_its_day
):
    on_its_day(booked)
    appointment_check_in(
        booked, by=front_desk, id_seen=True, driver_name="Sam Rivera", driver_phone="+18605550142"
    )

    response = client_as("patient").post(
        reverse("infusions:my_infusion", args=[booked.pk]),
        {"driver_name": "Someone Else", "driver_phone": ""},
    )

    assert response.status_code == 400
    assert "please tell the front desk" in html.unescape(response.text)
    booked.refresh_from_db()
    assert booked.driver_name == "Sam Rivera"
    assert booked.status == InfusionAppointment.Status.CHECKED_IN
