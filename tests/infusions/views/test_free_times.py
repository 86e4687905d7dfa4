"""The booking pages' free times: the patient's page picks one (their plan's kind, online
notice, their driver), the desk's page picks one or types any time and kind; a time taken
meanwhile is refused by the time picker with the free times shown afresh."""

import html
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, InfusionAppointment, TreatmentPlan
from tests.access import REDIRECT
from tests.factories import ChairFactory, LocationFactory, OpeningHoursFactory, on_duty
from tests.infusions.views.helpers import NEW_YORK, Outcome, a_weekday_ahead, screen

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.text)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


def pick(chair, day, clock, **extra):
    return {"slot": f"{chair.pk}/{day.isoformat()}/{clock}", **extra}


def error_by(page, field_id):
    """The message shown by a field (crispy's invalid-feedback), or None."""
    found = re.search(rf'id="{field_id}_error"[^>]*>\s*<(?:span|p)[^>]*><strong>([^<]*)', page)
    return found and found.group(1)


def offered(page):
    """The slot values offered as radio buttons."""
    return re.findall(r'name="(?:pick-)?slot" value="([^"]+)"', page)


def days_offered(page):
    return re.findall(r"day=(\d{4}-\d\d-\d\d)#times", page)


# The patient's page -------------------------------------------------------------------


def test_the_patient_sees_the_free_times_of_their_location_by_day(client_as, cleared, chair):
    day = a_weekday_ahead()

    page = text(client_as("patient").get(reverse("infusions:book"), {"day": day.isoformat()}))

    assert "Midtown Infusion Center" in page
    assert "(Eastern time)" in page
    assert day.isoformat() in days_offered(page)
    assert f"{day:%A, %B %-d}" in page
    times = offered(page)
    assert times[0] == f"{chair.pk}/{day.isoformat()}/09:00"
    assert times[-1] == f"{chair.pk}/{day.isoformat()}/15:45"
    assert "9:00 AM" in page


def test_the_day_picker_leaves_out_closed_days_and_pages_by_thirty_days(client_as, cleared, chair):
    client = client_as("patient")

    first = text(client.get(reverse("infusions:book")))
    later = re.search(r"from=(\d{4}-\d\d-\d\d)#times\">Later dates", first).group(1)
    second = text(client.get(reverse("infusions:book"), {"from": later}))

    days = [datetime.fromisoformat(d).date() for d in days_offered(first)]
    assert days and all(d.weekday() != 5 for d in days)  # closed on Saturdays
    assert max(days) < datetime.fromisoformat(later).date()
    assert min(datetime.fromisoformat(d).date() for d in days_offered(second)) >= (
        datetime.fromisoformat(later).date()
    )
    assert "Earlier dates" in second


def test_only_open_locations_are_offered(client_as, cleared, chair, location):
    coming = LocationFactory(name="Harbor Infusion Center", status="coming_soon")
    other = LocationFactory(name="Uptown Infusion Center", time_zone="America/Chicago")
    OpeningHoursFactory(
        location=other, weekday=a_weekday_ahead().weekday(), opens=time(8), closes=time(12)
    )
    on_duty(other)
    other_chair = ChairFactory(location=other)
    client = client_as("patient")

    page = text(client.get(reverse("infusions:book")))
    asked_coming = text(client.get(reverse("infusions:book"), {"location": coming.pk}))
    asked_other = text(client.get(reverse("infusions:book"), {"location": other.pk}))

    assert "Uptown Infusion Center" in page
    assert "Harbor Infusion Center" not in page
    assert "Pick a time at Midtown Infusion Center" in asked_coming
    assert "Pick a time at Uptown Infusion Center" in asked_other
    assert "(Central time)" in asked_other
    assert offered(asked_other)[0].startswith(f"{other_chair.pk}/")
    assert offered(asked_other)[0].endswith("/08:00")


def test_the_patient_books_a_free_time_online_with_their_driver(client_as, cleared, chair, patient):
    day = a_weekday_ahead()

    response = client_as("patient").post(
        reverse("infusions:book"),
        pick(chair, day, "11:15", driver_name="Sam Rivera", driver_phone="860 555 0142"),
    )

    assert response.status_code == REDIRECT
    appointment = InfusionAppointment.objects.get()
    assert appointment.starts_at == at(day, 11, 15)
    assert (appointment.driver_name, appointment.driver_phone) == ("Sam Rivera", "+18605550142")
    assert appointment.appointment_type.kind == AppointmentType.Kind.INITIAL
    assert appointment.booked_by == patient
    followed = text(client_as("patient").get(response["Location"]))
    assert f"Infusion booked at Midtown Infusion Center on {day:%A, %B %-d} at 11:15 AM" in followed


def test_the_patient_books_their_plans_kind_and_the_plan_keeps_it(
    client_as, cleared, chair, location, clinician
):
    maintenance = AppointmentType.objects.get(kind=AppointmentType.Kind.MAINTENANCE)
    plan = TreatmentPlan.objects.create(
        patient=cleared,
        location=location,
        initial_type=maintenance,  # a plan may start on any kind the clinician sets
        created_by=clinician,
    )

    client_as("patient").post(reverse("infusions:book"), pick(chair, a_weekday_ahead(), "10:00"))

    appointment = InfusionAppointment.objects.get()
    assert (appointment.appointment_type, appointment.plan) == (maintenance, plan)


def test_a_time_taken_meanwhile_is_refused_by_the_picker_with_fresh_times(
    client_as, cleared, other_record, clinician, chair, front_desk
):
    day = a_weekday_ahead()
    page = text(client_as("patient").get(reverse("infusions:book"), {"day": day.isoformat()}))
    assert f"{chair.pk}/{day.isoformat()}/10:00" in offered(page)
    screen(other_record, clinician, Outcome.CLEARED)
    infusion_book(patient=other_record, chair=chair, starts_at=at(day, 10), booked_by=front_desk)

    response = client_as("patient").post(
        reverse("infusions:book"), pick(chair, day, "10:00", driver_name="Sam Rivera")
    )

    assert response.status_code == 400
    page = text(response)
    assert error_by(page, "id_slot") == "That chair is taken at that time."
    assert f"{chair.pk}/{day.isoformat()}/10:00" not in offered(page)
    assert f"{chair.pk}/{day.isoformat()}/11:30" in offered(page)
    assert f"{day:%A, %B %-d}" in page
    assert 'value="Sam Rivera"' in page
    assert InfusionAppointment.objects.count() == 1


def test_online_the_minimum_notice_is_refused_by_the_picker(client_as, cleared, chair, location):
    location.booking_notice_hours = 24 * 30
    location.save()

    response = client_as("patient").post(
        reverse("infusions:book"), pick(chair, a_weekday_ahead(), "10:00")
    )

    assert response.status_code == 400
    assert "Online bookings need at least 720 hours' notice" in text(response)
    assert not InfusionAppointment.objects.exists()


def test_a_driver_phone_that_cannot_be_called_is_refused_by_its_field(client_as, cleared, chair):
    day = a_weekday_ahead()

    response = client_as("patient").post(
        reverse("infusions:book"), pick(chair, day, "10:00", driver_phone="call me")
    )

    assert response.status_code == 400
    page = text(response)
    assert error_by(page, "id_driver_phone").startswith("Enter a phone number")
    assert re.search(rf'value="{chair.pk}/{day.isoformat()}/10:00"[^>]*checked', page)
    assert not InfusionAppointment.objects.exists()


def test_nothing_picked_asks_for_a_time(client_as, cleared, chair):
    response = client_as("patient").post(reverse("infusions:book"), {"driver_name": ""})

    assert response.status_code == 400
    assert "Pick one of the free times." in text(response)


def test_a_forged_time_is_refused_by_the_picker(client_as, cleared, chair):
    response = client_as("patient").post(reverse("infusions:book"), {"slot": "1/2027-99-99/xx"})

    assert response.status_code == 400
    assert "Pick one of the free times shown." in text(response)


def test_the_patient_page_asks_the_same_queries_whatever_is_booked(
    client_as, cleared, other_record, clinician, chair, front_desk
):
    client = client_as("patient")
    client.get(reverse("infusions:book"))
    with CaptureQueriesContext(connection) as empty:
        client.get(reverse("infusions:book"))
    screen(other_record, clinician, Outcome.CLEARED)
    day = a_weekday_ahead()
    for n in range(12):
        when = day + timedelta(days=n)
        if when.weekday() < 5:
            infusion_book(
                patient=other_record, chair=chair, starts_at=at(when, 13), booked_by=front_desk
            )

    with CaptureQueriesContext(connection) as busy:
        client.get(reverse("infusions:book"))

    assert len(busy) == len(empty)


# The front desk's page ----------------------------------------------------------------


def test_the_desk_sees_the_free_times_with_their_chairs(client_as, cleared, chair):
    day = a_weekday_ahead()

    page = text(
        client_as("front_desk").get(
            reverse("infusions:staff_book", args=[cleared.pk]), {"day": day.isoformat()}
        )
    )

    assert f"{chair.pk}/{day.isoformat()}/09:00" in offered(page)
    assert f"9:00 AM, {chair.name}" in page
    assert "Book the chosen time" in page
    assert "Book the infusion" in page


def test_the_desk_books_a_free_time_of_another_kind(client_as, cleared, chair, front_desk):
    booster = AppointmentType.objects.get(kind=AppointmentType.Kind.BOOSTER)
    day = a_weekday_ahead()
    url = reverse("infusions:staff_book", args=[cleared.pk])
    page = text(client_as("front_desk").get(url, {"type": booster.pk, "day": day.isoformat()}))
    assert f'name="pick-appointment_type" value="{booster.pk}"' in page

    response = client_as("front_desk").post(
        url,
        {
            "form": "pick",
            "pick-slot": f"{chair.pk}/{day.isoformat()}/09:30",
            "pick-appointment_type": booster.pk,
            "pick-driver_name": "",
            "pick-driver_phone": "",
        },
    )

    assert response.status_code == REDIRECT
    appointment = InfusionAppointment.objects.get()
    assert appointment.appointment_type == booster
    assert appointment.starts_at == at(day, 9, 30)
    assert appointment.booked_by == front_desk


def test_the_desk_types_a_time_and_kind_inside_the_online_notice(
    client_as, cleared, chair, location
):
    location.booking_notice_hours = 24 * 30
    location.save()
    booster = AppointmentType.objects.get(kind=AppointmentType.Kind.BOOSTER)
    day = a_weekday_ahead()

    response = client_as("front_desk").post(
        reverse("infusions:staff_book", args=[cleared.pk]),
        {
            "chair": chair.pk,
            "date": day.isoformat(),
            "time": "13:00",
            "appointment_type": booster.pk,
        },
    )

    assert response.status_code == REDIRECT
    appointment = InfusionAppointment.objects.get()
    assert (appointment.appointment_type, appointment.starts_at) == (booster, at(day, 13))


def test_the_desks_pick_of_a_taken_time_is_refused_by_the_picker(
    client_as, cleared, other_record, clinician, chair, front_desk
):
    screen(other_record, clinician, Outcome.CLEARED)
    day = a_weekday_ahead()
    infusion_book(patient=other_record, chair=chair, starts_at=at(day, 10), booked_by=front_desk)

    response = client_as("front_desk").post(
        reverse("infusions:staff_book", args=[cleared.pk]),
        {"form": "pick", "pick-slot": f"{chair.pk}/{day.isoformat()}/10:00"},
    )

    assert response.status_code == 400
    assert error_by(text(response), "id_pick-slot") == "That chair is taken at that time."
    assert InfusionAppointment.objects.count() == 1
