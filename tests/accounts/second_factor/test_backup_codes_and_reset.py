"""Backup codes later, from the settings page, and a clinic admin resetting a lost phone."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from clinic.accounts import second_factor
from tests.access import FORBIDDEN, TO_LOGIN, assert_sent_to_login
from tests.accounts.second_factor.helpers import (
    STAFF_PERSONAS,
    sent_to_second_step,
    set_up_authenticator,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", TO_LOGIN), ("patient", FORBIDDEN)] + [(p, 200) for p in STAFF_PERSONAS],
)
def test_the_two_step_settings_page_is_for_staff(client_as, persona, expected):
    url = reverse("second_factor_settings")

    response = client_as(persona).get(url)

    if expected == TO_LOGIN:
        assert_sent_to_login(response, url)
    else:
        assert response.status_code == expected


@pytest.mark.django_db
def test_the_settings_page_says_when_the_second_step_is_off(client_as, settings):
    settings.STAFF_TWO_FACTOR = False

    response = client_as("front_desk").get(reverse("second_factor_settings"))

    assert "turned off on this site" in response.text
    assert "Make a new set" not in response.text


@pytest.mark.django_db
def test_staff_make_a_new_set_of_backup_codes(client_as, clinician):
    client = client_as("clinician")
    old = second_factor.backup_codes_replace(clinician)
    assert "10</strong> unused backup codes" in client.get(reverse("second_factor_settings")).text

    response = client.post(reverse("backup_codes_new"))

    new = list(StaticToken.objects.filter(device__user=clinician).values_list("token", flat=True))
    assert all(code in response.text for code in new)
    assert not any(code in response.text for code in old)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_new_backup_codes_need_the_code_first(client, clinician):
    client.force_login(clinician)

    response = client.post(reverse("backup_codes_new"))

    assert sent_to_second_step(response, reverse("backup_codes_new"))
    assert not StaticToken.objects.filter(device__user=clinician).exists()


@pytest.mark.django_db
def test_patients_get_no_backup_codes(client_as, patient):
    response = client_as("patient").post(reverse("backup_codes_new"))

    assert response.status_code == 302
    assert not StaticToken.objects.filter(device__user=patient).exists()


# Resetting a lost phone --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_clinic_admin_resets_a_lost_phone_without_seeing_its_key(client_as, clinician):
    device = set_up_authenticator(clinician).device
    client = client_as("clinic_admin")

    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.text
    client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})

    assert second_factor.has_second_factor(clinician) is False
    client.force_login(clinician)
    assert client.get(reverse("second_factor"))["Location"].startswith(
        reverse("second_factor_setup")
    )
