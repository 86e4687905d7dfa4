"""The day board as the desk reads it: each appointment in its local row (daylight-saving days
too), what to sort out before it, the day's consultations, where a booking fits, and a
board that falls back kindly when asked for something it cannot read."""

from datetime import UTC, timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from infusions.booking.services import infusion_cancel
from infusions.models import AppointmentType, DutyShift, InfusionAppointment, StatusChange
from patients.intake.services import intake_save_medications
from patients.models import ConsentDocument, Consultation
from tests.factories import ChairFactory
from tests.infusions.board.conftest import board_url, row_of
from tests.infusions.booking import MONDAY, SATURDAY, SUNDAY, at, local_day, next_clock_change
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
DRIVER = {"driver_name": "Ann Lee", "driver_phone": "+12125550100"}


def test_an_infusion_on_the_day_the_clocks_go_forward_is_in_its_local_row(
    client_as, cleared, chair, book, location
):
    day = next_clock_change(forward=True)
    assert day.weekday() == SUNDAY  # open 9 to 1 on Sundays
    book(cleared, chair, day, 10, 15, **DRIVER)

    response = client_as("front_desk").get(board_url(location, day))

    assert response.status_code == 200
    assert row_of(response.text, cleared.legal_name) == "10:15 AM"
    assert "10:15–11:30 AM" in response.text


def test_an_infusion_on_the_day_the_clocks_go_back_is_in_its_local_row(
    client_as, cleared, chair, book, location
):
    day = next_clock_change(forward=False)
    book(cleared, chair, day, 11, **DRIVER)

    response = client_as("front_desk").get(board_url(location, day))

    assert row_of(response.text, cleared.legal_name) == "11:00 AM"


def test_each_appointment_shows_its_type_status_who_booked_it_and_its_clinician(
    client_as, cleared, chair, book, location, front_desk
):
    appointment = book(cleared, chair, local_day(MONDAY), 10, **DRIVER)

    text = client_as("clinician").get(board_url(location, local_day(MONDAY))).text

    assert "Initial-series infusion" in text
    assert "Booked</span> for 0" in text
    assert f"by {front_desk.get_full_name()}" in text
    assert f"Clinician: {appointment.supervisor.get_full_name()}" in text


def test_it_warns_of_a_missing_driver(client_as, cleared, chair, book, location):
    book(cleared, chair, local_day(MONDAY), 10)

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert "No driver home confirmed" in text


def test_it_warns_of_a_consent_signed_for_an_old_major_version(
    client_as, cleared, chair, book, location
):
    book(cleared, chair, local_day(MONDAY), 10, **DRIVER)
    signed = ConsentDocument.objects.current()
    ConsentDocument.objects.create(
        major=signed.major + 1,
        minor=0,
        title=signed.title,
        introduction=signed.introduction,
        sections=signed.sections,
        change_note="New risks described.",
        published_at=timezone.now(),
    )

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert (
        f"Consent signed for version {signed.version_label}; version {signed.major + 1}.0 must "
        "be signed first."
    ) in text
    assert "No driver home confirmed" not in text


def test_it_warns_of_a_screening_reopened_after_the_booking(
    client_as, cleared, chair, book, location
):
    book(cleared, chair, local_day(MONDAY), 10, **DRIVER)
    intake_save_medications(
        patient=cleared, rows=[{"name": "Nardil", "dose": "15mg"}], takes_no_medications=False
    )

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert "Screening reopened" in text


def test_a_ready_patient_has_nothing_to_sort_out(client_as, cleared, chair, book, location):
    book(cleared, chair, local_day(MONDAY), 10, **DRIVER)

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert "board-cautions" not in text


def test_the_days_consultations_are_in_the_side_column(client_as, location, front_desk):
    day = local_day(MONDAY)
    for name, when in (("Robin Example", at(day, 14)), ("Next Day Person", at(day, 14) + DAY)):
        Consultation.objects.create(
            location=location,
            consultant=front_desk,
            kind="phone",
            starts_at=when,
            ends_at=when + timedelta(minutes=30),
            full_name=name,
            email="someone@example.com",
            phone="+18605550100",
        )

    text = client_as("front_desk").get(board_url(location, day)).text

    assert "Robin Example" in text
    assert "2:00–2:30 PM" in text
    assert "Next Day Person" not in text


def test_a_free_cell_offers_a_booking_named_for_its_chair_and_time(
    client_as, cleared, chair, other_chair, book, location
):
    book(cleared, chair, local_day(MONDAY), 10, **DRIVER)

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert 'Book<span class="visually-hidden"> Chair 2 at 10:15 AM</span>' in text
    # Chair 1 is held from 10:00 until 11:25, and a shorter stay than 85 minutes fits nowhere
    # before it: no offer there.
    assert "Chair 1 at 9:00 AM" not in text
    assert "Chair 1 at 11:15 AM" not in text
    assert "Chair 1 at 11:30 AM" in text


def test_the_clinician_sees_the_board_without_booking_links(client_as, chair, location):
    text = client_as("clinician").get(board_url(location, local_day(MONDAY))).text

    assert "Chair 1" in text
    assert "board-book" not in text


def test_with_no_clinician_on_duty_nothing_is_offered_and_the_board_says_why(
    client_as, chair, location
):
    DutyShift.objects.filter(location=location).delete()

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    assert "No clinician is on the duty roster this day" in text
    assert "board-book" not in text


def test_a_time_freed_by_a_cancellation_links_to_the_waitlist(
    client_as, cleared, chair, book, location, front_desk
):
    appointment = book(cleared, chair, local_day(MONDAY), 10, **DRIVER)
    infusion_cancel(appointment, by=front_desk, reason="Unwell")

    text = client_as("front_desk").get(board_url(location, local_day(MONDAY))).text

    query = urlencode({"starts_at": appointment.starts_at.astimezone(UTC).isoformat()})
    assert f"{reverse('infusions:waitlist_fits')}?chair={chair.pk}&amp;{query}" in text
    assert "Offer to the waitlist" in text
    assert "Cancelled: Unwell" in text


def test_a_closed_day_says_so(client_as, chair, location):
    text = client_as("front_desk").get(board_url(location, local_day(SATURDAY))).text

    assert "is closed on Saturdays" in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?location=nine&day=tomorrow", "That date could not be read"),
        ("?location=99999", "That location was not found"),
        ("?day=9999-12-31", "That date is too far away"),
        ("?day=2026-02-30", "That date could not be read"),
    ],
)
def test_it_shows_today_at_the_first_open_location_when_asked_for_what_it_cannot_read(
    client_as, chair, location, query, message
):
    response = client_as("front_desk").get(reverse("infusions:board_day") + query)

    assert response.status_code == 200
    assert message in response.text
    today = location.local_time().date()
    assert f"{location.name}: {today:%A, %B} {today.day}, {today.year}" in response.text


def test_without_parameters_it_shows_today_at_the_first_open_location(client_as, location):
    response = client_as("front_desk").get(reverse("infusions:board_day"))

    assert response.status_code == 200
    assert f"{location.name}: " in response.text
    assert "Today</span>" in response.text


def _fill(location, chairs, count, booked_by, *, after=0):
    """`count` appointments in a day at the location, after the `after` made before, made
    straight in the database (the rules are not what this counts), each with its first
    status change; never two on one chair at once (PostgreSQL's constraint would refuse)."""
    day = local_day(MONDAY)
    for n in range(after, after + count):
        starts_at = at(day, 9 + 2 * (n // len(chairs))).astimezone(UTC)
        appointment = InfusionAppointment.objects.create(
            patient=PatientFactory(preferred_location=location),
            chair=chairs[n % len(chairs)],
            appointment_type=AppointmentType.objects.first(),
            supervisor=booked_by,
            starts_at=starts_at,
            infusion_minutes=45,
            recovery_minutes=30,
            turnover_minutes=10,
            ends_at=starts_at + timedelta(minutes=75),
            chair_free_at=starts_at + timedelta(minutes=85),
            booked_by=booked_by,
        )
        StatusChange.objects.create(
            appointment=appointment, to_status="booked", changed_by=booked_by
        )
    return day


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_the_board_costs_the_same_queries_for_two_appointments_as_for_ten(
    client_as, location, front_desk, persona
):
    chairs = [ChairFactory(location=location, name=f"Chair {n}") for n in range(1, 6)]
    client = client_as(persona)
    day = _fill(location, chairs, 2, front_desk)
    url = board_url(location, day)
    client.get(url)  # the session and the permissions, as on any page after the first
    with CaptureQueriesContext(connection) as two:
        assert client.get(url).status_code == 200
    _fill(location, chairs, 8, front_desk, after=2)

    with CaptureQueriesContext(connection) as ten:
        text = client.get(url).text

    assert text.count('class="board-card') == 10
    assert len(ten) == len(two)
    # Five for the session, the user, their second factor and permissions; twelve at most
    # for the board.
    assert len(ten) <= 5 + 12
