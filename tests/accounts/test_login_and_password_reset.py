"""Logging in, logging out, and getting back in with a reset link sent by e-mail."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from clinic.accounts.tasks import send_password_reset_email
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"  # what tests.factories gives everyone
NEW_PASSWORD = "a-quiet-lake-in-autumn"
RESET_LINK = re.compile(r"https?://\S+/accounts/reset/\S+/\S+/")


def log_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


# Logging in ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["pat@example.com", "PAT@Example.com", "Pat@EXAMPLE.COM"])
def test_a_patient_can_log_in_with_their_address_in_any_case(client, patient, typed):
    response = log_in(client, typed, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    assert logged_in_user_id(client) == str(patient.pk)


@pytest.mark.django_db
def test_logging_in_lands_a_patient_on_their_dashboard(client, patient):
    response = client.post(
        reverse("login"), {"username": "pat@example.com", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("patients:dashboard")
    assert response.status_code == 200


@pytest.mark.django_db
def test_logging_in_from_a_staff_link_returns_there(client, front_desk):
    response = client.post(
        f"{reverse('login')}?next={reverse('locations:staff_list')}",
        {"username": "desk@example.com", "password": PASSWORD},
    )

    assert response["Location"] == reverse("locations:staff_list")


@pytest.mark.django_db
def test_a_wrong_password_shows_why_and_keeps_the_typed_address(client, patient):
    response = log_in(client, "PAT@Example.com", "not-my-password")

    assert response.status_code == 200
    page = response.text
    assert "That e-mail address and password do not match an account." in page
    assert 'value="PAT@Example.com"' in page
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_a_password_typed_in_the_wrong_case_does_not_log_in(client, patient):
    log_in(client, "pat@example.com", PASSWORD.upper())

    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_a_deactivated_account_cannot_log_in(client):
    UserFactory(email="gone@example.com", is_active=False)

    response = log_in(client, "gone@example.com", PASSWORD)

    assert response.status_code == 200
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_a_logged_in_person_visiting_the_login_page_is_sent_on(client_as):
    response = client_as("patient").get(reverse("login"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")


# Logging out -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_logging_out_needs_a_post_so_a_link_cannot_log_anyone_out(client_as):
    client = client_as("patient")

    response = client.get(reverse("logout"))

    assert response.status_code == 405
    assert client.get(reverse("accounts:patient_home")).status_code == 200


@pytest.mark.django_db
def test_logging_out_ends_the_session_and_returns_to_the_home_page(client_as):
    client = client_as("patient")

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("content:home")
    assert logged_in_user_id(client) is None
    assert client.get(reverse("accounts:patient_home")).status_code == 302


@pytest.mark.django_db
def test_every_page_offers_a_logged_in_person_a_log_out_form_that_posts(client_as):
    page = client_as("patient").get(reverse("content:home")).text

    assert re.search(r'<form method="post" action="/accounts/logout/"', page)


# Password reset --------------------------------------------------------------------------


def ask_for_reset(client, email, capture):
    with capture(execute=True):
        return client.post(reverse("password_reset"), {"email": email}, follow=True)


@pytest.mark.django_db
def test_asking_for_a_reset_mails_one_link_to_the_account(
    client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, "pat@example.com", django_capture_on_commit_callbacks)

    assert response.redirect_chain[-1][0] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["pat@example.com"]
    assert "Reset your password" in message.subject
    assert RESET_LINK.search(message.body)


@pytest.mark.django_db
def test_the_reset_link_lets_the_person_choose_a_new_password_and_log_in_with_it(
    client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    ask_for_reset(client, "PAT@example.com", django_capture_on_commit_callbacks)
    link = urlsplit(RESET_LINK.search(mailoutbox[0].body).group(0)).path

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.text
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert done.redirect_chain[-1][0] == reverse("password_reset_complete")
    assert "Your password is changed" in done.text
    assert log_in(client, "pat@example.com", PASSWORD).status_code == 200  # the old one fails
    assert log_in(client, "pat@example.com", NEW_PASSWORD).status_code == 302
    assert logged_in_user_id(client) == str(patient.pk)


@pytest.mark.django_db
def test_a_reset_link_works_only_once(
    client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    ask_for_reset(client, "pat@example.com", django_capture_on_commit_callbacks)
    link = urlsplit(RESET_LINK.search(mailoutbox[0].body).group(0)).path
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    second_visit = client.get(link, follow=True)

    assert "This link has expired" in second_visit.text


@pytest.mark.django_db
def test_the_new_password_must_pass_the_password_rules(
    client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    ask_for_reset(client, "pat@example.com", django_capture_on_commit_callbacks)
    link = urlsplit(RESET_LINK.search(mailoutbox[0].body).group(0)).path
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(set_password_url, {"new_password1": "123", "new_password2": "123"})

    assert response.status_code == 200
    assert "This password is too short" in response.text
    patient.refresh_from_db()
    assert patient.check_password(PASSWORD)


@pytest.mark.django_db
def test_an_unknown_address_gets_no_mail_and_the_same_page_as_a_known_one(
    client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    known = ask_for_reset(client, "pat@example.com", django_capture_on_commit_callbacks)
    mailoutbox.clear()

    unknown = ask_for_reset(client, "nobody@example.com", django_capture_on_commit_callbacks)

    assert mailoutbox == []
    assert unknown.redirect_chain == known.redirect_chain
    assert "Check your e-mail" in unknown.text
    assert unknown.content == known.content


@pytest.mark.django_db
def test_a_deactivated_account_gets_no_reset_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="gone@example.com", is_active=False)

    ask_for_reset(client, "gone@example.com", django_capture_on_commit_callbacks)

    assert mailoutbox == []


@pytest.mark.django_db
def test_the_reset_mail_is_sent_only_once_the_request_has_committed(
    client, patient, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("password_reset"), {"email": "pat@example.com"})

    # Nothing was queued, let alone sent, while the transaction was still open.
    assert mail.outbox == []
    assert len(callbacks) == 1


# The task itself -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_reset_task_mails_a_link_for_the_domain_and_scheme_it_is_given(mailoutbox, patient):
    send_password_reset_email.delay(user_id=patient.pk, domain="clinic.example.com", use_https=True)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["pat@example.com"]
    assert re.search(r"https://clinic\.example\.com/accounts/reset/\S+/\S+/", mailoutbox[0].body)


@pytest.mark.django_db
def test_the_reset_task_mails_nothing_for_a_deactivated_account(mailoutbox):
    inactive = UserFactory(is_active=False)

    send_password_reset_email.delay(
        user_id=inactive.pk, domain="clinic.example.com", use_https=True
    )

    assert mailoutbox == []


@pytest.mark.django_db
def test_the_reset_task_mails_nothing_for_an_account_without_a_password(mailoutbox):
    no_password = UserFactory()
    no_password.set_unusable_password()
    no_password.save()

    send_password_reset_email.delay(
        user_id=no_password.pk, domain="clinic.example.com", use_https=True
    )

    assert mailoutbox == []


@pytest.mark.django_db
def test_the_reset_task_mails_nothing_for_an_account_that_no_longer_exists(mailoutbox):
    send_password_reset_email.delay(user_id=987654, domain="clinic.example.com", use_https=True)

    assert mailoutbox == []


# Where a login may send people -------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example.com/", "//evil.example.com/", "http:evil.example.com"]
)
def test_a_login_link_cannot_send_people_to_another_site(client, patient, next_url):
    response = client.post(
        reverse("login"),
        {"username": "pat@example.com", "password": PASSWORD, "next": next_url},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")


@pytest.mark.django_db
def test_guessing_one_accounts_password_is_stopped_after_ten_tries(client, patient):
    for _ in range(9):
        response = client.post(reverse("login"), {"username": "pat@example.com", "password": "x"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "pat@example.com", "password": "x"})
    assert response.status_code == 429
    response = client.post(
        reverse("login"), {"username": "pat@example.com", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_reset_links_for_one_address_are_limited_to_five_an_hour(client, patient):
    for _ in range(5):
        assert (
            client.post(reverse("password_reset"), {"email": "pat@example.com"}).status_code == 302
        )
    assert client.post(reverse("password_reset"), {"email": "pat@example.com"}).status_code == 429


@pytest.mark.django_db
def test_reset_links_for_one_address_are_counted_however_it_is_typed(client, patient):
    for typed in ["pat@example.com", "PAT@example.com", " Pat@Example.com ", "pat@EXAMPLE.com"]:
        assert client.post(reverse("password_reset"), {"email": typed}).status_code == 302
    assert client.post(reverse("password_reset"), {"email": "pat@example.com"}).status_code == 302

    response = client.post(reverse("password_reset"), {"email": "  PAT@EXAMPLE.COM"})

    assert response.status_code == 429
