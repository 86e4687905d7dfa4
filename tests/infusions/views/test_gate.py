"""The gate on every way in: a patient not cleared, or without a signed consent, is refused."""

import html
from datetime import datetime, time

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from tests.access import FORBIDDEN
from tests.infusions.views.helpers import BOOKERS, Outcome, a_weekday_ahead, booking_post, screen
from tests.logins import log_in
from tests.screening.factories import PatientFactory, submit

pytestmark = pytest.mark.django_db

# Each way a patient can fall short of cleared, and the reason the page gives.
NOT_CLEARED = {
    "not answered": ("no screening", "The safety questions are not answered yet."),
    "waiting for review": ("pending", "A clinician has not cleared the screening yet."),
    "asked a question": (Outcome.INFO_REQUESTED, "A clinician has not cleared the screening yet."),
    "declined": (Outcome.DECLINED, "A clinician declined the screening."),
}


@pytest.mark.parametrize(("state", "reason"), NOT_CLEARED.values(), ids=NOT_CLEARED.keys())
def test_the_patient_page_refuses_a_patient_not_cleared_and_says_why(
    client_as, record, clinician, chair, state, reason
):
    screen(record, clinician, state)
    client = client_as("patient")
    url = reverse("infusions:book")

    opened = client.get(url)
    sent = client.post(url, booking_post(chair))

    assert reason in html.unescape(opened.text)
    assert "Book the infusion" not in opened.text
    assert sent.status_code == 400
    assert reason in html.unescape(sent.text)
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize("persona", BOOKERS)
@pytest.mark.parametrize(("state", "reason"), NOT_CLEARED.values(), ids=NOT_CLEARED.keys())
def test_the_staff_page_refuses_a_patient_not_cleared_and_says_why(
    client_as, record, clinician, chair, persona, state, reason
):
    screen(record, clinician, state)
    client = client_as(persona)
    url = reverse("infusions:staff_book", args=[record.pk])

    opened = client.get(url)
    sent = client.post(url, booking_post(chair))

    assert reason in html.unescape(opened.text)
    assert "Book the infusion" not in opened.text
    assert sent.status_code == 400
    assert reason in html.unescape(sent.text)
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize("persona", ("patient", "front_desk"))
def test_a_cleared_patient_without_a_signed_consent_is_refused_and_told_why(
    client_as, cleared, chair, persona
):
    cleared.consents.all().delete()
    url = (
        reverse("infusions:book")
        if persona == "patient"
        else reverse("infusions:staff_book", args=[cleared.pk])
    )

    response = client_as(persona).post(url, booking_post(chair))

    assert response.status_code == 400
    assert "The consent is not signed yet." in response.text
    assert not InfusionAppointment.objects.exists()


def test_the_staff_page_refuses_a_patient_whose_intake_is_not_finished(client_as, patient, chair):
    unfinished = PatientFactory(user=patient, intake_completed_at=None, takes_no_medications=None)

    response = client_as("front_desk").post(
        reverse("infusions:staff_book", args=[unfinished.pk]), booking_post(chair)
    )

    assert response.status_code == 400
    assert "The intake is not finished." in response.text
    assert not InfusionAppointment.objects.exists()


def admin_booking_post(record, chair, user):
    starts = datetime.combine(a_weekday_ahead(), time(10))
    return {
        "patient": record.pk,
        "chair": chair.pk,
        "starts_at_0": starts.date().isoformat(),
        "starts_at_1": "10:00:00",
        "ends_at_0": starts.date().isoformat(),
        "ends_at_1": "11:30:00",
        "status": "booked",
        "booked_by": user.pk,
    }


@pytest.mark.parametrize("state", ["pending", Outcome.DECLINED, Outcome.CLEARED])
def test_the_admin_never_adds_an_infusion_even_for_a_superuser(
    admin_client, admin_user, record, clinician, chair, state
):
    screen(record, clinician, state)
    url = "/admin/infusions/infusionappointment/add/"

    opened = admin_client.get(url)
    sent = admin_client.post(url, admin_booking_post(record, chair, admin_user))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


def test_the_admin_never_adds_an_infusion_for_a_clinic_admin(client, clinic_admin, record, chair):
    # The clinic admin holds infusions.add_infusionappointment and may use the admin site.
    assert clinic_admin.is_staff
    assert clinic_admin.has_perm("infusions.add_infusionappointment")
    submit(record)
    log_in(client, clinic_admin)
    url = "/admin/infusions/infusionappointment/add/"

    opened = client.get(url)
    sent = client.post(url, admin_booking_post(record, chair, clinic_admin))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()
