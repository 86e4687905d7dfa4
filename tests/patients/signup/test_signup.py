"""A patient creates an account, confirms the address, and an invited one needs no confirming."""

import re

import pytest
from django.urls import reverse

from clinic.accounts.models import User
from patients.models import Consultation
from tests.factories import LocationFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Robin",
    "last_name": "Visitor",
    "email": "Robin@Example.com",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def confirm_link(mail):
    return re.search(r"https?://[^/]+(/signup/confirm/\S+/)", mail.body).group(1)


def test_a_new_patient_confirms_the_address_then_logs_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("patients:signup"), FORM)
    assert "Check your e-mail" in response.text
    user = User.objects.get(email="robin@example.com")
    assert not user.is_active
    assert user.groups.filter(name="Patient").exists()

    response = client.get(confirm_link(mailoutbox[0]), follow=True)
    assert "your e-mail address is confirmed" in response.text
    assert response.wsgi_request.user == user


def test_logging_in_before_confirming_explains_and_resends_the_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("patients:signup"), FORM)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("login"), {"username": "robin@example.com", "password": FORM["password1"]}
        )
    assert "Please confirm your e-mail address first" in response.text
    assert len(mailoutbox) == 2


def test_a_wrong_password_on_an_unconfirmed_account_says_nothing_about_it(client):
    UserFactory(email="quiet@example.com", is_active=False)
    response = client.post(reverse("login"), {"username": "quiet@example.com", "password": "x"})
    assert "do not match an account" in response.text


def test_a_tampered_confirmation_link_is_refused(client):
    response = client.get(reverse("patients:signup_confirm", args=["MQ:forged:signature"]))
    assert response.status_code == 400
    assert "This link does not work" in response.text


def test_mistakes_are_explained_by_each_field_and_the_typing_kept(client):
    UserFactory(email="taken@example.com")
    response = client.post(
        reverse("patients:signup"),
        {**FORM, "email": "TAKEN@example.com", "password2": "something else"},
    )
    assert "already exists" not in response.text  # the owner is told by e-mail instead
    assert "The two passwords are not the same." in response.text
    assert 'value="Robin"' in response.text
    assert User.objects.count() == 1


def test_an_invited_person_starts_with_their_details_and_a_working_account(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    from clinic.lib.signed_links import make_token

    consultation = Consultation.objects.create(
        location=LocationFactory(),
        consultant=UserFactory(),
        kind="phone",
        starts_at="2026-06-10T14:00:00Z",
        ends_at="2026-06-10T14:30:00Z",
        full_name="Casey Invited Person",
        email="casey@example.com",
        phone="+18605550142",
    )
    url = reverse("patients:signup") + "?invite=" + make_token("invite", consultation.pk)
    page = client.get(url).text
    assert 'value="casey@example.com"' in page and 'value="Casey"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {**FORM, "first_name": "Casey", "email": "casey@example.com"},
            follow=True,
        )
    assert "Your account is ready" in response.text
    assert User.objects.get(email="casey@example.com").is_active
    assert mailoutbox == []


def test_a_double_clicked_sign_up_makes_one_account_and_says_check_your_email_twice(
    client, mailoutbox
):
    first = client.post(reverse("patients:signup"), FORM)
    second = client.post(reverse("patients:signup"), FORM)
    assert "Check your e-mail" in first.text
    assert "Check your e-mail" in second.text
    assert User.objects.filter(email="robin@example.com").count() == 1
    assert len(mailoutbox) == 1


def test_a_double_click_gets_the_very_page_the_first_click_got(client, mailoutbox):
    # FORM's address is typed in mixed case: the page names it as the account keeps it.
    first = client.post(reverse("patients:signup"), FORM)
    second = client.post(reverse("patients:signup"), FORM)

    assert second.content == first.content
    assert "robin@example.com" in second.text
    assert "Robin@Example.com" not in second.text


def test_a_double_click_past_the_networks_limit_is_refused_like_any_other_sign_up(
    client, mailoutbox
):
    client.post(reverse("patients:signup"), FORM)
    for n in range(9):  # the network's other sign-ups this hour, up to its limit of ten
        client.post(reverse("patients:signup"), {**FORM, "email": f"visitor{n}@example.com"})

    response = client.post(reverse("patients:signup"), FORM)

    assert "Too many sign-ups from your network just now" in response.text
    assert "Check your e-mail" not in response.text
