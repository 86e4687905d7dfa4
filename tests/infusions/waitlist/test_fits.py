"""Which waiting patients a freed chair time fits: their days and times, the gate, and the
booking rules for each of them, as the front desk books."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infusions.booking.services import infusion_book
from infusions.models import WaitlistEntry
from infusions.waitlist.selectors import waitlist_fits
from tests.factories import ChairFactory, LocationFactory
from tests.infusions.booking import MONDAY, SUNDAY, at, local_day, next_clock_change
from tests.infusions.waitlist.helpers import cleared_record
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db


def problems(chair, starts_at):
    return {c.entry.pk: c.problem for c in waitlist_fits(chair=chair, starts_at=starts_at)}


def test_a_time_on_a_picked_day_inside_the_window_fits(entry, chair, freed):
    assert problems(chair, freed) == {entry.pk: None}


def test_a_time_on_another_day_does_not_fit(entry, chair):
    tuesday = at(local_day(MONDAY) + timedelta(days=1), 10)

    assert problems(chair, tuesday) == {entry.pk: "Waiting for Monday only."}


def test_a_time_outside_the_window_does_not_fit(entry, chair):
    monday = local_day(MONDAY)

    assert problems(chair, at(monday, 8, 30))[entry.pk] == "Wants to start at 9:00 AM or later."
    assert problems(chair, at(monday, 11, 15))[entry.pk] == "Wants to start by 11:00 AM."


def test_the_window_is_local_time_on_the_day_the_clocks_go_forward(cleared, join, chair):
    sunday = next_clock_change(forward=True)
    waiting = join(cleared, weekdays="6", earliest=time(10), latest=time(10, 30))

    assert problems(chair, at(sunday, 10)) == {waiting.pk: None}
    assert problems(chair, at(sunday, 9, 30))[waiting.pk] == "Wants to start at 10:00 AM or later."


def test_a_time_the_chair_is_still_taken_does_not_fit(entry, chair, freed, location, clinician):
    someone = cleared_record(location, clinician)
    infusion_book(
        patient=someone, chair=chair, starts_at=freed - timedelta(minutes=30), booked_by=clinician
    )

    assert problems(chair, freed) == {entry.pk: "That chair is taken at that time."}


def test_it_does_not_offer_a_patient_a_second_infusion_the_same_day(
    entry, chair, other_chair, freed, front_desk
):
    infusion_book(
        patient=entry.patient,
        chair=other_chair,
        starts_at=freed + timedelta(hours=4),
        booked_by=front_desk,
    )

    assert problems(chair, freed) == {
        entry.pk: "This patient already has an infusion that day; choose another day."
    }


def test_each_patient_is_checked_against_their_own_appointments(
    entry, other_entry, chair, other_chair, freed, front_desk
):
    infusion_book(
        patient=other_entry.patient,
        chair=other_chair,
        starts_at=freed + timedelta(hours=3),
        booked_by=front_desk,
    )

    found = problems(chair, freed)

    assert found[entry.pk] is None
    assert found[other_entry.pk].startswith("This patient already has an infusion that day")


def test_a_patient_no_longer_cleared_does_not_fit(location, kind, front_desk, chair, freed):
    # Put on the list straight in the table: the service refuses a patient not cleared.
    waiting = WaitlistEntry.objects.create(
        patient=PatientFactory(takes_no_medications=True),
        location=location,
        appointment_type=kind,
        added_by=front_desk,
    )

    assert problems(chair, freed)[waiting.pk].startswith("Cannot be booked yet: ")


def test_a_time_when_the_location_is_closed_does_not_fit(cleared, join, chair):
    sunday = local_day(SUNDAY)
    waiting = join(cleared, weekdays="6")

    assert problems(chair, at(sunday, 12, 30)) == {
        waiting.pk: "The location is closed for part of that time; choose another."
    }


def test_the_desk_may_offer_a_time_sooner_than_online_notice(entry, chair, location, freed):
    location.booking_notice_hours = 24 * 30
    location.save()

    assert problems(chair, freed) == {entry.pk: None}


def test_only_the_waiting_entries_at_the_chairs_location_are_considered(
    entry, other_entry, chair, freed
):
    elsewhere = LocationFactory(time_zone="America/New_York")
    other_entry.status = WaitlistEntry.Status.WITHDRAWN
    other_entry.save()

    assert problems(ChairFactory(location=elsewhere), freed) == {}
    assert list(problems(chair, freed)) == [entry.pk]


def test_a_time_fits_entries_first_come_first(entry, other_entry, chair, freed):
    assert [c.entry for c in waitlist_fits(chair=chair, starts_at=freed)] == [entry, other_entry]


def test_it_reads_the_same_few_queries_for_one_entry_or_eight(
    entry, join, location, clinician, chair, freed
):
    with CaptureQueriesContext(connection) as one:
        waitlist_fits(chair=chair, starts_at=freed)
    for _ in range(7):
        join(cleared_record(location, clinician))

    with CaptureQueriesContext(connection) as eight:
        found = waitlist_fits(chair=chair, starts_at=freed)

    assert len(found) == 8
    assert len(eight) == len(one)
