"""Who may open a patient's own infusion pages: that patient alone; another patient finds
nothing there, and staff use their own pages."""

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from tests.access import ALLOWED, NOT_FOUND, assert_responds, matrix

pytestmark = pytest.mark.django_db

PAGES = ("infusions:my_infusion", "infusions:my_infusion_move", "infusions:my_infusion_cancel")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_the_patient_opens_their_infusions_pages(client_as, booked, name, persona, expected):
    url = reverse(name, args=[booked.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Midtown Infusion Center" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("name", PAGES)
def test_another_patients_infusion_is_not_found_and_cannot_be_changed(
    client_as, booked, other_booked, name
):
    url = reverse(name, args=[other_booked.pk])
    client = client_as("patient")

    opened = client.get(url)
    sent = client.post(url, {"slot": "", "driver_name": "Sam Doe", "driver_phone": ""})

    assert opened.status_code == NOT_FOUND
    assert sent.status_code == NOT_FOUND
    other_booked.refresh_from_db()
    assert other_booked.status == InfusionAppointment.Status.BOOKED
    assert other_booked.driver_name == ""


def test_an_infusion_that_does_not_exist_is_not_found(client_as, booked):
    response = client_as("patient").get(reverse("infusions:my_infusion", args=[booked.pk + 99]))

    assert response.status_code == NOT_FOUND
