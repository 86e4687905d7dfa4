"""Signing up with an address that already has an account: the page answers as for a new
address, so it tells no one which addresses are known; the address's owner is told by e-mail,
and the account stays as it was."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.models import User
from clinic.lib.signed_links import make_token
from patients.models import Consultation
from tests.factories import LocationFactory, UserFactory

FORM = {
    "first_name": "Robin",
    "last_name": "Visitor",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


@pytest.fixture
def owner(db):
    return UserFactory(
        email="owner@example.com", first_name="Olive", last_name="Owner", password="owners-own-pass"
    )


def sign_up(client, email, **extra):
    response = client.post(reverse("patients:signup"), {**FORM, "email": email, **extra})
    # The page names the address typed; everything else must be the same.
    return response.status_code, response.text.replace(email.lower(), "ADDRESS")


def test_an_address_with_an_account_gets_the_same_answer_as_a_new_one(client, owner, mailoutbox):
    new = sign_up(client, "newcomer@example.com")
    known = sign_up(client, "OWNER@example.com")

    assert known == new
    assert new[0] == 200
    assert "Check your e-mail" in new[1]
    assert "already" not in known[1]


def test_the_owner_is_told_by_email_with_links_to_log_in_or_reset_the_password(
    client, owner, mailoutbox
):
    sign_up(client, "owner@example.com")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["owner@example.com"]
    assert "You already have an account" in message.subject
    assert "Hello Olive" in message.body
    assert re.search(rf"https?://[^/]+{reverse('login')}\s", message.body)
    assert re.search(rf"https?://[^/]+{reverse('password_reset')}\s", message.body)


def test_the_account_is_left_as_it_was(client, owner, mailoutbox):
    sign_up(client, "owner@example.com")

    owner.refresh_from_db()
    assert User.objects.filter(email__iexact="owner@example.com").count() == 1
    assert owner.check_password("owners-own-pass")
    assert (owner.first_name, owner.last_name, owner.is_active) == ("Olive", "Owner", True)
    assert not owner.groups.filter(name="Patient").exists()
    assert "_auth_user_id" not in client.session


def test_repeated_attempts_email_the_owner_once_an_hour(client, owner, mailoutbox):
    for _ in range(3):
        sign_up(client, "owner@example.com")

    assert len(mailoutbox) == 1


def test_an_account_never_confirmed_gets_its_confirmation_link_again(client, mailoutbox):
    UserFactory(email="pending@example.com", is_active=False, password="first-try-password")

    sign_up(client, "pending@example.com")

    assert len(mailoutbox) == 1
    assert "Confirm your e-mail address" in mailoutbox[0].subject
    assert "/signup/confirm/" in mailoutbox[0].body


def test_an_account_switched_off_by_staff_gets_nothing_and_stays_off(client, mailoutbox):
    gone = UserFactory(email="gone@example.com", is_active=False, last_login=timezone.now())

    status, page = sign_up(client, "gone@example.com")

    assert (status, "Check your e-mail" in page) == (200, True)
    assert mailoutbox == []
    gone.refresh_from_db()
    assert not gone.is_active


def test_an_invitation_to_an_address_with_an_account_logs_no_one_in(client, owner, mailoutbox):
    consultation = Consultation.objects.create(
        location=LocationFactory(),
        consultant=UserFactory(),
        kind="phone",
        starts_at="2026-06-10T14:00:00Z",
        ends_at="2026-06-10T14:30:00Z",
        full_name="Olive Owner",
        email="owner@example.com",
        phone="+18605550142",
    )
    url = reverse("patients:signup") + "?invite=" + make_token("invite", consultation.pk)

    response = client.post(url, {**FORM, "email": "owner@example.com"})

    assert "Check your e-mail" in response.text
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mailoutbox] == [["owner@example.com"]]
