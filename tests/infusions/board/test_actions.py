"""The desk's actions from the board, each through its service: booking a free chair, moving,
cancelling with a reason, a no-show, checking in with the ID and the driver, and the next
steps of the day. Each ends on the board of the appointment's day, or shows why not."""

from datetime import UTC
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from infusions.statuses.services import appointment_check_in
from tests.infusions.board.conftest import board_url
from tests.infusions.booking import MONDAY, at, local_day

pytestmark = pytest.mark.django_db

DRIVER = {"driver_name": "Ann Lee", "driver_phone": "+12125550100"}


@pytest.fixture
def day():
    return local_day(MONDAY)


@pytest.fixture
def booked(cleared, chair, book, day):
    return book(cleared, chair, day, 10, **DRIVER)


def book_url(chair, starts_at) -> str:
    query = {"chair": chair.pk, "starts_at": starts_at.astimezone(UTC).isoformat()}
    return reverse("infusions:board_book") + "?" + urlencode(query)


def action(name, appointment) -> str:
    return reverse(f"infusions:board_{name}", args=[appointment.pk])


def field_error(html: str, field: str) -> str:
    """The message shown by a crispy form's field."""
    start = html.index(f'id="div_id_{field}"')
    end = html.index("</div> </div>", start) if "</div> </div>" in html[start:] else len(html)
    return html[start:end]


# Booking ------------------------------------------------------------------------------


def test_the_desk_books_a_cleared_patient_into_a_free_chair(
    client_as, cleared, chair, location, day
):
    client = client_as("front_desk")
    url = book_url(chair, at(day, 11))

    page = client.get(url)
    response = client.post(
        url,
        {
            "patient": cleared.pk,
            "appointment_type": 1,
            "chair": chair.pk,
            "date": day.isoformat(),
            "time": "11:00",
        },
    )

    appointment = InfusionAppointment.objects.get()
    assert cleared.legal_name in page.text
    assert 'value="11:00"' in page.text
    assert response.status_code == 302
    assert response["Location"] == board_url(location, day) + f"#appointment-{appointment.pk}"
    assert (appointment.patient, appointment.chair) == (cleared, chair)
    assert appointment.starts_at == at(day, 11)
    board = client.get(response["Location"]).text
    assert f"Booked: Chair 1, {day:%A, %B} {day.day} at 11:00 AM." in board


def test_the_booking_page_lists_only_patients_cleared_for_infusions(
    client_as, record, chair, cleared_patient, day
):
    cleared_patient(legal_first_name="Ready", legal_last_name="Patient-Test")

    text = client_as("front_desk").get(book_url(chair, at(day, 11))).text

    assert "Ready Patient-Test" in text
    assert record.legal_name not in text  # intake and consent done, not screened


def test_a_refused_booking_shows_the_services_words_by_the_time_and_keeps_the_answers(
    client_as, booked, chair, cleared_patient, day
):
    other = cleared_patient()

    response = client_as("front_desk").post(
        book_url(chair, at(day, 10, 30)),
        {
            "patient": other.pk,
            "appointment_type": 1,
            "chair": chair.pk,
            "date": day,
            "time": "10:30",
        },
    )

    assert response.status_code == 400
    assert "That chair is taken at that time." in field_error(response.text, "time")
    assert f'<option value="{other.pk}" selected>' in response.text
    assert InfusionAppointment.objects.count() == 1


@pytest.mark.parametrize(
    "query", ["?chair=abc&starts_at=2027-01-01T15:00:00Z", "?starts_at=2027-01-01T15:00:00Z"]
)
def test_a_booking_link_without_a_known_chair_goes_back_to_the_board(client_as, chair, query):
    response = client_as("front_desk").get(reverse("infusions:board_book") + query, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("infusions:board_day"))
    assert "That chair could not be found" in response.text


@pytest.mark.parametrize("starts_at", ["noon", "2027-01-01T15:00:00", "9999-12-31T23:59:00Z"])
def test_a_booking_link_with_an_unreadable_time_goes_back_to_the_board(client_as, chair, starts_at):
    url = (
        reverse("infusions:board_book")
        + "?"
        + urlencode({"chair": chair.pk, "starts_at": starts_at})
    )

    response = client_as("front_desk").get(url, follow=True)

    assert response.status_code == 200
    assert "That time could not be read" in response.text


def test_a_day_typed_far_in_the_future_is_refused_by_the_date(client_as, booked, chair):
    response = client_as("front_desk").post(
        action("move", booked), {"chair": chair.pk, "date": "9999-12-31", "time": "23:59"}
    )

    assert response.status_code == 400
    assert "Choose a day within the next few months." in field_error(response.text, "date")


# Moving and cancelling ------------------------------------------------------------------


def test_the_desk_moves_a_booking_to_another_chair_and_time(
    client_as, booked, other_chair, location, day
):
    response = client_as("front_desk").post(
        action("move", booked), {"chair": other_chair.pk, "date": day, "time": "14:15"}
    )

    booked.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].startswith(board_url(location, day))
    assert (booked.chair, booked.starts_at) == (other_chair, at(day, 14, 15))


def test_a_refused_move_says_why_by_the_time(client_as, booked, chair, day):
    response = client_as("front_desk").post(
        action("move", booked), {"chair": chair.pk, "date": day, "time": "16:30"}
    )

    assert response.status_code == 400
    assert "The location is closed for part of that time" in field_error(response.text, "time")
    booked.refresh_from_db()
    assert booked.starts_at == at(day, 10)


def test_a_cancellation_needs_a_reason(client_as, booked):
    response = client_as("front_desk").post(action("cancel", booked), {"reason": "  "})

    assert response.status_code == 400
    assert "Say why the appointment is cancelled." in field_error(response.text, "reason")
    booked.refresh_from_db()
    assert booked.status == "booked"


def test_the_desk_cancels_with_a_reason(client_as, booked, location, day):
    response = client_as("front_desk").post(action("cancel", booked), {"reason": "Flu"})

    booked.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].startswith(board_url(location, day))
    assert (booked.status, booked.cancel_reason) == ("cancelled", "Flu")
    assert booked.status_changes.last().changed_by.email == "desk@example.com"


def test_the_desk_marks_a_no_show(client_as, booked, on_its_day):
    on_its_day(booked)
    response = client_as("front_desk").post(action("no_show", booked))

    booked.refresh_from_db()
    assert response.status_code == 302
    assert booked.status == "no_show"


def test_a_checked_in_patient_cannot_be_marked_a_no_show(client_as, booked, front_desk, on_its_day):
    on_its_day(booked)
    appointment_check_in(booked, by=front_desk, id_seen=True, **DRIVER)

    response = client_as("front_desk").post(action("no_show", booked))

    assert response.status_code == 400
    assert "An appointment that is checked in cannot become no-show." in response.text
    booked.refresh_from_db()
    assert booked.status == "checked_in"


# Checking in and the day's steps --------------------------------------------------------


def test_the_check_in_form_offers_the_driver_the_patient_gave(client_as, cleared, chair, book, day):
    cleared.escort_name, cleared.escort_phone = "Sam Rivera", "+12125550199"
    cleared.save()
    appointment = book(cleared, chair, day, 10)

    text = client_as("front_desk").get(action("appointment", appointment)).text

    assert 'value="Sam Rivera"' in text
    assert 'value="+12125550199"' in text


def test_check_in_is_refused_without_the_photo_id_and_a_driver(client_as, booked):
    response = client_as("front_desk").post(
        action("check_in", booked), {"driver_name": "", "driver_phone": ""}
    )

    assert response.status_code == 400
    assert "Look at a photo ID" in field_error(response.text, "id_seen")
    assert "Give the name of the person driving" in field_error(response.text, "driver_name")
    assert "Give a phone number for the driver." in field_error(response.text, "driver_phone")
    booked.refresh_from_db()
    assert booked.status == "booked"


def test_the_clinician_checks_a_patient_in(client_as, booked, location, day, on_its_day):
    on_its_day(booked)
    response = client_as("clinician").post(
        action("check_in", booked),
        {"id_seen": "on", "driver_name": "Sam Rivera", "driver_phone": "(212) 555-0199"},
    )

    booked.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].startswith(board_url(location, day))
    assert booked.status == "checked_in"
    assert (booked.driver_name, booked.driver_phone) == ("Sam Rivera", "+12125550199")
    assert booked.id_seen_at is not None


def test_an_infusion_on_a_later_day_cannot_be_checked_in_given_or_missed(client_as, booked):
    client = client_as("front_desk")

    check_in = client.post(action("check_in", booked), {"id_seen": "on", **DRIVER})
    no_show = client.post(action("no_show", booked), follow=True)

    assert "can be checked in, given or marked missed only on its own day" in check_in.text
    assert "only on its own day" in no_show.text
    booked.refresh_from_db()
    assert booked.status == "booked"
    assert list(booked.status_changes.values_list("to_status", flat=True)) == ["booked"]


def test_into_the_chair_is_refused_before_check_in(client_as, booked):
    response = client_as("clinician").post(action("next_step", booked), {"to_status": "in_chair"})

    assert response.status_code == 400
    assert "Check the patient in first" in response.text
    booked.refresh_from_db()
    assert booked.status == "booked"


def test_the_board_seats_a_checked_in_patient_and_leaves_recovery_to_the_chart(
    client_as, booked, front_desk, on_its_day
):
    on_its_day(booked)
    appointment_check_in(booked, by=front_desk, id_seen=True, **DRIVER)
    client = client_as("clinician")

    board = client.get(
        client.post(action("next_step", booked), {"to_status": "in_chair"})["Location"]
    )
    refused = client.post(action("next_step", booked), {"to_status": "recovering"})

    booked.refresh_from_db()
    assert booked.status == "in_chair"
    assert booked.status_changes.last().to_status == "in_chair"
    assert "In the chair" in board.text
    assert reverse("infusions:record", args=[booked.pk]) in board.text  # "Chart"
    assert refused.status_code == 400


def test_a_second_click_on_a_step_already_taken_changes_nothing(
    client_as, booked, front_desk, on_its_day
):
    on_its_day(booked)
    appointment_check_in(booked, by=front_desk, id_seen=True, **DRIVER)
    client = client_as("front_desk")
    client.post(action("next_step", booked), {"to_status": "in_chair"})

    again = client.post(action("next_step", booked), {"to_status": "in_chair"})

    assert again.status_code == 400
    assert "This appointment is in the chair now" in again.text
    assert booked.status_changes.filter(to_status="in_chair").count() == 1


def test_the_board_offers_the_next_step_as_a_button(
    client_as, booked, front_desk, location, day, on_its_day
):
    on_its_day(booked)
    appointment_check_in(booked, by=front_desk, id_seen=True, **DRIVER)

    text = client_as("clinician").get(board_url(location, day)).text

    name = booked.patient.legal_name
    assert f'value="in_chair" aria-label="Into the chair: {name}">Into the chair<' in text
    assert "Checked in</span> for 0" in text
