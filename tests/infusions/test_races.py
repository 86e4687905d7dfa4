"""Twenty people book one chair at once, on a real PostgreSQL: the location's row lock decides
them one after the other, and the exclusion constraints hold the chair and the patient even
for a write that skips the booking service."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, InfusionAppointment
from tests.factories import consent_signed_by
from tests.infusions.booking import MONDAY, Outcome, at, local_day
from tests.screening.factories import PatientFactory, decide, submit

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)

PEOPLE = 20
CHAIR_TAKEN = {"That chair is taken at that time.", "That time was just taken; choose another."}


def cleared_patients(location, clinician, count):
    patients = []
    for _ in range(count):
        record = PatientFactory(preferred_location=location, takes_no_medications=True)
        consent_signed_by(record)
        decide(submit(record), clinician, Outcome.CLEARED)
        patients.append(record)
    return patients


def book_at_once(bookings, booked_by):
    """Each (patient, chair, starts_at) booked from its own thread, all released together;
    what each got: "booked", or the refusal's message."""
    start = threading.Barrier(len(bookings))
    outcomes = []

    def person(patient, chair, starts_at):
        try:
            start.wait()
            infusion_book(patient=patient, chair=chair, starts_at=starts_at, booked_by=booked_by)
            outcomes.append("booked")
        except ValidationError as refusal:
            outcomes.append(" ".join(refusal.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=booking) for booking in bookings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_twenty_people_booking_one_chair_at_one_time_make_exactly_one_booking(
    committed_db, location, chair, clinician, front_desk
):
    starts_at = at(local_day(MONDAY), 10)
    patients = cleared_patients(location, clinician, PEOPLE)

    outcomes = book_at_once([(p, chair, starts_at) for p in patients], front_desk)

    assert outcomes.count("booked") == 1
    refusals = [o for o in outcomes if o != "booked"]
    assert len(refusals) == PEOPLE - 1
    assert set(refusals) <= CHAIR_TAKEN
    assert InfusionAppointment.objects.filter(chair=chair).count() == 1


def test_twenty_people_booking_overlapping_times_on_one_chair_make_exactly_one_booking(
    committed_db, location, chair, clinician, front_desk
):
    # 10:00, 10:03, ... 10:57: each holds the chair 85 minutes, so every two overlap.
    first = at(local_day(MONDAY), 10)
    patients = cleared_patients(location, clinician, PEOPLE)
    bookings = [(p, chair, first + timedelta(minutes=3 * n)) for n, p in enumerate(patients)]

    outcomes = book_at_once(bookings, front_desk)

    assert outcomes.count("booked") == 1
    refusals = [o for o in outcomes if o != "booked"]
    assert len(refusals) == PEOPLE - 1
    assert set(refusals) <= CHAIR_TAKEN
    assert InfusionAppointment.objects.filter(chair=chair).count() == 1


# The constraints under the service -----------------------------------------------------


def test_the_exclusion_constraints_are_in_the_database(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid = %s::regclass",
            [InfusionAppointment._meta.db_table],
        )
        names = {row[0] for row in cursor.fetchall()}

    assert {"infusion_no_chair_overlap", "infusion_no_patient_overlap"} <= names


def copy_of(appointment, **changes):
    """The appointment's row again, written straight to the table, skipping every rule."""
    fields = {
        f.attname: getattr(appointment, f.attname)
        for f in InfusionAppointment._meta.concrete_fields
        if not f.primary_key
    }
    return InfusionAppointment(**(fields | changes))


@pytest.fixture
def booked(cleared, chair, front_desk):
    return infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=front_desk
    )


def test_the_database_refuses_a_second_live_appointment_in_the_chairs_time(
    booked, location, clinician
):
    (someone_else,) = cleared_patients(location, clinician, 1)
    overlapping = copy_of(
        booked, patient_id=someone_else.pk, starts_at=booked.starts_at + timedelta(minutes=80)
    )
    overlapping.ends_at = overlapping.starts_at + timedelta(minutes=75)
    overlapping.chair_free_at = overlapping.ends_at + timedelta(minutes=10)

    with pytest.raises(IntegrityError, match="infusion_no_chair_overlap"), transaction.atomic():
        overlapping.save()


def test_the_database_refuses_one_patient_in_two_chairs_at_once(booked, other_chair):
    with pytest.raises(IntegrityError, match="infusion_no_patient_overlap"), transaction.atomic():
        copy_of(booked, chair_id=other_chair.pk).save()


def test_a_cancelled_appointment_holds_neither_the_chair_nor_the_patient(booked):
    booked.status = InfusionAppointment.Status.CANCELLED
    booked.save()

    again = copy_of(booked, status=InfusionAppointment.Status.BOOKED)
    again.save()

    assert InfusionAppointment.objects.live().get() == again


def test_the_turnover_after_an_appointment_is_the_chairs_too(booked, location, clinician):
    (someone_else,) = cleared_patients(location, clinician, 1)
    kind = AppointmentType.objects.get(kind="initial")
    # The patient has left (75 minutes), but the chair is being cleaned for 10 more.
    during_turnover = copy_of(
        booked,
        patient_id=someone_else.pk,
        appointment_type_id=kind.pk,
        starts_at=booked.ends_at + timedelta(minutes=5),
    )
    during_turnover.ends_at = during_turnover.starts_at + timedelta(minutes=75)
    during_turnover.chair_free_at = during_turnover.ends_at + timedelta(minutes=10)

    with pytest.raises(IntegrityError, match="infusion_no_chair_overlap"), transaction.atomic():
        during_turnover.save()
