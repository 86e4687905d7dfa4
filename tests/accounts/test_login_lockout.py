"""Guessing a password: ten wrong ones for an address from one network lock that address there
for 15 minutes (clinic/accounts/lockout.py), however the address is typed, never anyone else's
network, and a clinic admin can lift the lock at once. Fifty tries for one account in an hour,
from any networks, pause logging in to it for the rest of the hour."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.logins import log_in

PASSWORD = "correct-horse-battery"  # what tests.factories gives everyone
GUESSER = "203.0.113.9"
OWNER = "198.51.100.7"


def sign_in(client, typed, password, *, ip=GUESSER):
    return client.post(reverse("login"), {"username": typed, "password": password}, REMOTE_ADDR=ip)


def guess(client, times, typed="pat@example.com", *, ip=GUESSER):
    for _ in range(times):
        response = sign_in(client, typed, "wrong-guess", ip=ip)
        assert response.status_code == 200, "locked out too soon"


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_every_spelling_of_one_address_counts_towards_one_lock(client, patient):
    guess(client, 4, "pat@example.com")
    guess(client, 3, "PAT@Example.com")
    guess(client, 2, "  Pat@EXAMPLE.COM ")

    response = sign_in(client, "pat@EXAMPLE.com", "wrong-guess")

    assert response.status_code == 429
    assert sign_in(client, "Pat@Example.Com", PASSWORD).status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_tenth_wrong_password_shows_why_and_for_how_long(client, patient, caplog):
    guess(client, 9)

    response = sign_in(client, "pat@example.com", "wrong-guess")

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.text
    assert "Too many attempts" in page
    assert "wrong 10 times in a row from your network" in page
    assert "try again in 15 minutes" in page
    assert reverse("password_reset") in page
    # Logs never carry patient data, not even the address that was guessed at.
    assert "pat@example.com" not in caplog.text


@pytest.mark.django_db
def test_the_right_password_does_not_get_in_while_locked(client, patient):
    guess(client, 10 - 1)
    sign_in(client, "pat@example.com", "wrong-guess")

    response = sign_in(client, "pat@example.com", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_owner_on_another_network_still_signs_in_while_a_guesser_is_locked(client, patient):
    guess(client, 9, ip=GUESSER)
    assert sign_in(client, "pat@example.com", "wrong-guess", ip=GUESSER).status_code == 429

    response = sign_in(client, "pat@example.com", PASSWORD, ip=OWNER)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(patient.pk)


@pytest.mark.django_db
def test_signing_in_starts_the_count_again(client, patient):
    guess(client, 9)
    assert sign_in(client, "pat@example.com", PASSWORD).status_code == 302
    client.post(reverse("logout"))

    guess(client, 9, "PAT@example.com")

    assert sign_in(client, "pat@example.com", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_clinic_admin_lifts_the_lock_from_the_django_admin(client, patient, clinic_admin):
    guess(client, 10 - 1)
    sign_in(client, "pat@example.com", "wrong-guess")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "pat@example.com"
    admin = log_in(client.__class__(), clinic_admin)

    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    deleted = admin.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert "pat@example.com" in listing.text
    assert deleted.status_code == 302
    assert sign_in(client, "pat@example.com", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_patient_cannot_open_the_lockouts(client_as):
    response = client_as("patient").get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Guessing from many networks at once ------------------------------------------------------


def guess_from_many_networks(client, times, typed="pat@example.com"):
    """One wrong password from each of `times` networks: no network reaches its own lock."""
    for n in range(times):
        response = sign_in(client, typed, "wrong-guess", ip=f"192.0.2.{n + 1}")
        assert response.status_code == 200, "paused too soon"


@pytest.mark.django_db
def test_fifty_tries_for_one_account_from_many_networks_pause_logging_in_to_it(client, patient):
    guess_from_many_networks(client, 20, "pat@example.com")
    guess_from_many_networks(client, 20, "PAT@Example.com")
    guess_from_many_networks(client, 10, " Pat@EXAMPLE.COM ")
    attempts = AccessAttempt.objects.count()

    response = sign_in(client, "pat@example.com", PASSWORD, ip=OWNER)

    assert response.status_code == 429
    page = response.text
    assert "too many attempts to log in to this account in the last hour" in page
    assert 'value="pat@example.com"' in page  # the form, with the message beside it
    assert reverse("password_reset") in page
    assert not signed_in(client)
    # The password was not checked, so django-axes counted nothing more.
    assert AccessAttempt.objects.count() == attempts


@pytest.mark.django_db
def test_the_pause_for_one_account_leaves_other_accounts_alone(client, patient, other_patient):
    guess_from_many_networks(client, 50)
    assert sign_in(client, "pat@example.com", PASSWORD, ip=OWNER).status_code == 429

    response = sign_in(client, "other-pat@example.com", PASSWORD, ip=OWNER)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other_patient.pk)
