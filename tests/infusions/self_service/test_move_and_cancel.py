"""Moving and cancelling online: only outside the cancellation window, through the booking
service; inside it the pages say to call the clinic, and a forged post is refused with that
message, nothing changed."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import InfusionAppointment, StatusChange
from tests.access import REDIRECT
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

Status = InfusionAppointment.Status
CALL = "Changes within 720 hours of the start are made by phone: call the clinic on"


def text(response):
    return html.unescape(response.text)


def slot(chair, day, clock):
    return {"slot": f"{chair.pk}/{day.isoformat()}/{clock}"}


# Moving -------------------------------------------------------------------------------


def test_the_move_page_offers_the_free_times_its_own_time_included(client_as, booked, monday):
    response = client_as("patient").get(
        reverse("infusions:my_infusion_move", args=[booked.pk]), {"day": monday.isoformat()}
    )

    page = text(response)
    assert response.status_code == 200
    assert f'value="{booked.chair_id}/{monday.isoformat()}/10:00"' in page
    assert "Move my infusion to this time" in page


def test_a_patient_moves_their_infusion_within_the_policy(
    client_as, booked, chair, monday, patient
):
    url = reverse("infusions:my_infusion_move", args=[booked.pk])
    tuesday = monday + timedelta(days=1)

    response = client_as("patient").post(url, slot(chair, tuesday, "14:30"))

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("infusions:my_infusion", args=[booked.pk])
    booked.refresh_from_db()
    assert booked.starts_at == at(tuesday, 14, 30)
    assert booked.status == Status.BOOKED
    move = StatusChange.objects.filter(appointment=booked).last()
    assert move.changed_by == patient
    assert move.reason.startswith("Moved from")
    followed = client_as("patient").get(response["Location"])
    assert (
        f"Your infusion is moved to Midtown Infusion Center on {tuesday:%A, %B %-d} at 2:30 PM"
        in text(followed)
    )


def test_a_time_taken_meanwhile_is_refused_by_the_time_picker(
    client_as, booked, other_cleared, chair, monday, front_desk
):
    tuesday = monday + timedelta(days=1)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(tuesday, 14), booked_by=front_desk
    )

    response = client_as("patient").post(
        reverse("infusions:my_infusion_move", args=[booked.pk]), slot(chair, tuesday, "14:30")
    )

    assert response.status_code == 400
    page = text(response)
    assert 'id="id_slot_error"' in page or "invalid-feedback" in page
    assert "That chair is taken at that time." in page
    # The times shown again are fresh: the taken ones are gone.
    assert f'value="{chair.pk}/{tuesday.isoformat()}/14:30"' not in page
    assert f'value="{chair.pk}/{tuesday.isoformat()}/09:00"' in page
    booked.refresh_from_db()
    assert booked.starts_at == at(monday, 10)


def test_inside_the_window_the_move_page_says_to_call_and_offers_no_times(
    client_as, booked, inside_the_window
):
    response = client_as("patient").get(reverse("infusions:my_infusion_move", args=[booked.pk]))

    page = text(response)
    assert "changes are made by phone" in page
    assert inside_the_window.phone in page
    assert 'name="slot"' not in page
    assert "Move my infusion to this time" not in page


def test_inside_the_window_a_forged_move_is_refused_with_the_phone_number(
    client_as, booked, chair, monday, inside_the_window
):
    response = client_as("patient").post(
        reverse("infusions:my_infusion_move", args=[booked.pk]),
        slot(chair, monday + timedelta(days=1), "11:00"),
    )

    assert response.status_code == 400
    assert f"{CALL} {inside_the_window.phone}." in text(response)
    booked.refresh_from_db()
    assert booked.starts_at == at(monday, 10)


def test_a_cancelled_infusion_cannot_be_moved(client_as, booked, chair, monday, front_desk):
    from infusions.booking.services import infusion_cancel

    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    response = client_as("patient").post(
        reverse("infusions:my_infusion_move", args=[booked.pk]),
        slot(chair, monday + timedelta(days=1), "11:00"),
    )

    assert response.status_code == 400
    assert "no longer booked" in text(response)
    booked.refresh_from_db()
    assert booked.status == Status.CANCELLED


# Cancelling ---------------------------------------------------------------------------


def test_the_cancel_page_asks_first_and_cancels_nothing_on_opening(client_as, booked):
    response = client_as("patient").get(reverse("infusions:my_infusion_cancel", args=[booked.pk]))

    assert "Yes, cancel it" in text(response)
    booked.refresh_from_db()
    assert booked.status == Status.BOOKED


def test_a_patient_cancels_within_the_policy(client_as, booked, patient):
    response = client_as("patient").post(reverse("infusions:my_infusion_cancel", args=[booked.pk]))

    assert response.status_code == REDIRECT
    booked.refresh_from_db()
    assert booked.status == Status.CANCELLED
    assert booked.cancel_reason == "Cancelled by the patient online"
    change = StatusChange.objects.filter(appointment=booked).last()
    assert (change.to_status, change.changed_by) == (Status.CANCELLED, patient)
    page = text(client_as("patient").get(response["Location"]))
    assert "is cancelled" in page
    assert "Cancelled" in page


def test_inside_the_window_the_cancel_page_says_to_call_and_has_no_button(
    client_as, booked, inside_the_window
):
    page = text(client_as("patient").get(reverse("infusions:my_infusion_cancel", args=[booked.pk])))

    assert "changes are made by phone" in page
    assert inside_the_window.phone in page
    assert "Yes, cancel it" not in page


def test_inside_the_window_a_forged_cancel_is_refused_with_the_phone_number(
    client_as, booked, inside_the_window
):
    response = client_as("patient").post(reverse("infusions:my_infusion_cancel", args=[booked.pk]))

    assert response.status_code == 400
    assert f"{CALL} {inside_the_window.phone}." in text(response)
    booked.refresh_from_db()
    assert booked.status == Status.BOOKED


def test_cancelling_twice_says_it_is_no_longer_booked(client_as, booked):
    url = reverse("infusions:my_infusion_cancel", args=[booked.pk])
    client_as("patient").post(url)

    again = client_as("patient").post(url)

    assert again.status_code == 400
    assert "no longer booked" in text(again)
    assert StatusChange.objects.filter(appointment=booked, to_status=Status.CANCELLED).count() == 1
