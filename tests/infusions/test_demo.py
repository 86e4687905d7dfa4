"""The schedule's part of `manage.py seed_demo`: a roster, the types and a few bookings."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from clinic.locations.models import Location
from infusions.booking.calendar import calendar_load
from infusions.models import AppointmentType, DutyShift, InfusionAppointment, StatusChange

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def riverside():
    seed()
    return Location.objects.get(slug="riverside")


def test_the_demo_clinician_is_on_duty_whenever_riverside_is_open(riverside):
    clinician = get_user_model().objects.get(email="clinician@example.com")

    shifts = {
        (s.weekday, s.starts, s.ends)
        for s in DutyShift.objects.filter(location=riverside, clinician=clinician)
    }

    assert shifts == {(h.weekday, h.opens, h.closes) for h in riverside.opening_hours.all()}
    assert len(shifts) == 6  # Monday to Saturday


def test_the_three_appointment_types_are_there_to_book(riverside):
    assert set(AppointmentType.objects.active().values_list("kind", flat=True)) == {
        "initial",
        "maintenance",
        "booster",
    }


def test_the_cleared_demo_patient_has_infusions_booked_in_the_coming_days(riverside):
    clinician = get_user_model().objects.get(email="clinician@example.com")
    booked = InfusionAppointment.objects.filter(
        patient__user__email="patient3@example.com", chair__location=riverside, status="booked"
    )

    assert booked.count() == 3
    now = timezone.now()
    for appointment in booked:
        assert appointment.status == InfusionAppointment.Status.BOOKED
        assert now < appointment.starts_at < now + timedelta(days=30)
        assert appointment.supervisor == clinician
        assert appointment.appointment_type.kind == "initial"
    # One a day, on three different local days.
    assert len({riverside.local_time(a.starts_at).date() for a in booked}) == 3
    assert StatusChange.objects.filter(appointment__in=booked, to_status="booked").count() == 3


def test_the_day_board_would_show_the_demo_bookings(riverside):
    today = riverside.local_time().date()

    calendar = calendar_load(riverside, today, today + timedelta(days=30))

    assert len(calendar.held) == 3
    busy_days = {calendar.local_day(held.starts_at) for held in calendar.held}
    assert all(calendar.duty[day] for day in busy_days)


def test_the_patient_waiting_for_review_is_not_booked(riverside):
    assert not InfusionAppointment.objects.filter(
        patient__user__email="patient2@example.com"
    ).exists()


def test_running_seed_demo_twice_books_nothing_twice(riverside):
    counts = (
        DutyShift.objects.count(),
        AppointmentType.objects.count(),
        InfusionAppointment.objects.count(),
        StatusChange.objects.count(),
    )

    second = seed()

    assert (
        DutyShift.objects.count(),
        AppointmentType.objects.count(),
        InfusionAppointment.objects.count(),
        StatusChange.objects.count(),
    ) == counts
    assert "clinician@example.com stays on duty at Riverside Infusion Center" in second
    assert "Kept the 3 infusions of patient3@example.com at Riverside Infusion Center" in second
    assert "Created" not in second


def test_seed_demo_says_what_it_booked(riverside):
    InfusionAppointment.objects.filter(status="booked").delete()

    out = seed()

    assert out.count("patient3@example.com: infusion booked at Riverside Infusion Center") == 3


def test_the_demo_patient_has_two_past_visits_charted_and_signed(riverside):
    given = InfusionAppointment.objects.filter(
        patient__user__email="patient3@example.com", status="discharged"
    ).select_related("record")

    assert given.count() == 2
    for appointment in given:
        assert appointment.starts_at < timezone.now()
        assert riverside.local_time(appointment.starts_at).weekday() < 5
        assert appointment.record.is_signed
        assert appointment.record.vitals.count() == 3
        assert appointment.outcome_check.phq9_total > 0


def test_a_deleted_type_comes_back(riverside):
    AppointmentType.objects.filter(kind="booster").delete()

    out = seed()

    assert AppointmentType.objects.filter(name="Booster infusion", kind="booster").exists()
    assert "Added the appointment type Booster infusion" in out
