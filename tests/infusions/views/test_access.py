"""Who may open each infusion page."""

from datetime import UTC, datetime, time

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import InfusionAppointment
from tests.access import ALLOWED, FORBIDDEN, assert_responds, matrix
from tests.infusions.views.helpers import NEW_YORK, a_weekday_ahead, booking_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_the_patient_booking_page(client_as, cleared, persona, expected):
    url = reverse("infusions:book")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book the infusion" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"),
    matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED).items(),
)
def test_staff_open_the_patient_list(client_as, cleared, persona, expected):
    url = reverse("infusions:staff_patients")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Marisol Quenby-Test" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"),
    matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED).items(),
)
def test_staff_open_the_infusion_list(client_as, cleared, chair, persona, expected, request):
    day = a_weekday_ahead()
    infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=datetime.combine(day, time(10), tzinfo=NEW_YORK).astimezone(UTC),
        booked_by=request.getfixturevalue("front_desk"),
    )
    url = reverse("infusions:staff_list")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Marisol Quenby-Test" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"), matrix(front_desk=ALLOWED, clinic_admin=ALLOWED).items()
)
def test_only_the_front_desk_and_clinic_admins_open_the_staff_booking_page(
    client_as, cleared, persona, expected
):
    url = reverse("infusions:staff_book", args=[cleared.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book the infusion" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("persona", ("patient", "clinician"))
def test_those_who_may_not_book_for_others_cannot_post_to_the_staff_page(
    client_as, cleared, chair, persona
):
    url = reverse("infusions:staff_book", args=[cleared.pk])

    response = client_as(persona).post(url, booking_post(chair))

    assert response.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()
