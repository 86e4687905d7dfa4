"""Who needs a second step, and setting up an authenticator app."""

import base64
import re

import pytest
from django.core.checks import Tags, run_checks
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.accounts import second_factor
from clinic.accounts.roles import Role
from tests.accounts.second_factor.helpers import set_up_authenticator
from tests.factories import UserFactory
from tests.logins import code_from_key, code_now


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "extra", "needed"),
    [
        (Role.PATIENT, {}, False),
        (Role.FRONT_DESK, {}, True),
        (Role.CLINICIAN, {}, True),
        (Role.CLINIC_ADMIN, {"is_staff": True}, True),
        (None, {"is_staff": True, "is_superuser": True}, True),
        (None, {}, False),
    ],
)
def test_everyone_who_can_reach_records_or_settings_needs_a_code(role, extra, needed):
    user = UserFactory(role=role, **extra) if role else UserFactory(**extra)

    assert second_factor.second_factor_required(user) is needed


@pytest.mark.django_db
def test_a_local_demo_can_turn_the_second_step_off(settings, clinician):
    settings.STAFF_TWO_FACTOR = False

    assert second_factor.second_factor_required(clinician) is False


@pytest.mark.parametrize(("on", "warned"), [(True, False), (False, True)])
def test_the_deploy_check_warns_when_the_second_step_is_off(settings, on, warned):
    settings.STAFF_TWO_FACTOR = on

    ids = {
        message.id for message in run_checks(tags=[Tags.security], include_deployment_checks=True)
    }

    assert ("accounts.W001" in ids) is warned


# Setting up an authenticator ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_session_is_offered_the_same_key_until_it_confirms_it_and_no_one_else_is(
    clinician, front_desk
):
    first = second_factor.authenticator_for_setup(clinician, None)

    assert second_factor.authenticator_for_setup(clinician, first.pk).pk == first.pk
    assert second_factor.authenticator_for_setup(clinician, None).key != first.key
    assert second_factor.authenticator_for_setup(front_desk, first.pk).user == front_desk
    assert second_factor.has_second_factor(clinician) is False


@pytest.mark.django_db
def test_keys_shown_over_a_day_ago_and_never_confirmed_are_dropped(clinician):
    stale = second_factor.authenticator_for_setup(clinician, None)
    TOTPDevice.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=2)
    )
    recent = second_factor.authenticator_for_setup(clinician, None)

    second_factor.authenticator_for_setup(clinician, None)

    assert not TOTPDevice.objects.filter(pk=stale.pk).exists()
    assert TOTPDevice.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_a_right_code_confirms_the_app_and_issues_ten_backup_codes(clinician):
    confirmed = set_up_authenticator(clinician)

    assert confirmed.device.confirmed is True
    assert second_factor.has_second_factor(clinician)
    assert len(set(confirmed.backup_codes)) == 10
    assert second_factor.backup_codes_left(clinician) == 10


@pytest.mark.django_db(transaction=True)
def test_confirming_drops_keys_shown_elsewhere_and_tells_the_person_by_email(clinician, mailoutbox):
    shown_elsewhere = second_factor.authenticator_for_setup(clinician, None)

    set_up_authenticator(clinician)

    assert not TOTPDevice.objects.filter(pk=shown_elsewhere.pk).exists()
    assert (
        second_factor.authenticator_confirm(
            clinician, shown_elsewhere.pk, code_now(shown_elsewhere)
        )
        is None
    )
    [notice] = mailoutbox
    assert notice.to == [clinician.email]
    assert "Two-step sign-in is on" in notice.subject
    assert "someone knows your password" in notice.body


@pytest.mark.django_db
def test_a_wrong_code_confirms_nothing(clinician):
    device = second_factor.authenticator_for_setup(clinician, None)
    wrong = f"{(int(code_now(device)) + 1) % 1_000_000:06d}"

    assert second_factor.authenticator_confirm(clinician, device.pk, wrong) is None
    assert second_factor.has_second_factor(clinician) is False


@pytest.mark.django_db
def test_someone_with_an_app_cannot_link_another_without_an_admin(clinician):
    set_up_authenticator(clinician)
    # Whoever has only the password cannot add their own phone.
    intruder = TOTPDevice.objects.create(user=clinician, name="intruder", confirmed=False)

    assert second_factor.authenticator_confirm(clinician, intruder.pk, code_now(intruder)) is None
    assert TOTPDevice.objects.get(pk=intruder.pk).confirmed is False


@pytest.mark.django_db
def test_the_key_is_shown_in_groups_an_app_accepts(clinician):
    device = second_factor.authenticator_for_setup(clinician, None)

    key = second_factor.authenticator_key(device)

    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key)
    assert code_from_key(key) == code_now(device)


@pytest.mark.django_db
def test_the_qr_code_is_an_inline_svg(clinician):
    device = second_factor.authenticator_for_setup(clinician, None)

    data_url = second_factor.authenticator_qr_data_url(device)

    prefix = "data:image/svg+xml;base64,"
    assert data_url.startswith(prefix)
    assert b"<svg" in base64.b64decode(data_url.removeprefix(prefix))
