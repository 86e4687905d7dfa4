"""Checking a code: the app's once, backup codes once, waiting after wrong ones."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from clinic.accounts import second_factor
from tests.accounts.second_factor.helpers import after_wrong_codes, set_up_authenticator
from tests.logins import code_now


@pytest.mark.django_db
def test_the_apps_code_is_accepted_once(clinician):
    device = set_up_authenticator(clinician).device
    code = code_now(device, steps_ahead=1)

    assert second_factor.second_factor_check(clinician, code).device == device
    assert second_factor.second_factor_check(clinician, code).device is None


@pytest.mark.django_db
def test_a_backup_code_works_once_typed_any_way(clinician):
    codes = set_up_authenticator(clinician).backup_codes
    typed = codes[0].upper()[:4] + " - " + codes[0].upper()[4:]

    assert second_factor.second_factor_check(clinician, typed).device.name == "Backup codes"
    assert second_factor.backup_codes_left(clinician) == 9
    assert second_factor.second_factor_check(clinician, codes[0]).device is None


@pytest.mark.django_db
def test_someone_elses_code_does_not_work(clinician, front_desk):
    codes = set_up_authenticator(front_desk).backup_codes
    set_up_authenticator(clinician)

    assert second_factor.second_factor_check(clinician, codes[0]).device is None


@pytest.mark.django_db
def test_after_wrong_codes_a_device_waits_before_checking_again(clinician):
    confirmed = set_up_authenticator(clinician)
    backup = StaticDevice.objects.get(user=clinician)
    after_wrong_codes(backup, 8)  # the wait doubles each time: 2**7 = 128 seconds

    result = second_factor.second_factor_check(clinician, confirmed.backup_codes[0])

    assert result.device is None
    assert 120 <= result.wait_seconds <= 128
    assert second_factor.backup_codes_left(clinician) == 10  # nothing was used up


@pytest.mark.django_db
def test_a_mistyped_app_code_does_not_hold_up_the_backup_codes(clinician):
    confirmed = set_up_authenticator(clinician)
    wrong = f"{(int(code_now(confirmed.device)) + 1) % 1_000_000:06d}"

    assert second_factor.second_factor_check(clinician, wrong).device is None
    result = second_factor.second_factor_check(clinician, confirmed.backup_codes[0])

    assert result.device is not None
    assert result.device.name == "Backup codes"


@pytest.mark.django_db
def test_a_new_set_of_backup_codes_replaces_the_old_one(clinician):
    old = set_up_authenticator(clinician).backup_codes

    new = second_factor.backup_codes_replace(clinician)

    assert set(new).isdisjoint(old)
    assert StaticToken.objects.filter(device__user=clinician).count() == 10
    assert second_factor.second_factor_check(clinician, new[1]).device is not None
    assert second_factor.second_factor_check(clinician, old[1]).device is None
