"""`infusion_book`, the one way an infusion is booked: the gate, opening hours, the chair."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from clinic.locations.models import Location
from infusions.booking.services import NotEligible, infusion_book
from infusions.models import InfusionAppointment
from patients.intake.services import intake_save_medications
from tests.factories import ChairFactory, LocationFactory, OpeningHoursFactory, consent_signed_by
from tests.infusions.booking import MONDAY, SATURDAY, SUNDAY, Outcome, at, local_day, refused
from tests.screening.factories import PatientFactory, decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_cleared(other_patient, clinician, location):
    record = PatientFactory(user=other_patient, preferred_location=location)
    consent_signed_by(record)
    decide(submit(record), clinician, Outcome.CLEARED)
    return record


# The gate ------------------------------------------------------------------------------


def not_finished(record, screened):
    record.intake_completed_at = None
    record.save()
    return record


def not_screened(record, screened):
    return record


def decided(outcome):
    return lambda record, screened: screened(outcome)


def reopened(record, screened):
    screened(Outcome.CLEARED)
    intake_save_medications(
        patient=record, rows=[{"name": "Klonopin", "dose": "1mg"}], takes_no_medications=False
    )
    return record


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (not_finished, "The intake is not finished."),
        (not_screened, "The safety questions are not answered yet."),
        (decided(None), "A clinician has not cleared the screening yet."),
        (decided(Outcome.INFO_REQUESTED), "A clinician has not cleared the screening yet."),
        (decided(Outcome.DECLINED), "A clinician declined the screening."),
        (reopened, "A clinician has not cleared the screening yet."),
    ],
    ids=["no_intake", "no_screening", "pending", "info_requested", "declined", "reopened"],
)
def test_it_refuses_a_patient_the_gate_does_not_allow(
    record, screened, chair, front_desk, make, reason
):
    patient = make(record, screened)

    with pytest.raises(NotEligible) as refusal:
        infusion_book(
            patient=patient, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=front_desk
        )

    assert reason in refusal.value.messages[0]
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize("outcome", [Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS])
def test_it_books_a_cleared_patient_for_the_infusion_and_the_recovery(
    screened, chair, front_desk, outcome
):
    patient = screened(outcome)
    starts_at = at(local_day(MONDAY), 10)

    appointment = infusion_book(
        patient=patient, chair=chair, starts_at=starts_at, booked_by=front_desk
    )

    appointment.refresh_from_db()
    assert appointment.patient == patient
    assert appointment.chair == chair
    assert appointment.starts_at == starts_at
    # The default initial-series type: 45 minutes' infusion, 30 of recovery, 10 of turnover.
    assert appointment.ends_at - appointment.starts_at == timedelta(minutes=75)
    assert appointment.chair_free_at - appointment.starts_at == timedelta(minutes=85)
    assert appointment.status == InfusionAppointment.Status.BOOKED
    assert appointment.booked_by == front_desk


def test_a_patient_may_book_their_own_infusion(cleared, chair, patient):
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=patient
    )

    assert appointment.booked_by == patient


# Opening hours, the clock and the chair ------------------------------------------------


def test_a_booking_may_fill_the_day_from_opening_to_closing(
    cleared, other_cleared, chair, front_desk
):
    monday = local_day(MONDAY)
    first = infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 9), booked_by=front_desk
    )
    last = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 15, 45), booked_by=front_desk
    )

    assert first.location.local_time(first.starts_at).time() == time(9)
    assert last.location.local_time(last.ends_at).time() == time(17)


@pytest.mark.parametrize(
    ("weekday", "hour", "minute"),
    [
        (MONDAY, 8, 30),  # starts before opening
        (MONDAY, 16, 0),  # recovery runs past closing
        (MONDAY, 22, 0),  # well after closing
        (MONDAY, 23, 0),  # runs into the next day
        (SATURDAY, 10, 0),  # closed all day
        (SUNDAY, 12, 0),  # Sunday closes at 1 PM
    ],
    ids=["before_opening", "past_closing", "evening", "overnight", "closed_day", "short_day"],
)
def test_it_refuses_a_time_when_the_location_is_closed(
    cleared, chair, front_desk, weekday, hour, minute
):
    messages = refused(
        "starts_at",
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(weekday), hour, minute),
        booked_by=front_desk,
    )

    assert messages == ["The location is closed for part of that time; choose another."]


def test_it_refuses_a_time_in_the_past(cleared, chair, front_desk):
    last_monday = local_day(MONDAY) - timedelta(days=14)

    messages = refused(
        "starts_at",
        patient=cleared,
        chair=chair,
        starts_at=at(last_monday, 10),
        booked_by=front_desk,
    )

    assert messages == ["Choose a time in the future."]


def test_it_refuses_a_chair_at_a_location_that_is_coming_soon(cleared, front_desk):
    soon = LocationFactory(status=Location.Status.COMING_SOON, time_zone="America/New_York")
    OpeningHoursFactory(location=soon, weekday=MONDAY, opens=time(9), closes=time(17))

    refused(
        "chair",
        patient=cleared,
        chair=ChairFactory(location=soon),
        starts_at=at(local_day(MONDAY), 10),
        booked_by=front_desk,
    )


def test_it_refuses_a_chair_that_is_out_of_use(cleared, chair, front_desk):
    chair.is_active = False
    chair.save()

    refused(
        "chair",
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY), 10),
        booked_by=front_desk,
    )


@pytest.mark.parametrize(("hour", "minute"), [(10, 0), (9, 0), (11, 0), (10, 30)], ids=str)
def test_it_refuses_a_booking_that_overlaps_another_on_the_same_chair(
    cleared, other_cleared, chair, front_desk, hour, minute
):
    monday = local_day(MONDAY)
    taken = infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    with pytest.raises(ValidationError) as refusal:
        infusion_book(
            patient=cleared, chair=chair, starts_at=at(monday, hour, minute), booked_by=front_desk
        )

    assert refusal.value.message_dict == {"starts_at": ["That chair is taken at that time."]}
    assert list(InfusionAppointment.objects.all()) == [taken]


def test_the_next_booking_may_start_when_the_last_one_ends(
    cleared, other_cleared, chair, front_desk
):
    monday = local_day(MONDAY)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    after = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 11, 30), booked_by=front_desk
    )

    assert after.starts_at == at(monday, 11, 30)


def test_another_chair_at_the_same_time_is_free(
    cleared, other_cleared, chair, other_chair, front_desk
):
    ten = at(local_day(MONDAY), 10)
    infusion_book(patient=other_cleared, chair=chair, starts_at=ten, booked_by=front_desk)

    infusion_book(patient=cleared, chair=other_chair, starts_at=ten, booked_by=front_desk)

    assert InfusionAppointment.objects.booked().filter(starts_at=ten).count() == 2


def test_a_cancelled_booking_frees_its_chair(cleared, other_cleared, chair, front_desk):
    ten = at(local_day(MONDAY), 10)
    cancelled = infusion_book(
        patient=other_cleared, chair=chair, starts_at=ten, booked_by=front_desk
    )
    cancelled.status = InfusionAppointment.Status.CANCELLED
    cancelled.save()

    booked = infusion_book(patient=cleared, chair=chair, starts_at=ten, booked_by=front_desk)

    assert list(InfusionAppointment.objects.booked()) == [booked]


def test_it_refuses_a_second_chair_for_the_same_patient_at_the_same_time(
    cleared, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    first = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    with pytest.raises(ValidationError):
        infusion_book(
            patient=cleared, chair=other_chair, starts_at=at(monday, 10, 30), booked_by=front_desk
        )

    assert list(InfusionAppointment.objects.all()) == [first]
