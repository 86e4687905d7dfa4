"""The patient persona treated in Chicago, the current consent, a signature with its PDF."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from patients.consent.document import sha256_hex
from patients.models import ConsentDocument
from tests.factories import LocationFactory, consent_signed_by
from tests.patients.consent.signing.helpers import PDF
from tests.screening.factories import PatientFactory


@pytest.fixture
def chicago(db):
    return LocationFactory(
        name="Lakeside Infusion Center", city="Chicago", state="IL", time_zone="America/Chicago"
    )


@pytest.fixture
def record(patient, chicago, media_root):
    """The patient persona's finished intake, treated in Chicago."""
    return PatientFactory(
        user=patient,
        legal_first_name="Jamie",
        legal_last_name="Rivera",
        preferred_location=chicago,
    )


@pytest.fixture
def document(db):
    """Version 1.0, as the migration publishes it."""
    return ConsentDocument.objects.current()


@pytest.fixture
def signature(record, document):
    """The patient persona's signature, its PDF stored (a stand-in: access is tested here)."""
    signature = consent_signed_by(record, document)
    signature.pdf.save("consent.pdf", ContentFile(PDF), save=False)
    signature.pdf_sha256 = sha256_hex(PDF)
    signature.pdf_rendered_at = timezone.now()
    signature.save()
    return signature
