"""The schedule in the Django admin: clinic admins edit the appointment types and the duty
roster; appointments are only looked at there."""

from datetime import time, timedelta

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, DutyException, DutyShift, InfusionAppointment
from tests.access import ALLOWED, assert_sent_to_login
from tests.infusions.booking import MONDAY, at, local_day
from tests.locations.admin_forms import admin_change_form_data

pytestmark = pytest.mark.django_db

TUESDAY = 1


@pytest.fixture
def initial_type():
    return AppointmentType.objects.get(name="Initial-series infusion")


def change_type(admin, appointment_type, **changes):
    url = reverse("admin:infusions_appointmenttype_change", args=[appointment_type.pk])
    data = admin_change_form_data(admin.get(url)) | changes
    return admin.post(url, data)


# Appointment types ---------------------------------------------------------------------


def test_editing_a_types_minutes_leaves_the_times_of_booked_infusions_alone(
    client_as, cleared, chair, front_desk, initial_type
):
    booked = infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=front_desk
    )
    before = InfusionAppointment.objects.values().get(pk=booked.pk)

    response = change_type(
        client_as("clinic_admin"),
        initial_type,
        infusion_minutes=60,
        recovery_minutes=45,
        turnover_minutes=20,
    )

    assert response.status_code == 302
    initial_type.refresh_from_db()
    assert initial_type.chair_minutes == 125
    after = InfusionAppointment.objects.values().get(pk=booked.pk)
    assert after == before
    assert after["ends_at"] - after["starts_at"] == timedelta(minutes=75)
    assert after["chair_free_at"] - after["starts_at"] == timedelta(minutes=85)


def test_a_booking_after_the_edit_holds_the_chair_for_the_new_minutes(
    client_as, cleared, chair, front_desk, initial_type
):
    change_type(client_as("clinic_admin"), initial_type, infusion_minutes=60)

    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(TUESDAY), 10), booked_by=front_desk
    )

    assert appointment.infusion_minutes == 60
    assert appointment.ends_at - appointment.starts_at == timedelta(minutes=90)


def test_the_admin_refuses_an_infusion_outside_40_to_60_minutes(client_as, initial_type):
    response = change_type(client_as("clinic_admin"), initial_type, infusion_minutes=90)

    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 60." in response.content.decode()
    initial_type.refresh_from_db()
    assert initial_type.infusion_minutes == 45


def test_the_type_list_shows_each_types_minutes_and_whether_it_is_bookable(client_as, initial_type):
    response = client_as("clinic_admin").get(reverse("admin:infusions_appointmenttype_changelist"))

    assert response.status_code == ALLOWED
    page = response.content.decode()
    for name in ("Initial-series infusion", "Maintenance infusion", "Booster infusion"):
        assert name in page
    assert "Chair minutes" in page
    assert '<td class="field-chair_minutes">85</td>' in page


def test_a_types_history_names_who_changed_its_minutes(client_as, clinic_admin, initial_type):
    admin = client_as("clinic_admin")
    change_type(admin, initial_type, recovery_minutes=40)

    response = admin.get(reverse("admin:infusions_appointmenttype_history", args=[initial_type.pk]))

    assert response.status_code == ALLOWED
    latest = initial_type.history.first()
    assert latest.history_user == clinic_admin
    assert latest.recovery_minutes == 40


def test_a_visitor_is_sent_to_sign_in_before_the_admin(client_as):
    url = reverse("admin:infusions_appointmenttype_changelist")

    assert_sent_to_login(client_as("anonymous").get(url), url)


@pytest.mark.parametrize("persona", ["patient", "front_desk", "clinician"])
def test_only_clinic_admins_reach_the_schedule_in_the_admin(client_as, persona):
    url = reverse("admin:infusions_appointmenttype_changelist")

    response = client_as(persona).get(url)

    # Not admin-site users: the admin sends them to its own sign-in page.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# The duty roster -----------------------------------------------------------------------


def test_a_clinic_admin_puts_a_clinician_on_the_roster(client_as, location, clinician):
    response = client_as("clinic_admin").post(
        reverse("admin:infusions_dutyshift_add"),
        {
            "location": location.pk,
            "clinician": clinician.pk,
            "weekday": 5,
            "starts": "10:00",
            "ends": "14:00",
        },
    )

    assert response.status_code == 302
    shift = DutyShift.objects.get(clinician=clinician)
    assert (shift.weekday, shift.starts, shift.ends) == (5, time(10), time(14))
    assert shift.history.get().history_type == "+"


def test_the_admin_refuses_a_shift_that_ends_before_it_starts(client_as, location, clinician):
    response = client_as("clinic_admin").post(
        reverse("admin:infusions_dutyshift_add"),
        {
            "location": location.pk,
            "clinician": clinician.pk,
            "weekday": 5,
            "starts": "14:00",
            "ends": "10:00",
        },
    )

    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert not DutyShift.objects.filter(clinician=clinician).exists()


def test_only_clinicians_can_be_put_on_the_roster(client_as, location, front_desk):
    response = client_as("clinic_admin").post(
        reverse("admin:infusions_dutyshift_add"),
        {
            "location": location.pk,
            "clinician": front_desk.pk,
            "weekday": 5,
            "starts": "10:00",
            "ends": "14:00",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not DutyShift.objects.filter(clinician=front_desk).exists()


def test_the_roster_lists_shifts_by_location_clinician_and_weekday(client_as, location):
    admin = client_as("clinic_admin")
    url = reverse("admin:infusions_dutyshift_changelist")

    everyone = admin.get(url)
    sundays = admin.get(url, {"weekday__exact": 6, "location__id__exact": location.pk})

    assert everyone.status_code == sundays.status_code == ALLOWED
    # The conftest's clinician is on duty on the six days the location opens.
    assert everyone.context["cl"].result_count == 6
    assert sundays.context["cl"].result_count == 1


def test_a_clinic_admin_marks_a_clinician_away_for_a_day(client_as, location, clinician):
    day = local_day(MONDAY)

    response = client_as("clinic_admin").post(
        reverse("admin:infusions_dutyexception_add"),
        {
            "location": location.pk,
            "clinician": clinician.pk,
            "day": day.isoformat(),
            "note": "Conference",
        },
    )

    assert response.status_code == 302
    exception = DutyException.objects.get(clinician=clinician)
    assert exception.is_away
    assert exception.day == day


def test_the_admin_refuses_an_exception_with_a_start_and_no_end(client_as, location, clinician):
    response = client_as("clinic_admin").post(
        reverse("admin:infusions_dutyexception_add"),
        {
            "location": location.pk,
            "clinician": clinician.pk,
            "day": local_day(MONDAY).isoformat(),
            "starts": "10:00",
        },
    )

    assert response.status_code == 200
    assert "Give both a start and an end, or neither for a day away." in (response.content.decode())
    assert not DutyException.objects.exists()


# Appointments, read only ---------------------------------------------------------------


def test_the_appointment_list_shows_the_type_status_and_supervisor(
    client_as, cleared, chair, front_desk, location
):
    infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=front_desk
    )
    supervisor = location.duty_shifts.first().clinician

    response = client_as("clinic_admin").get(
        reverse("admin:infusions_infusionappointment_changelist")
    )

    assert response.status_code == ALLOWED
    page = response.content.decode()
    assert '<td class="field-appointment_type nowrap">Initial-series infusion</td>' in page
    assert '<td class="field-status">Booked</td>' in page
    assert f'<td class="field-supervisor nowrap">{supervisor}</td>' in page


def test_appointments_cannot_be_added_or_changed_in_the_admin(
    client_as, cleared, chair, front_desk
):
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(local_day(MONDAY), 10), booked_by=front_desk
    )
    admin = client_as("clinic_admin")

    added = admin.get(reverse("admin:infusions_infusionappointment_add"))
    changed = admin.post(
        reverse("admin:infusions_infusionappointment_change", args=[appointment.pk]),
        {"status": "cancelled"},
    )

    assert added.status_code == 403
    assert changed.status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == InfusionAppointment.Status.BOOKED
