"""The e-mailed link to a consultation works until the day after it, then says it has expired
and shows nothing of the booking; while it works, no browser keeps a copy of its page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.lib.signed_links import make_token
from patients.models import Consultation

pytestmark = pytest.mark.django_db


def booked(location, consultant, *, starts_at):
    return Consultation.objects.create(
        location=location,
        consultant=consultant,
        kind="phone",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=30),
        full_name="Robin Visitor",
        email="visitor@example.com",
        phone="+18605550142",
        conditions=["migraine"],
    )


def links(consultation):
    token = make_token("consultation", consultation.pk)
    return (
        reverse("patients:consultation_manage", args=[token]),
        reverse("patients:consultation_calendar", args=[token]),
    )


def test_the_link_works_before_and_on_the_day_after(client, location, consultant):
    ended_hours_ago = booked(location, consultant, starts_at=timezone.now() - timedelta(hours=20))
    manage, calendar = links(ended_hours_ago)

    page = client.get(manage)

    assert page.status_code == 200
    assert "Your free consultation" in page.text
    assert "This link has expired" not in page.text
    assert "no-store" in page.headers["Cache-Control"]
    assert client.get(calendar).status_code == 200


def test_a_day_after_the_consultation_the_link_has_expired(client, location, consultant):
    long_ago = booked(location, consultant, starts_at=timezone.now() - timedelta(days=2))
    manage, calendar = links(long_ago)

    page = client.get(manage)

    assert page.status_code == 410
    assert "This link has expired" in page.text
    assert location.name in page.text
    assert "visitor@example.com" not in page.text
    assert client.get(calendar).status_code == 410


def test_an_expired_link_moves_and_cancels_nothing(client, location, consultant):
    long_ago = booked(location, consultant, starts_at=timezone.now() - timedelta(days=2))
    manage, _ = links(long_ago)

    response = client.post(manage, {"action": "cancel", "confirmed": "yes"})

    assert response.status_code == 410
    long_ago.refresh_from_db()
    assert long_ago.status == Consultation.Status.BOOKED
