"""The day of an infusion booked: daylight saving, and one infusion a local day."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, InfusionAppointment, TreatmentPlan
from tests.factories import OpeningHoursFactory
from tests.infusions.booking import MONDAY, SUNDAY, at, local_day, next_clock_change, refused

pytestmark = pytest.mark.django_db

# Daylight saving -----------------------------------------------------------------------


def test_a_booking_on_the_day_the_clocks_go_forward_is_stored_at_the_right_utc_time(
    cleared, chair, front_desk
):
    day = next_clock_change(forward=True)  # a Sunday in March
    assert day.weekday() == SUNDAY

    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(day, 10), booked_by=front_desk
    )

    appointment.refresh_from_db()
    # 10:00 in New York is 14:00 UTC from that morning on (EDT, UTC-4), not 15:00 as the day
    # before (EST, UTC-5).
    assert appointment.starts_at == datetime.combine(day, time(14), tzinfo=UTC)
    assert appointment.ends_at == datetime.combine(day, time(15, 15), tzinfo=UTC)
    assert appointment.location.local_time(appointment.starts_at).time() == time(10)


def test_a_booking_on_the_day_the_clocks_go_back_is_stored_at_the_right_utc_time(
    cleared, chair, front_desk
):
    day = next_clock_change(forward=False)  # a Sunday in November
    assert day.weekday() == SUNDAY

    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(day, 10), booked_by=front_desk
    )

    appointment.refresh_from_db()
    assert appointment.starts_at == datetime.combine(day, time(15), tzinfo=UTC)
    assert appointment.location.local_time(appointment.ends_at).time() == time(11, 15)


def test_the_opening_hours_are_read_in_local_time_on_the_day_the_clocks_go_forward(
    cleared, chair, front_desk
):
    day = next_clock_change(forward=True)

    # 12:00 to 1:30 PM local runs past the Sunday closing at 1 PM, whatever UTC says.
    refused(
        "starts_at",
        patient=cleared,
        chair=chair,
        starts_at=datetime.combine(day, time(16), tzinfo=UTC),
        booked_by=front_desk,
    )


# One infusion a day --------------------------------------------------------------------


def test_it_refuses_a_second_infusion_for_the_patient_on_the_same_local_day(
    cleared, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    first = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    with pytest.raises(ValidationError) as refusal:
        infusion_book(
            patient=cleared, chair=other_chair, starts_at=at(monday, 14), booked_by=front_desk
        )

    assert refusal.value.message_dict["starts_at"] == [
        "This patient already has an infusion that day; choose another day."
    ]
    assert list(InfusionAppointment.objects.all()) == [first]


def test_the_next_local_day_is_free_even_when_it_is_the_same_day_in_utc(
    cleared, chair, front_desk, location, clinician
):
    # 15:00 on Monday and 9:00 on Tuesday in New York: both fall on Monday/Tuesday in UTC too,
    # but a late slot and an early one a local day apart must both be allowed.
    OpeningHoursFactory(location=location, weekday=1, opens=time(8), closes=time(17))
    # The plan lets 18 hours pass between two starts (24 unless a clinician says otherwise).
    plan = TreatmentPlan.objects.create(
        patient=cleared,
        location=location,
        initial_type=AppointmentType.objects.get(kind="initial"),
        min_gap_hours=12,
        created_by=clinician,
    )
    monday = local_day(MONDAY)
    infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 15), booked_by=front_desk, plan=plan
    )

    second = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(monday + timedelta(days=1), 9),
        booked_by=front_desk,
        plan=plan,
    )

    assert second.pk is not None
    assert InfusionAppointment.objects.filter(patient=cleared).count() == 2


def test_a_cancelled_infusion_leaves_its_day_free(cleared, chair, front_desk):
    monday = local_day(MONDAY)
    first = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )
    InfusionAppointment.objects.filter(pk=first.pk).update(
        status=InfusionAppointment.Status.CANCELLED
    )

    again = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 14), booked_by=front_desk
    )

    assert again.pk != first.pk
