"""The page that sets up an authenticator app."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.accounts import second_factor
from tests.accounts.second_factor.helpers import (
    after_wrong_codes,
    sent_to_second_step,
    set_up_authenticator,
)
from tests.logins import code_now


@pytest.mark.django_db
def test_first_sign_in_goes_on_to_setting_up_the_app(client, clinician):
    client.force_login(clinician)

    response = client.get(reverse("second_factor") + "?next=/staff/screening/")

    assert response.status_code == 302
    assert response["Location"] == reverse("second_factor_setup") + "?next=%2Fstaff%2Fscreening%2F"


@pytest.mark.django_db
def test_the_setup_page_shows_the_qr_code_and_the_key_and_is_never_cached(client, clinician):
    client.force_login(clinician)

    response = client.get(reverse("second_factor_setup"))

    device = TOTPDevice.objects.get(user=clinician, confirmed=False)
    assert 'src="data:image/svg+xml;base64,' in response.text
    assert second_factor.authenticator_key(device) in response.text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_wrong_setup_code_is_refused_by_the_field_and_kept(client, clinician):
    client.force_login(clinician)
    client.get(reverse("second_factor_setup"))

    response = client.post(reverse("second_factor_setup"), {"code": "12345x"})

    assert response.status_code == 200
    assert "That code did not match" in response.text
    assert "12345x" not in response.text  # a refused code is not shown again
    assert sent_to_second_step(client.get("/staff/"), "/staff/")


@pytest.mark.django_db
def test_a_setup_code_sent_too_soon_after_a_wrong_one_says_how_long_to_wait(client, clinician):
    client.force_login(clinician)
    client.get(reverse("second_factor_setup"))
    device = TOTPDevice.objects.get(user=clinician)
    after_wrong_codes(device, 7)  # 64 seconds

    response = client.post(reverse("second_factor_setup"), {"code": code_now(device)})

    assert "it was not checked. Try again in 2 minutes." in response.text
    assert second_factor.has_second_factor(clinician) is False


@pytest.mark.django_db
def test_two_sessions_with_one_password_are_shown_different_keys(client, clinician):
    other = Client()
    client.force_login(clinician)
    other.force_login(clinician)

    mine = client.get(reverse("second_factor_setup")).text
    theirs = other.get(reverse("second_factor_setup")).text
    again = client.get(reverse("second_factor_setup")).text

    keys = [re.search(r'id="setup-key">([^<]+)<', page).group(1) for page in (mine, theirs, again)]
    assert keys[0] != keys[1]
    assert keys[2] == keys[0]  # a reload keeps the key already scanned


@pytest.mark.django_db
def test_the_right_setup_code_shows_the_backup_codes_once_and_signs_in(client, clinician):
    client.force_login(clinician)
    client.get(reverse("second_factor_setup"))
    device = TOTPDevice.objects.get(user=clinician)

    response = client.post(
        reverse("second_factor_setup"), {"code": code_now(device), "next": "/staff/screening/"}
    )

    tokens = StaticToken.objects.filter(device__user=clinician).values_list("token", flat=True)
    assert len(tokens) == 10
    assert all(token in response.text for token in tokens)
    assert 'href="/staff/screening/"' in response.text
    assert client.get("/staff/").status_code == 200


@pytest.mark.django_db
def test_with_an_app_set_up_the_setup_page_sends_to_the_code_page(client, clinician):
    set_up_authenticator(clinician)
    client.force_login(clinician)

    response = client.get(reverse("second_factor_setup"))

    assert response["Location"].startswith(reverse("second_factor"))
    assert TOTPDevice.objects.filter(user=clinician).count() == 1
