"""Who may open each board page and post each action: staff who see the schedule open the
board; the desk and clinic admins change bookings; clinicians check in and move statuses
too; patients get 403 and visitors the login page."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from tests.access import ALLOWED, FORBIDDEN, REDIRECT, TO_LOGIN, assert_responds, matrix
from tests.infusions.board.conftest import board_url
from tests.infusions.booking import MONDAY, local_day

pytestmark = pytest.mark.django_db

STAFF = matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED)
DESK = matrix(front_desk=ALLOWED, clinic_admin=ALLOWED)


@pytest.fixture
def booked(cleared, chair, book):
    return book(
        cleared, chair, local_day(MONDAY), 10, driver_name="Ann", driver_phone="+12125550100"
    )


def _book_url(appointment, chair):
    """Booking the chair where `appointment` leaves it free."""
    query = {"chair": chair.pk, "starts_at": appointment.chair_free_at.isoformat()}
    return reverse("infusions:board_book") + "?" + urlencode(query)


# page -> (its address, who may open it, what it shows them)
PAGES = {
    "day board": (
        lambda a, chair: board_url(chair.location, local_day(MONDAY)),
        STAFF,
        lambda a: a.patient.legal_name,
    ),
    "week": (
        lambda a, chair: board_url(chair.location, local_day(MONDAY), "infusions:board_week"),
        STAFF,
        lambda a: f"{a.patient.legal_first_name} {a.patient.legal_last_name[0]}.",
    ),
    "appointment": (
        lambda a, chair: reverse("infusions:board_appointment", args=[a.pk]),
        STAFF,
        lambda a: "Status history",
    ),
    "book": (_book_url, DESK, lambda a: "Book the infusion"),
    "move": (
        lambda a, chair: reverse("infusions:board_move", args=[a.pk]),
        DESK,
        lambda a: "Move the infusion",
    ),
}


@pytest.mark.parametrize(
    ("page", "persona", "expected"),
    [
        (page, persona, expected)
        for page, (_, allowed, _) in PAGES.items()
        for persona, expected in allowed.items()
    ],
)
def test_who_opens_each_board_page(client_as, booked, chair, page, persona, expected):
    address, _, shown = PAGES[page]
    url = address(booked, chair)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert (shown(booked) in response.text) == (expected == ALLOWED)


ACTIONS = {
    "board_cancel": ({"reason": "Unwell"}, DESK, "cancelled"),
    "board_no_show": ({}, DESK, "no_show"),
    "board_check_in": (
        {"id_seen": "on", "driver_name": "Ann", "driver_phone": "(212) 555-0100"},
        STAFF,
        "checked_in",
    ),
}


@pytest.mark.parametrize(
    ("action", "persona", "expected"),
    [
        (action, persona, REDIRECT if expected == ALLOWED else expected)
        for action, (_, allowed, _) in ACTIONS.items()
        for persona, expected in allowed.items()
    ],
)
def test_who_may_post_each_action(client_as, booked, action, persona, expected, on_its_day):
    if action != "board_cancel":  # a patient is checked in, or missed, on the day
        on_its_day(booked)
    data, _, done = ACTIONS[action]
    url = reverse(f"infusions:{action}", args=[booked.pk])

    response = client_as(persona).post(url, data)

    assert_responds(response, url, expected)
    booked.refresh_from_db()
    assert (booked.status == done) == (expected == REDIRECT)


@pytest.mark.parametrize(
    ("persona", "expected"), [(p, REDIRECT if e == ALLOWED else e) for p, e in STAFF.items()]
)
def test_who_may_move_a_patient_to_the_next_step(
    client_as, booked, front_desk, persona, expected, on_its_day
):
    on_its_day(booked)
    from infusions.statuses.services import appointment_check_in

    appointment_check_in(booked, by=front_desk, id_seen=True, driver_name="Ann", driver_phone="1")
    url = reverse("infusions:board_next_step", args=[booked.pk])

    response = client_as(persona).post(url, {"to_status": "in_chair"})

    assert_responds(response, url, expected)
    booked.refresh_from_db()
    assert (booked.status == "in_chair") == (expected == REDIRECT)


@pytest.mark.parametrize("persona", ["patient", "clinician"])
def test_those_who_may_not_book_cannot_post_a_booking_or_a_move(client_as, booked, chair, persona):
    client = client_as(persona)
    day = local_day(MONDAY)

    booking = client.post(
        _book_url(booked, chair),
        {"patient": booked.patient.pk, "chair": chair.pk, "date": day, "time": "13:00"},
    )
    move = client.post(
        reverse("infusions:board_move", args=[booked.pk]),
        {"chair": chair.pk, "date": day, "time": "13:00"},
    )

    assert (booking.status_code, move.status_code) == (FORBIDDEN, FORBIDDEN)
    assert InfusionAppointment.objects.get().starts_at == booked.starts_at


def test_an_unknown_appointment_is_not_found(client_as):
    assert (
        client_as("front_desk").get(reverse("infusions:board_appointment", args=[999])).status_code
        == 404
    )


def test_a_visitor_is_sent_to_log_in_from_the_board(client):
    url = reverse("infusions:board_day")

    assert_responds(client.get(url), url, TO_LOGIN)
