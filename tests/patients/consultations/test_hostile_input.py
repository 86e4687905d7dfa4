"""The public consultation form answers odd input with a message beside the field, never a
server error, and keeps invisible direction characters out of what the desk reads."""

import html
import re
from datetime import time

import pytest
from django.urls import reverse

from clinic.accounts.roles import Role
from clinic.locations.models import ConsultantHours, OpeningHours
from patients.models import Consultation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTACT = {
    "kind": "phone",
    "full_name": "Robin Visitor",
    "email": "robin@example.com",
    "phone": "(860) 555-0142",
    "pain_conditions": ["migraine"],
    "preferred_contact_time": "evening",
}


@pytest.fixture
def book_url(location):
    """The booking page of a location open, with its consultant, all day every day."""
    staff = UserFactory(role=Role.FRONT_DESK, email="consultant@example.com")
    location.opening_hours.all().delete()
    for weekday in range(7):
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens=time(0), closes=time(23, 59)
        )
        ConsultantHours.objects.create(
            staff=staff, location=location, weekday=weekday, starts=time(0), ends=time(23, 59)
        )
    return reverse("patients:consultation_book", args=[location.slug])


def a_free_time(client, url) -> dict:
    page = client.get(url).text
    day = re.search(r'<input type="hidden" name="day" value="([^"]*)"', page).group(1)
    slot = re.search(r'name="slot" value="([^"]+)"', page).group(1)
    return {"day": day, "slot": slot}


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


@pytest.mark.parametrize("length", [255, 300, 320])
def test_an_address_too_long_for_any_mailbox_is_explained_beside_the_field(
    client, book_url, length
):
    email = "r" * (length - len("@example.com")) + "@example.com"

    response = client.post(book_url, {**CONTACT, **a_free_time(client, book_url), "email": email})

    assert response.status_code == 200
    assert field_errors(response.text, "email") == [
        f"An e-mail address has at most 254 characters; this one has {length}. Please check it."
    ]
    assert f'value="{email}"' in response.text
    assert not Consultation.objects.exists()


def test_a_name_is_booked_without_its_invisible_direction_characters(client, book_url):
    response = client.post(
        book_url,
        {**CONTACT, **a_free_time(client, book_url), "full_name": "Robin \u202eVisitor\u2066"},
    )

    assert response.status_code == 302
    assert Consultation.objects.get().full_name == "Robin Visitor"
