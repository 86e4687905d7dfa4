"""A new version of the consent: a major one must be signed again, a minor one asks nothing."""

import pytest
from django.urls import reverse

from infusions.eligibility import infusion_eligibility
from patients.consent.document import consent_html, sha256_hex
from patients.consent.selectors import consent_needed
from tests.factories import consent_signed_by
from tests.logins import log_in
from tests.patients.consent.signing.helpers import LEGAL_NAME, NEW_VERSION, publish, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_v1(record, document):
    consent_signed_by(record, document)
    return record


def test_a_patient_who_signed_the_current_version_has_nothing_to_sign(signed_v1):
    assert consent_needed(signed_v1) is None
    assert NEW_VERSION not in infusion_eligibility(patient=signed_v1).missing


def test_a_new_major_version_must_be_signed_before_the_next_infusion(signed_v1, document):
    new = publish(document, major=2)

    eligibility = infusion_eligibility(patient=signed_v1)

    assert consent_needed(signed_v1) == new
    assert not eligibility.allowed
    assert NEW_VERSION in eligibility.missing


def test_after_a_new_major_version_the_dashboard_asks_for_the_new_signature(
    client, patient, signed_v1, document
):
    publish(document, major=2)
    log_in(client, patient)

    page = client.get(reverse("patients:dashboard")).text

    assert "The clinic has updated its consent. Please read and sign version 2.0" in page
    assert reverse("patients:consent_sign") in page


def test_after_a_new_major_version_the_front_desk_sees_a_new_version_to_sign(
    client_as, signed_v1, document
):
    publish(document, major=2)

    page = client_as("front_desk").get(reverse("infusions:staff_patients")).text

    assert LEGAL_NAME in page
    assert "New version to sign" in page


def test_after_a_new_major_version_the_signing_page_shows_it_and_names_the_old_one(
    client, patient, signed_v1, document
):
    new = publish(document, major=2)
    log_in(client, patient)

    response = client.get(reverse("patients:consent_sign"))

    assert response.status_code == 200
    assert "since you signed version 1.0" in response.text
    assert "Please read and sign version 2.0" in response.text
    assert f'value="{sha256_hex(consent_html(new))}"' in response.text


def test_signing_the_new_major_version_settles_it(signed_v1, document):
    new = publish(document, major=2)

    sign(signed_v1, new)

    assert consent_needed(signed_v1) is None
    assert NEW_VERSION not in infusion_eligibility(patient=signed_v1).missing


def test_a_new_minor_version_asks_nothing_of_a_patient_who_signed(
    client_as, patient, signed_v1, document
):
    publish(document, major=1, minor=1)

    dashboard = client_as("patient").get(reverse("patients:dashboard")).text
    sign_page = client_as("patient").get(reverse("patients:consent_sign"))
    staff_list = client_as("front_desk").get(reverse("infusions:staff_patients")).text

    assert consent_needed(signed_v1) is None
    assert NEW_VERSION not in infusion_eligibility(patient=signed_v1).missing
    assert "The clinic has updated its consent" not in dashboard
    assert "Signed on 2026-01-01 09:00:00 EST (America/New_York) (version 1.0)" in dashboard
    assert sign_page.status_code == 302
    assert "New version to sign" not in staff_list
    assert ">Signed</span>" in staff_list
