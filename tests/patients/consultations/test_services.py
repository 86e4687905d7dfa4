"""Booking, moving and cancelling consultations, through the services every entry point uses."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from clinic.accounts.roles import Role
from clinic.locations.models import ConsultantHours, Location
from patients.consultations import services
from patients.consultations.selectors import consultation_slots
from patients.models import Consultation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def contact(email="visitor@example.com"):
    return services.Contact(
        full_name="Robin Visitor",
        email=email,
        phone="+18605550142",
        conditions=["migraine"],
        other_condition="",
        preferred_contact_time="any",
    )


def at(hour, minute=0, day=10):
    return datetime(2026, 6, day, hour, minute, tzinfo=NEW_YORK).astimezone(UTC)


def book(location, starts_at, now, email="visitor@example.com"):
    return services.consultation_book(
        location=location, kind="phone", starts_at=starts_at, contact=contact(email), now=now
    )


def test_a_booked_slot_is_gone_for_everyone_else(location, consultant, now):
    book(location, at(10), now)
    slots = consultation_slots(location=location, first_day=at(10).date(), days=1, now=now)
    assert at(10) not in [s.starts_at for s in slots]
    with pytest.raises(services.SlotTaken) as taken:
        book(location, at(10), now, email="someone-else@example.com")
    assert [s.starts_at for s in taken.value.nearest] == [at(9), at(9, 30), at(10, 30)]


def test_a_second_consultant_takes_the_same_time(location, consultant, now):
    colleague = UserFactory(role=Role.CLINICIAN)
    ConsultantHours.objects.create(
        staff=colleague, location=location, weekday=2, starts=time(9), ends=time(12)
    )
    first = book(location, at(10), now)
    second = book(location, at(10), now, email="second@example.com")
    assert {first.consultant, second.consultant} == {consultant, colleague}


def test_a_double_submitted_form_makes_one_booking(location, consultant, now):
    first = book(location, at(11), now)
    again = book(location, at(11), now)
    assert first.pk == again.pk
    assert Consultation.objects.count() == 1


def test_it_sends_a_confirmation_with_a_calendar_file_and_alerts_the_desk(
    location, consultant, now, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = book(location, at(11), now)
    to_visitor = next(m for m in mailoutbox if m.to == ["visitor@example.com"])
    assert to_visitor.attachments[0][0] == "consultation.ics"
    to_desk = next(m for m in mailoutbox if m.to == [location.email])
    # The desk's e-mail carries no patient details, only a link behind the staff login.
    assert consultation.full_name not in to_desk.body
    assert consultation.phone not in to_desk.body


def test_a_coming_soon_location_takes_no_booking(location, consultant, now):
    location.status = Location.Status.COMING_SOON
    location.save()
    with pytest.raises(ValidationError):
        book(location, at(10), now)


def test_a_slot_in_the_past_or_within_two_hours_cannot_be_booked(location, consultant, now):
    with pytest.raises(services.SlotTaken):
        book(location, at(9), now + timedelta(hours=1, minutes=30))  # 7:30 local, 9:00 is soon


def test_rescheduling_frees_the_old_time(location, consultant, now):
    consultation = book(location, at(10), now)
    services.consultation_reschedule(consultation=consultation, starts_at=at(14), now=now)
    consultation.refresh_from_db()
    assert consultation.starts_at == at(14)
    starts = [
        s.starts_at
        for s in consultation_slots(location=location, first_day=at(10).date(), days=1, now=now)
    ]
    assert at(10) in starts and at(14) not in starts
    assert consultation.history.first().history_change_reason == "Rescheduled"


def test_cancelling_twice_cancels_once_and_frees_the_slot(
    location, consultant, now, mailoutbox, django_capture_on_commit_callbacks
):
    consultation = book(location, at(10), now)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.consultation_cancel(consultation=consultation) is True
        assert services.consultation_cancel(consultation=consultation) is False
    assert sum("cancelled" in m.subject for m in mailoutbox) == 1
    book(location, at(10), now, email="next@example.com")


def test_the_slot_search_takes_the_same_queries_for_few_or_many_bookings(
    location, consultant, now, django_assert_max_num_queries
):
    first_day = at(10).date()
    with django_assert_max_num_queries(3):
        consultation_slots(location=location, first_day=first_day, days=30, now=now)
    for day in range(10, 20):
        for hour in (9, 10, 11, 13, 14):
            Consultation.objects.create(
                location=location,
                consultant=consultant,
                kind="phone",
                starts_at=at(hour, day=day),
                ends_at=at(hour, 30, day=day),
                full_name="x",
                email="x@example.com",
                phone="+18605550142",
            )
    with django_assert_max_num_queries(3):
        consultation_slots(location=location, first_day=first_day, days=30, now=now)
