"""Someone who ticks "thoughts of suicide" when booking a consultation is treated as the
screening's crisis path treats a patient; and each change to a booking says what it changed."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.roles import Role
from clinic.lib.signed_links import make_token
from patients.consultations import services
from patients.models import Consultation
from tests.factories import UserFactory
from tests.logins import log_in

NEW_YORK = ZoneInfo("America/New_York")
CRISIS_HEADING = "You do not have to face this alone"


def contact(*conditions):
    return services.Contact(
        full_name="Robin Visitor",
        email="visitor@example.com",
        phone="+18605550142",
        conditions=list(conditions),
        other_condition="",
        preferred_contact_time="any",
    )


def at(hour, minute=0):
    return datetime(2026, 6, 10, hour, minute, tzinfo=NEW_YORK).astimezone(UTC)


def resources_shown(page: str) -> bool:
    """The crisis box is on the page and not hidden."""
    box = re.search(r'<div class="alert alert-danger crisis-resources"[^>]*>', page)
    return box is not None and "hidden" not in box.group(0)


def booked_later(location, consultant, *conditions) -> Consultation:
    starts = timezone.now() + timedelta(days=3)
    return Consultation.objects.create(
        location=location,
        consultant=consultant,
        kind="phone",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        full_name="Robin Visitor",
        email="visitor@example.com",
        phone="+18605550142",
        conditions=list(conditions),
    )


def manage_url(consultation):
    return reverse(
        "patients:consultation_manage", args=[make_token("consultation", consultation.pk)]
    )


# The crisis path ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_booking_page_has_the_crisis_resources_ready_but_hidden(client, location, consultant):
    page = client.get(reverse("patients:consultation_book", args=[location.slug])).text

    assert CRISIS_HEADING in page
    assert not resources_shown(page)
    assert 'data-crisis-choice="mood_conditions=suicidal_ideation"' in page


@pytest.mark.django_db
def test_a_form_sent_back_with_thoughts_of_suicide_ticked_shows_the_resources(
    client, location, consultant
):
    response = client.post(
        reverse("patients:consultation_book", args=[location.slug]),
        {"mood_conditions": ["suicidal_ideation"], "full_name": ""},
    )

    assert response.status_code == 200
    assert resources_shown(response.text)


@pytest.mark.django_db
def test_a_form_sent_back_without_it_keeps_them_hidden(client, location, consultant):
    response = client.post(
        reverse("patients:consultation_book", args=[location.slug]),
        {"mood_conditions": ["ptsd"], "full_name": ""},
    )

    assert not resources_shown(response.text)


@pytest.mark.django_db
def test_the_manage_page_shows_the_resources_to_someone_who_reported_it(
    client, location, consultant
):
    urgent = booked_later(location, consultant, "suicidal_ideation")
    calm = booked_later(location, consultant, "migraine")

    assert resources_shown(client.get(manage_url(urgent)).text)
    assert not resources_shown(client.get(manage_url(calm)).text)


@pytest.mark.django_db
def test_only_thoughts_of_suicide_make_a_booking_urgent(location, consultant):
    assert booked_later(location, consultant, "ptsd", "suicidal_ideation").is_urgent
    assert not booked_later(location, consultant, "ptsd", "migraine").is_urgent


def test_the_on_call_clinician_is_told_at_once_with_no_details(
    location, consultant, now, mailoutbox
):
    on_call = UserFactory(role=Role.CLINICIAN, email="on-call@example.com")
    location.on_call_clinician = on_call
    location.save()

    services.consultation_book(
        location=location,
        kind="phone",
        starts_at=at(10),
        contact=contact("suicidal_ideation"),
        now=now,
    )

    [alert] = [m for m in mailoutbox if m.to == ["on-call@example.com"]]
    assert alert.subject.startswith("Urgent:")
    assert "Robin" not in alert.body and "8605550142" not in alert.body
    assert reverse("patients:staff_consultations") in alert.body
    [desk] = [m for m in mailoutbox if m.to == [location.email]]
    assert desk.subject.startswith("Urgent: call today.")
    assert "suicide" not in desk.body


def test_no_clinician_is_alerted_for_an_ordinary_booking(location, consultant, now, mailoutbox):
    UserFactory(role=Role.CLINICIAN, email="doc@example.com")

    services.consultation_book(
        location=location, kind="phone", starts_at=at(10), contact=contact("migraine"), now=now
    )

    assert not [m for m in mailoutbox if m.to == ["doc@example.com"]]
    [desk] = [m for m in mailoutbox if m.to == [location.email]]
    assert not desk.subject.startswith("Urgent")


# Changes that say what they changed ---------------------------------------------------------


def test_the_new_time_e_mail_says_which_time_it_replaces(location, consultant, now, mailoutbox):
    booked = services.consultation_book(
        location=location, kind="phone", starts_at=at(10), contact=contact("migraine"), now=now
    )
    mailoutbox.clear()

    services.consultation_reschedule(consultation=booked, starts_at=at(11), now=now)

    [mail] = [m for m in mailoutbox if m.to == ["visitor@example.com"]]
    assert mail.subject.endswith("has a new time")
    assert "It replaces the time you had before, Wednesday, June 10 at 10:00 AM" in mail.body
    assert "When: Wednesday, June 10, 2026 at 11:00 AM (Eastern time)" in mail.body


@pytest.mark.django_db
def test_cancelling_by_the_link_asks_first_and_one_tap_cancels_nothing(
    client, location, consultant
):
    consultation = booked_later(location, consultant, "migraine")

    asked = client.post(manage_url(consultation), {"action": "cancel"})

    assert asked.status_code == 302
    assert asked["Location"].endswith("?cancel=1#cancel")
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.BOOKED
    question = client.get(asked["Location"]).text
    assert "Yes, cancel it" in question and "No, keep it" in question


@pytest.mark.django_db
def test_the_second_tap_cancels(client, location, consultant):
    consultation = booked_later(location, consultant, "migraine")

    client.post(manage_url(consultation), {"action": "cancel", "confirmed": "yes"})

    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED


@pytest.mark.django_db
def test_the_desk_banner_names_the_status_just_recorded(client, location, consultant):
    consultation = booked_later(location, consultant, "migraine")
    log_in(client, UserFactory(role=Role.FRONT_DESK))

    response = client.post(
        reverse("patients:staff_consultation_outcome", args=[consultation.pk]),
        {"outcome": Consultation.Outcome.CONVERTED},
        follow=True,
    )

    assert "Robin Visitor: Invited to become a patient." in response.text


@pytest.mark.django_db
def test_the_desk_list_marks_an_urgent_booking_and_names_the_zone(client, location, consultant):
    booked_later(location, consultant, "suicidal_ideation")
    ordinary = booked_later(location, consultant, "migraine")
    ordinary.full_name = "Sam Ordinary"
    ordinary.save()
    log_in(client, UserFactory(role=Role.FRONT_DESK))

    page = client.get(reverse("patients:staff_consultations")).text

    assert page.count("Urgent: call today") == 1
    assert page.index("Urgent: call today") < page.index("Robin Visitor")
    assert "times in Eastern time" in page
