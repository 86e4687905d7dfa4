"""A no-show marked by mistake goes back to booked only while its chair and the patient's
time are still free: once the desk has given them away, the undo says so and changes nothing."""

import pytest
import time_machine
from django.core.exceptions import ValidationError

from infusions.models import InfusionAppointment, StatusChange
from infusions.models.appointments import Status
from infusions.statuses.services import appointment_set_status
from tests.infusions.booking import MONDAY, local_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return local_day(MONDAY)


@pytest.fixture
def no_show(cleared, chair, book, day, front_desk):
    appointment = book(cleared, chair, day, 10)
    with time_machine.travel(appointment.starts_at, tick=True):  # missed only on the day
        return appointment_set_status(appointment, to_status=Status.NO_SHOW, by=front_desk)


def test_a_no_show_marked_by_mistake_is_booked_again(no_show, front_desk):
    appointment_set_status(no_show, to_status=Status.BOOKED, by=front_desk, reason="Came late")

    no_show.refresh_from_db()
    assert no_show.status == Status.BOOKED
    assert StatusChange.objects.filter(
        appointment=no_show, from_status=Status.NO_SHOW, to_status=Status.BOOKED
    ).exists()


def test_a_no_show_whose_chair_went_to_another_patient_stays_a_no_show(
    no_show, chair, book, day, cleared_patient, front_desk
):
    book(cleared_patient(), chair, day, 10, 30)

    with pytest.raises(ValidationError, match="Book a new time instead"):
        appointment_set_status(no_show, to_status=Status.BOOKED, by=front_desk)

    no_show.refresh_from_db()
    assert no_show.status == Status.NO_SHOW
    live_on_chair = InfusionAppointment.objects.live().filter(chair=chair)
    assert live_on_chair.count() == 1


def test_a_no_show_whose_patient_was_booked_again_that_day_stays_a_no_show(
    no_show, cleared, other_chair, book, day, front_desk
):
    book(cleared, other_chair, day, 15)  # the patient's new time, later that day

    with pytest.raises(ValidationError, match="Book a new time instead"):
        appointment_set_status(no_show, to_status=Status.BOOKED, by=front_desk)

    no_show.refresh_from_db()
    assert no_show.status == Status.NO_SHOW
