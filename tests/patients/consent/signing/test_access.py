"""Who may see a signed consent and download its PDF, and which downloads are logged."""

import pytest
from django.urls import reverse

from clinic.audit.models import AccessEvent
from tests.access import ALLOWED, FORBIDDEN, NOT_FOUND, TO_LOGIN, assert_responds
from tests.factories import consent_signed_by
from tests.logins import log_in
from tests.patients.consent.signing.helpers import LEGAL_NAME, PDF

# For the whole module, not only through fixtures: the persona of a parametrized access test
# is made inside the test, and pytest-django would otherwise run it after the committing tests.
pytestmark = pytest.mark.django_db


# Someone else's consent is "not found", so its number tells an outsider nothing.
SIGNATURE_PAGES = {
    "anonymous": TO_LOGIN,
    "patient": ALLOWED,
    "other_patient": NOT_FOUND,
    "front_desk": NOT_FOUND,
    "clinician": ALLOWED,
    "clinic_admin": ALLOWED,
}
# Checking a PDF against every stored consent is for staff who may read consents.
VERIFY_PAGE = {
    **SIGNATURE_PAGES,
    "patient": FORBIDDEN,
    "other_patient": FORBIDDEN,
    "front_desk": FORBIDDEN,
}


@pytest.mark.parametrize(("persona", "expected"), SIGNATURE_PAGES.items())
def test_a_signed_consent_opens_for_its_patient_and_clinical_staff_only(
    client_as, other_patient, signature, persona, expected
):
    url = reverse("patients:consent_detail", args=[signature.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert (LEGAL_NAME in response.text) is (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), SIGNATURE_PAGES.items())
def test_a_signed_pdf_downloads_for_its_patient_and_clinical_staff_only(
    client_as, other_patient, signature, persona, expected
):
    url = reverse("patients:consent_pdf", args=[signature.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    if expected == ALLOWED:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="consent-1.0-{signature.pk}.pdf"'
        )
    else:
        assert b"%PDF" not in response.content


@pytest.mark.parametrize(("persona", "expected"), VERIFY_PAGE.items())
def test_the_verify_page_opens_for_clinical_staff_only(client_as, persona, expected):
    url = reverse("patients:staff_consent_verify")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)


@pytest.mark.parametrize("persona", ["clinician", "clinic_admin"])
def test_a_staff_download_is_written_to_the_access_log(client_as, signature, request, persona):
    response = client_as(persona).get(reverse("patients:consent_pdf", args=[signature.pk]))

    assert response.status_code == 200
    [event] = AccessEvent.objects.all()
    assert event.actor == request.getfixturevalue(persona)
    assert event.patient == signature.patient
    assert event.action == "downloaded"
    assert event.record == f"signed consent {signature.pk}"


@pytest.mark.parametrize("persona", ["patient", "other_patient", "front_desk"])
def test_no_access_is_logged_for_the_patient_or_a_refused_download(client_as, signature, persona):
    client_as(persona).get(reverse("patients:consent_pdf", args=[signature.pk]))

    assert not AccessEvent.objects.exists()


def test_the_page_says_the_pdf_is_being_prepared_until_it_is_stored(
    client, patient, record, document
):
    signature = consent_signed_by(record, document)
    log_in(client, patient)

    download = client.get(reverse("patients:consent_pdf", args=[signature.pk]))
    detail = client.get(reverse("patients:consent_detail", args=[signature.pk]))

    assert download.status_code == 302
    assert download["Location"] == reverse("patients:consent_detail", args=[signature.pk])
    assert 'id="pdf-preparing"' in detail.text
    assert "Check again" in detail.text
    assert "js/check-again" in detail.text  # looks again by itself, a few times
    assert 'id="download-pdf"' not in detail.text


def test_the_page_offers_the_download_once_the_pdf_is_stored(client, patient, signature):
    log_in(client, patient)

    detail = client.get(reverse("patients:consent_detail", args=[signature.pk]))

    assert 'id="download-pdf"' in detail.text
    assert reverse("patients:consent_pdf", args=[signature.pk]) in detail.text
    assert 'id="pdf-preparing"' not in detail.text
    assert "js/check-again" not in detail.text
