"""Two-step sign-in for staff: a password, then a code from an authenticator app.

Staff who typed only their password see the public site and the code pages, nothing else;
patients never meet the second step. Codes come from real devices: the authenticator's code
is computed from its key, as the app on a phone does.
"""

import base64
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.checks import Tags, run_checks
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.accounts import second_factor
from clinic.accounts.roles import Role
from patients.models import Patient
from tests.access import FORBIDDEN, TO_LOGIN, assert_sent_to_login
from tests.factories import UserFactory
from tests.logins import code_from_key, code_now, log_in

STAFF_PERSONAS = ("front_desk", "clinician", "clinic_admin")


def set_up_authenticator(user):
    device = second_factor.authenticator_for_setup(user, None)
    confirmed = second_factor.authenticator_confirm(user, device.pk, code_now(device))
    assert confirmed is not None
    return confirmed


def sent_to_second_step(response, url):
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == reverse("second_factor")
    assert parse_qs(location.query)["next"] == [url]
    return True


# Who needs it -----------------------------------------------------------------------------


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


# Checking a code ----------------------------------------------------------------------------


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


def after_wrong_codes(device, count):
    """The device as it is right after `count` wrong codes in a row."""
    device.throttling_failure_count = count
    device.throttling_failure_timestamp = timezone.now()
    device.save()


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


# Pages before the code ----------------------------------------------------------------------


def staff_addresses():
    """Every address of the portal's own staff pages (a number or a word filling in for an
    object: the code is asked for before the page looks anything up)."""
    found = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                if getattr(p, "app_name", None) != "admin":
                    walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if route.startswith("staff/"):
                    numbered = re.sub(r"<int:\w+>", "1", route)
                    found.append("/" + re.sub(r"<[^>]+>", "x", numbered))

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


STAFF_ADDRESSES = staff_addresses()


def test_the_walk_finds_the_staff_pages():
    assert "/staff/" in STAFF_ADDRESSES
    assert len(STAFF_ADDRESSES) > 20


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*STAFF_ADDRESSES, "/admin/", "/admin/locations/location/"])
@pytest.mark.parametrize("persona", STAFF_PERSONAS)
def test_staff_with_only_a_password_are_sent_to_give_their_code(client, request, persona, url):
    client.force_login(request.getfixturevalue(persona))

    assert sent_to_second_step(client.get(url), url)


@pytest.mark.django_db
def test_a_posted_form_is_refused_before_the_code_too(client, clinic_admin):
    client.force_login(clinic_admin)
    url = reverse("content:staff_faq_new")

    response = client.post(url, {"question": "Q?", "answer": "A."})

    assert sent_to_second_step(response, url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/intake/", "/screening/"])
def test_before_the_code_even_public_pages_ask_for_it(client, url):
    # The intake and the safety questions are open to visitors (to keep a draft) and act for
    # whoever is signed in: a superuser with only a password must not get that far.
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)

    assert sent_to_second_step(client.get(url), url)
    assert not Patient.objects.filter(user=superuser).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/accounts/password-reset/", "/accounts/password-reset/sent/", "/accounts/reset/done/"]
)
def test_before_the_code_a_password_can_still_be_reset(client, clinician, url):
    # The notice e-mail tells someone whose password leaked to reset it first.
    client.force_login(clinician)

    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_staff_can_log_out_without_giving_a_code(client, clinician):
    client.force_login(clinician)

    client.post(reverse("logout"))

    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_patients_never_meet_the_second_step(client, patient):
    client.force_login(patient)

    response = client.get(reverse("patients:dashboard"))

    assert response.status_code == 200
    assert client.get(reverse("second_factor"))["Location"] == reverse("accounts:home")


@pytest.mark.django_db
def test_with_the_second_step_off_a_password_is_enough(client, settings, clinician):
    settings.STAFF_TWO_FACTOR = False
    client.force_login(clinician)

    assert client.get(reverse("accounts:staff_home")).status_code == 200


# The setup page ------------------------------------------------------------------------------


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


# The code page -------------------------------------------------------------------------------


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


# Backup codes, later -------------------------------------------------------------------------


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


# Resetting a lost phone, and the deploy check -------------------------------------------------


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


@pytest.mark.parametrize(("on", "warned"), [(True, False), (False, True)])
def test_the_deploy_check_warns_when_the_second_step_is_off(settings, on, warned):
    settings.STAFF_TWO_FACTOR = on

    ids = {
        message.id for message in run_checks(tags=[Tags.security], include_deployment_checks=True)
    }

    assert ("accounts.W001" in ids) is warned


@pytest.mark.django_db
def test_log_in_helper_verifies_staff_with_a_real_device(client, front_desk):
    log_in(client, front_desk)

    assert client.get("/staff/").status_code == 200
    assert TOTPDevice.objects.filter(user=front_desk, confirmed=True).count() == 1
