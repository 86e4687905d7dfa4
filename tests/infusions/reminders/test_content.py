"""What each reminder says: the facts it must carry (when, where, the clock time to stop
eating, the ID, the driver), the same in its plain-text and HTML parts, and nothing of the
patient's health: no condition, no medication."""

import re
from datetime import UTC

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import Reminder
from infusions.reminders.content import reminder_message
from tests.infusions.booking import at
from tests.screening.factories import MedicationFactory

pytestmark = pytest.mark.django_db

Kind = Reminder.Kind


@pytest.fixture
def record(record):
    """The persona with a condition and a medication on file, which no reminder names."""
    record.conditions = ["depression", "migraine"]
    record.medical_history = "Migraine since my twenties."
    record.save()
    MedicationFactory(patient=record, name="Lamictal", dose="200 mg")
    return record


def booking(cleared, chair, front_desk, starts_at, **driver):
    return infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=starts_at.astimezone(UTC),
        booked_by=front_desk,
        **driver,
    )


def message(appointment, kind):
    return reminder_message(appointment.reminders.get(kind=kind))


def test_the_confirmation_carries_the_whole_preparation_sheet(cleared, chair, front_desk, monday):
    appointment = booking(cleared, chair, front_desk, at(monday, 14, 30))

    text = message(appointment, Kind.CONFIRMATION).text

    assert f"{monday:%A, %B} {monday.day} at 2:30 PM (Eastern time)" in text
    assert appointment.location.one_line_address in text
    assert "nothing to eat after 8:30 AM" in text
    assert "Clear drinks (water, clear juice, black coffee or tea) are fine until 12:30 PM" in text
    assert "valid photo ID" in text
    assert "Someone must drive you home" in text
    assert "Please tell us who it will be." in text  # no driver given yet
    assert "list of medications you gave us is complete" in text
    assert "Keep taking your usual medications unless the clinic has told you otherwise" in text
    assert reverse("infusions:my_infusion", args=[appointment.pk]) in text
    assert appointment.location.phone in text


def test_the_evening_before_says_after_midnight_for_a_morning_start(
    cleared, chair, front_desk, monday
):
    appointment = booking(
        cleared,
        chair,
        front_desk,
        at(monday, 9),
        driver_name="Ann Lee",
        driver_phone="+12125550100",
    )

    evening = message(appointment, Kind.EVENING_BEFORE)

    assert evening.subject == "Tomorrow at 9:00 AM: nothing to eat after midnight"
    assert "Nothing to eat after midnight." in evening.text
    assert "Clear drinks are fine until 7:00 AM." in evening.text


def test_the_two_day_reminder_asks_for_the_id_driver_and_medication_list(
    cleared, chair, front_desk, monday
):
    appointment = booking(
        cleared,
        chair,
        front_desk,
        at(monday, 14, 30),
        driver_name="Ann Lee",
        driver_phone="+12125550100",
    )

    text = message(appointment, Kind.TWO_DAYS).text

    assert "valid photo ID" in text
    assert "We have your driver's details." in text
    assert "list of medications you gave us is complete" in text


@pytest.mark.parametrize("kind", Kind.values)
def test_no_reminder_names_a_condition_a_medication_or_a_dose(
    cleared, chair, front_desk, monday, kind
):
    appointment = booking(cleared, chair, front_desk, at(monday, 14, 30))

    sent = message(appointment, kind)

    for words in (sent.subject, sent.text, sent.html):
        assert not re.search(r"migraine|depress|lamictal|lamotrigine|200 mg", words, re.I)


@pytest.mark.parametrize("kind", Kind.values)
def test_the_html_part_says_what_the_text_says_with_links(cleared, chair, front_desk, monday, kind):
    appointment = booking(cleared, chair, front_desk, at(monday, 14, 30))

    sent = message(appointment, kind)

    url = re.search(r"https?://\S+", sent.text).group(0)
    assert f'<a href="{url}"' in sent.html
    visible = re.sub(r"<[^>]+>", " ", sent.html).replace("&#x27;", "'")
    for line in filter(None, (line.strip() for line in sent.text.splitlines())):
        assert " ".join(line.split()[:4]) in " ".join(visible.split())
