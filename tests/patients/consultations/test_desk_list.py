"""The front desk's list of consultations and the outcome of each call."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.roles import Role
from clinic.lib.signed_links import read_token
from patients.models import Consultation
from tests.factories import LocationFactory, UserFactory
from tests.patients.consultations.helpers import take_directly

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_locations(location, consultant_all_week):
    harbor = LocationFactory(name="Harbor Point Infusion Center", slug="harbor-point")
    local_midnight = location.local_time(timezone.now()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    soon = (timezone.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    staff = consultant_all_week
    for name, where, starts_at, status in (
        ("Early Today", location, local_midnight, "booked"),
        ("Later Upcoming", location, soon, "booked"),
        ("Yesterday Gone", location, local_midnight - timedelta(days=1), "booked"),
        ("Cancelled Person", location, soon + timedelta(hours=1), "cancelled"),
        ("Harbor Person", harbor, soon + timedelta(hours=2), "booked"),
    ):
        take_directly(where, staff, starts_at, email=f"{name.split()[0].lower()}@example.com")
        Consultation.objects.filter(starts_at=starts_at).update(full_name=name, status=status)
    return location, harbor


def test_the_desk_sees_today_and_upcoming_at_the_chosen_location_only(client_as, two_locations):
    midtown, harbor = two_locations
    client = client_as("front_desk")
    url = reverse("patients:staff_consultations")

    at_midtown = client.get(f"{url}?location={midtown.slug}").text
    at_harbor = client.get(f"{url}?location={harbor.slug}").text

    assert "Early Today" in at_midtown and "Later Upcoming" in at_midtown
    assert at_midtown.index("Early Today") < at_midtown.index("Later Upcoming")
    for absent in ("Yesterday Gone", "Cancelled Person", "Harbor Person"):
        assert absent not in at_midtown
    assert "Harbor Person" in at_harbor
    for absent in ("Early Today", "Later Upcoming"):
        assert absent not in at_harbor


def test_the_list_takes_the_same_queries_for_one_booking_or_many(
    client_as, location, consultant_all_week
):
    client = client_as("front_desk")
    url = f"{reverse('patients:staff_consultations')}?location={location.slug}"
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    take_directly(location, consultant_all_week, start)
    client.get(url)  # the session and permissions, once
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for hour in range(1, 8):
        take_directly(location, UserFactory(role=Role.CLINICIAN), start + timedelta(hours=hour))
    with CaptureQueriesContext(connection) as eight:
        page = client.get(url).text

    assert page.count("Someone Else<br>") == 8
    assert len(eight) == len(one)


def test_marking_converted_twice_sends_one_invitation_to_sign_up(
    client_as, location, consultant_all_week, mailoutbox, django_capture_on_commit_callbacks
):
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    consultation = take_directly(location, consultant_all_week, start, email="casey@example.com")
    client = client_as("front_desk")
    url = reverse("patients:staff_consultation_outcome", args=[consultation.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"outcome": "converted"})
        second = client.post(url, {"outcome": "converted"})  # clicked again

    assert first.status_code == second.status_code == 302
    consultation.refresh_from_db()
    assert consultation.outcome == Consultation.Outcome.CONVERTED
    assert consultation.invited_at is not None
    [invitation] = mailoutbox
    assert invitation.to == ["casey@example.com"]
    link = re.search(r"https?://[^/\s]+(/signup/\?invite=(\S+))", invitation.body)
    assert link, invitation.body
    assert read_token("invite", link.group(2)) == consultation.pk
    assert "Marked invited to become a patient" in [
        h.history_change_reason for h in consultation.history.all()
    ]
    client.logout()
    signup = client.get(link.group(1)).text
    assert 'value="casey@example.com"' in signup


def test_an_unknown_outcome_changes_nothing(client_as, location, consultant_all_week):
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    consultation = take_directly(location, consultant_all_week, start)
    client = client_as("front_desk")

    response = client.post(
        reverse("patients:staff_consultation_outcome", args=[consultation.pk]),
        {"outcome": "new"},
        follow=True,
    )

    assert "Choose called, no answer or converted." in response.text
    consultation.refresh_from_db()
    assert consultation.outcome == Consultation.Outcome.NEW
