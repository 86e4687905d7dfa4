"""The preparation checklist a reminder's link opens without a login: the infusion's time and
place and nothing of the patient's records; what the patient confirms is kept for the time it
was confirmed for, and a refused answer is explained by its field and kept."""

import html
import re
from datetime import UTC

import pytest
from django.urls import reverse

from clinic.lib.signed_links import make_token, read_token
from infusions.booking.services import infusion_book, infusion_cancel, infusion_move
from infusions.checklist.services import checklist_current
from infusions.models import Reminder
from infusions.reminders.content import CHECKLIST_LINK, reminder_message
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

ALL = {
    "driver_name": "Ann Lee",
    "driver_phone": "(212) 555-0100",
    "fasting": "on",
    "photo_id": "on",
}


@pytest.fixture
def booked(cleared, chair, monday, front_desk):
    cleared.medical_history = "Migraine since my twenties."
    cleared.save()
    return infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10).astimezone(UTC), booked_by=front_desk
    )


@pytest.fixture
def url(booked):
    return reverse("infusions:checklist", args=[make_token(CHECKLIST_LINK, booked.pk)])


def page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def test_each_reminder_before_the_infusion_links_the_checklist(booked):
    # A token carries the moment it was made, so each reminder's link is read, not compared.
    for reminder in booked.reminders.all():
        text = reminder_message(reminder).text
        links = re.findall(r"/infusions/prepare/([^/\s]+)/", text)
        if reminder.kind == Reminder.Kind.DAY_AFTER:
            assert links == []
        else:
            assert [read_token(CHECKLIST_LINK, token) for token in links] == [booked.pk]


def test_the_link_opens_without_a_login_and_shows_only_time_and_place(client, booked, url, monday):
    # A generated name could be a word of the page (such as "Driver"): give a distinct one.
    booked.patient.legal_last_name = "Qxzvlast"
    booked.patient.save(update_fields=["legal_last_name"])

    response = client.get(url)

    assert response.status_code == 200
    text = page_text(response)
    assert f"{monday:%A, %B} {monday.day}, {monday.year} at 10:00 AM (Eastern time)" in text
    assert "I will stop eating after 4:00 AM" in text
    for private in (booked.patient.legal_last_name, booked.patient.user.email, "Migraine"):
        assert private not in response.text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "make",
    [lambda: "nonsense", lambda: make_token("consultation-manage", 1)],
    ids=["forged", "foreign"],
)
def test_a_forged_or_foreign_link_is_not_found(client, booked, make):
    assert client.get(reverse("infusions:checklist", args=[make()])).status_code == 404


def test_the_patient_confirms_all_three_and_the_desk_has_the_driver(client, booked, url):
    response = client.post(url, ALL, follow=True)

    assert "Thank you: the clinic can see what you confirmed." in response.text
    checklist = checklist_current(booked)
    assert checklist.is_complete
    booked.refresh_from_db()
    assert (booked.driver_name, booked.driver_phone) == ("Ann Lee", "+12125550100")
    assert "A driver home: Ann Lee, +12125550100" in page_text(response)


def test_a_driver_without_a_phone_is_explained_by_the_field_and_kept(client, booked, url):
    response = client.post(url, {"driver_name": "Ann Lee", "fasting": "on"})

    assert response.status_code == 400
    assert "Give your driver&#x27;s phone number too." in response.text
    assert 'value="Ann Lee"' in response.text
    assert re.search(r'name="fasting"[^>]*checked', response.text)
    assert checklist_current(booked).pk is None  # nothing half-saved


def test_nothing_ticked_is_explained(client, url):
    response = client.post(url, {})

    assert response.status_code == 400
    assert "Fill in or tick what you can confirm now." in response.text


def test_confirmations_are_kept_one_at_a_time(client, booked, url):
    client.post(url, {"photo_id": "on"})
    client.post(url, {"fasting": "on"})

    checklist = checklist_current(booked)
    assert checklist.photo_id_confirmed_at and checklist.fasting_confirmed_at
    assert checklist.driver_confirmed_at is None


def test_after_a_move_the_checklist_of_the_new_time_starts_empty(
    client, booked, url, chair, monday, front_desk
):
    client.post(url, ALL)

    moved = infusion_move(
        booked, chair=chair, starts_at=at(monday, 14).astimezone(UTC), by=front_desk
    )

    assert checklist_current(moved).pk is None
    assert "I will stop eating after 8:00 AM" in page_text(client.get(url))


def test_a_cancelled_infusion_takes_no_confirmation(client, booked, url, front_desk):
    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    response = client.post(url, ALL)

    assert response.status_code == 200
    assert "nothing to confirm here" in response.text
    assert checklist_current(booked).pk is None


def board_card(client_as, appointment) -> str:
    location = appointment.chair.location
    day = location.local_time(appointment.starts_at).date()
    page = client_as("front_desk").get(
        reverse("infusions:board_day") + f"?location={location.pk}&day={day.isoformat()}"
    )
    return re.search(rf'id="appointment-{appointment.pk}".*?</article>', page.text, re.S).group(0)


def test_the_day_board_shows_what_the_patient_confirmed(client, client_as, booked, url):
    assert "Patient confirmed: nothing yet" in board_card(client_as, booked)

    client.post(url, {"fasting": "on", "photo_id": "on"})

    assert "Patient confirmed: fasting, photo ID" in board_card(client_as, booked)


def test_the_appointment_page_lists_its_reminders_and_what_was_confirmed(
    client, client_as, booked, url
):
    client.post(url, {"photo_id": "on"})

    page = (
        client_as("front_desk").get(reverse("infusions:board_appointment", args=[booked.pk])).text
    )

    assert "Patient confirmed</dt>" in page and '<dd class="col-sm-7">photo ID</dd>' in page
    for reminder in booked.reminders.all():
        assert reminder.get_kind_display() in page
    assert page.count("Waiting to be sent") == booked.reminders.count()


def test_the_link_takes_thirty_answers_an_hour_from_one_address(client, url):
    for _ in range(30):
        client.post(url, {})

    response = client.post(url, ALL)

    assert response.status_code == 429
    assert not checklist_current_or_none(url)


def checklist_current_or_none(url):
    from infusions.models import PreparationChecklist

    return PreparationChecklist.objects.exists()
