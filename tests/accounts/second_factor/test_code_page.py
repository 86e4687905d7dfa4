"""The page that asks for the code after the password."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from tests.access import assert_sent_to_login
from tests.accounts.second_factor.helpers import (
    after_wrong_codes,
    sent_to_second_step,
    set_up_authenticator,
)
from tests.logins import code_now


@pytest.mark.django_db
def test_the_apps_code_signs_in_and_goes_on_to_the_page_asked_for(client, clinician):
    device = set_up_authenticator(clinician).device
    client.force_login(clinician)

    response = client.post(
        reverse("second_factor"),
        {"code": code_now(device, steps_ahead=1), "next": "/staff/screening/"},
    )

    assert response["Location"] == "/staff/screening/"
    assert client.get("/staff/screening/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_by_the_field_and_kept(client, clinician):
    set_up_authenticator(clinician)
    client.force_login(clinician)

    response = client.post(reverse("second_factor"), {"code": "99999x"})

    assert response.status_code == 200
    assert "That code did not work" in response.text
    assert "99999x" not in response.text
    assert 'aria-invalid="true"' in response.text


@pytest.mark.django_db
def test_an_empty_code_is_asked_for(client, clinician):
    set_up_authenticator(clinician)
    client.force_login(clinician)

    response = client.post(reverse("second_factor"), {"code": ""})

    assert "This field is required" in response.text


@pytest.mark.django_db
def test_a_backup_code_signs_in_and_says_how_many_are_left(client, clinician):
    codes = set_up_authenticator(clinician).backup_codes
    client.force_login(clinician)

    response = client.post(reverse("second_factor"), {"code": codes[3]}, follow=True)

    assert response.redirect_chain[0][0] == reverse("accounts:home")
    assert "9 left" in response.text


@pytest.mark.django_db
def test_after_wrong_codes_the_page_says_how_long_to_wait(client, clinician):
    codes = set_up_authenticator(clinician).backup_codes
    after_wrong_codes(StaticDevice.objects.get(user=clinician), 9)  # 256 seconds
    client.force_login(clinician)

    response = client.post(reverse("second_factor"), {"code": codes[0]})

    assert "it was not checked. Try again in 5 minutes." in response.text
    assert codes[0] not in response.text
    assert sent_to_second_step(client.get("/staff/"), "/staff/")


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_the_code_page_never_sends_anyone_off_site(client, clinician, next_url):
    codes = set_up_authenticator(clinician).backup_codes
    client.force_login(clinician)

    response = client.post(reverse("second_factor"), {"code": codes[0], "next": next_url})

    assert response["Location"] == reverse("accounts:home")


@pytest.mark.django_db
def test_each_new_sign_in_asks_for_a_code_again(client, clinician):
    codes = set_up_authenticator(clinician).backup_codes
    client.force_login(clinician)
    client.post(reverse("second_factor"), {"code": codes[0]})
    assert client.get("/staff/").status_code == 200

    client.post(reverse("logout"))
    client.force_login(clinician)

    assert sent_to_second_step(client.get("/staff/"), "/staff/")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["second_factor", "second_factor_setup"])
def test_the_code_pages_send_visitors_to_log_in(client, name):
    url = reverse(name)

    assert_sent_to_login(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["second_factor", "second_factor_setup"])
def test_once_verified_the_code_pages_step_aside(client_as, name):
    client = client_as("clinician")

    response = client.get(reverse(name) + "?next=/staff/")

    assert response["Location"] == "/staff/"
