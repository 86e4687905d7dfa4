"""Staff who typed only their password see the public site and the code pages, nothing else."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from patients.models import Patient
from tests.accounts.second_factor.helpers import STAFF_PERSONAS, sent_to_second_step
from tests.factories import UserFactory
from tests.logins import log_in


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


@pytest.mark.django_db
def test_log_in_helper_verifies_staff_with_a_real_device(client, front_desk):
    log_in(client, front_desk)

    assert client.get("/staff/").status_code == 200
    assert TOTPDevice.objects.filter(user=front_desk, confirmed=True).count() == 1
