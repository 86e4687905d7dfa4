"""Who may open each waitlist page: the front desk and clinic admins run the waitlist (the
clinicians hold no waitlist permission), patients see their own places and offers only."""

import pytest
from django.urls import reverse

from infusions.models import WaitlistEntry
from tests.access import ALLOWED, NOT_FOUND, REDIRECT, assert_responds, matrix
from tests.infusions.waitlist.helpers import claim_path

pytestmark = pytest.mark.django_db

DESK = {"front_desk": ALLOWED, "clinic_admin": ALLOWED}
DESK_ACTS = {"front_desk": REDIRECT, "clinic_admin": REDIRECT}


@pytest.fixture
def invite(entry, offer_to):
    return offer_to(entry).invites.get()


def fits_url(chair, starts_at):
    return (
        f"{reverse('infusions:waitlist_fits')}?chair={chair.pk}&starts_at={starts_at.isoformat()}"
    )


@pytest.mark.parametrize(("persona", "expected"), matrix(**DESK).items())
def test_the_desk_opens_the_waitlist(client_as, entry, persona, expected):
    url = reverse("infusions:waitlist")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert (entry.patient.legal_name in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), matrix(**DESK).items())
def test_the_desk_opens_the_form_to_add_a_patient(client_as, cleared, persona, expected):
    url = reverse("infusions:waitlist_add")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Add to the waitlist" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), matrix(**DESK_ACTS).items())
def test_the_desk_takes_a_patient_off_the_waitlist(client_as, entry, persona, expected):
    url = reverse("infusions:waitlist_withdraw", args=[entry.pk])

    response = client_as(persona).post(url)

    assert_responds(response, url, expected)
    entry.refresh_from_db()
    withdrawn = entry.status == WaitlistEntry.Status.WITHDRAWN
    assert withdrawn == (expected == REDIRECT)


@pytest.mark.parametrize(("persona", "expected"), matrix(**DESK).items())
def test_the_desk_sees_who_a_freed_time_fits(client_as, entry, chair, freed, persona, expected):
    url = fits_url(chair, freed)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert (entry.patient.legal_name in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), matrix(**DESK_ACTS).items())
def test_the_desk_offers_a_freed_time(client_as, entry, chair, freed, persona, expected):
    url = fits_url(chair, freed)

    response = client_as(persona).post(url, {"entries": [entry.pk]})

    assert_responds(response, url, expected)
    assert entry.invites.exists() == (expected == REDIRECT)


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_a_patient_opens_their_waitlist(client_as, entry, persona, expected):
    url = reverse("infusions:my_waitlist")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Leave the waitlist for Midtown" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=REDIRECT).items())
def test_a_patient_leaves_the_waitlist(client_as, entry, persona, expected):
    url = reverse("infusions:my_waitlist_leave", args=[entry.pk])

    response = client_as(persona).post(url)

    assert_responds(response, url, expected)
    entry.refresh_from_db()
    assert (entry.status == WaitlistEntry.Status.WITHDRAWN) == (expected == REDIRECT)


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_the_invited_patient_opens_the_offer(client_as, invite, persona, expected):
    url = claim_path(invite)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Take this time" in response.text) == (expected == ALLOWED)


# The second patient -----------------------------------------------------------------------


def test_another_patient_cannot_open_an_offer_sent_to_someone_else(
    client_as, invite, other_cleared
):
    url = claim_path(invite)

    response = client_as("other_patient").get(url)

    assert response.status_code == NOT_FOUND
    assert "Take this time" not in response.text
    assert "This link does not work" in response.text


def test_another_patient_cannot_take_a_time_offered_to_someone_else(
    client_as, invite, other_cleared
):
    url = claim_path(invite)

    response = client_as("other_patient").post(url)

    assert response.status_code == NOT_FOUND
    invite.offer.refresh_from_db()
    assert invite.offer.claimed_at is None
    assert not other_cleared.infusions.exists()


def test_another_patient_does_not_see_someone_elses_places_or_offers(
    client_as, invite, other_cleared
):
    response = client_as("other_patient").get(reverse("infusions:my_waitlist"))

    assert response.status_code == ALLOWED
    assert "You are not on the waitlist anywhere." in response.text
    assert "Times offered to you" not in response.text
    assert claim_path(invite) not in response.text


def test_another_patient_cannot_take_someone_else_off_the_waitlist(client_as, entry, other_cleared):
    response = client_as("other_patient").post(
        reverse("infusions:my_waitlist_leave", args=[entry.pk])
    )

    assert response.status_code == NOT_FOUND
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WAITING
