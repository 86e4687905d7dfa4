"""Checking a PDF, or a stored PDF by its number, against the signed consents on record."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clinic.audit.models import AccessEvent
from patients.consent.pdf import consent_store_pdf
from tests.patients.consent.signing.helpers import PDF, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered(record, document):
    """A real signature with its real PDF, rendered and stored as the task does it."""
    signature = sign(record, document)
    assert consent_store_pdf(signature_id=signature.pk)
    signature.refresh_from_db()
    with signature.pdf.open("rb") as pdf:
        return signature, pdf.read()


def verify(client, data: bytes):
    return client.post(
        reverse("patients:staff_consent_verify"),
        {"pdf": SimpleUploadedFile("consent.pdf", data, content_type="application/pdf")},
    )


def test_the_stored_pdf_matches_its_signature(client_as, rendered):
    signature, data = rendered

    response = verify(client_as("clinician"), data)

    assert response.status_code == 200
    assert f"This PDF matches signed consent no. {signature.pk}" in response.text
    assert "No match" not in response.text
    [event] = AccessEvent.objects.all()
    assert (event.action, event.patient) == ("verified", signature.patient)


def test_a_pdf_with_one_byte_changed_does_not_match(client_as, rendered):
    _, data = rendered
    middle = len(data) // 2
    changed = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]

    response = verify(client_as("clinician"), changed)

    assert response.status_code == 200
    assert "No match" in response.text
    assert "This PDF matches" not in response.text
    assert not AccessEvent.objects.exists()


def test_checking_without_a_file_asks_for_one(client_as):
    response = client_as("clinic_admin").post(reverse("patients:staff_consent_verify"), {})

    assert response.status_code == 400
    assert "Choose a PDF file to check." in response.text


def test_a_stored_pdf_checks_out_intact_and_a_damaged_one_does_not(client_as, signature):
    url = reverse("patients:staff_consent_verify")
    client = client_as("clinician")

    intact = client.post(url, {"signature": str(signature.pk)})
    assert f"The stored PDF of consent no. {signature.pk} is intact" in intact.text

    with signature.pdf.open("wb") as pdf:
        pdf.write(PDF.replace(b"stand-in", b"stand-by"))
    damaged = client.post(url, {"signature": str(signature.pk)})
    assert "does not match its recorded SHA-256" in damaged.text
    assert AccessEvent.objects.filter(action="verified").count() == 2


def test_checking_a_stored_pdf_that_does_not_exist_says_so_by_the_field(client_as):
    response = client_as("clinician").post(
        reverse("patients:staff_consent_verify"), {"signature": "999999"}
    )

    assert response.status_code == 400
    assert 'id="signature-error">No stored PDF has that number.' in response.text
    assert 'value="999999"' in response.text
