"""Booking a cleared patient from the patient's page and the staff's, each for themselves only."""

from datetime import datetime, time

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from patients.intake.services import intake_save_medications
from tests.access import FORBIDDEN, REDIRECT
from tests.infusions.views.helpers import (
    BOOKERS,
    NEW_YORK,
    Outcome,
    a_weekday_ahead,
    booking_post,
    screen,
)

pytestmark = pytest.mark.django_db


def test_the_patient_page_books_a_cleared_patient(client_as, cleared, patient, chair):
    day = a_weekday_ahead()

    response = client_as("patient").post(reverse("infusions:book"), booking_post(chair, day))

    assert response.status_code == REDIRECT
    appointment = InfusionAppointment.objects.get()
    assert response["Location"] == reverse("infusions:my_infusion", args=[appointment.pk])
    assert appointment.patient == cleared
    assert appointment.chair == chair
    assert appointment.starts_at == datetime.combine(day, time(10), tzinfo=NEW_YORK)
    assert appointment.booked_by == patient


@pytest.mark.parametrize("persona", BOOKERS)
def test_the_staff_page_books_a_cleared_patient(client_as, cleared, chair, persona, request):
    day = a_weekday_ahead()

    response = client_as(persona).post(
        reverse("infusions:staff_book", args=[cleared.pk]), booking_post(chair, day, at="14:30")
    )

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("infusions:staff_list")
    appointment = InfusionAppointment.objects.get()
    assert appointment.patient == cleared
    assert appointment.starts_at == datetime.combine(day, time(14, 30), tzinfo=NEW_YORK)
    assert appointment.booked_by == request.getfixturevalue(persona)


def test_the_patient_page_books_for_the_logged_in_patient_whatever_the_form_names(
    client_as, cleared, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    sneaky = booking_post(chair, patient=other_record.pk, patient_pk=other_record.pk)

    client_as("patient").post(reverse("infusions:book"), sneaky)

    assert InfusionAppointment.objects.get().patient == cleared
    assert not other_record.infusions.exists()


def test_a_patient_not_cleared_cannot_book_by_naming_a_cleared_patient(
    client_as, record, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    sneaky = booking_post(chair, patient=other_record.pk, patient_pk=other_record.pk)

    response = client_as("patient").post(reverse("infusions:book"), sneaky)

    assert response.status_code == 400
    assert not InfusionAppointment.objects.exists()


def test_a_patient_cannot_open_the_staff_booking_page_for_another_patient(
    client_as, cleared, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    url = reverse("infusions:staff_book", args=[other_record.pk])

    opened = client_as("patient").get(url)
    sent = client_as("patient").post(url, booking_post(chair))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


def test_a_booked_infusion_shows_on_hold_when_the_review_reopens(
    client_as, cleared, patient, chair, front_desk
):
    client_as("patient").post(reverse("infusions:book"), booking_post(chair, a_weekday_ahead()))
    assert InfusionAppointment.objects.count() == 1
    intake_save_medications(
        patient=cleared, rows=[{"name": "Nardil", "dose": "15mg"}], takes_no_medications=False
    )

    dashboard = client_as("patient").get(reverse("patients:dashboard"))
    assert "On hold until" in dashboard.text
    listing = client_as("front_desk").get(reverse("infusions:staff_list"))
    assert "On hold" in listing.text
    assert "A clinician has not cleared the screening yet." in listing.text
