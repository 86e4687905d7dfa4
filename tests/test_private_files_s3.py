"""Private files in an S3-compatible bucket (settings: PRIVATE_FILES_BUCKET), for a portal
served by more than one web node: ID photos and signed consent PDFs go to the bucket,
encrypted at rest, never to the node's disk; they come back only through the pages that
check who is asking, and still have no URL of their own."""

import io
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clinic.lib.private_storage import private_storage
from patients.consent.pdf import consent_store_pdf
from patients.models import ConsentDocument, Patient
from tests.logins import log_in
from tests.patients.consent.signing.helpers import sign
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 25), (30, 160, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


def files_on_disk(root):
    return [path for path in root.rglob("*") if path.is_file()]


def test_an_id_photo_goes_to_the_bucket_and_staff_see_it_from_there(
    client, patient, front_desk, private_files_in_s3, s3_server, media_root
):
    PatientFactory(user=patient)
    log_in(client, patient)

    response = client.post(
        reverse("patients:intake_step", args=["identity"]),
        {
            "id_document_type": "passport",
            "id_document_expiry": date(2031, 5, 1).isoformat(),
            "id_document_photo": SimpleUploadedFile("passport.png", png(), "image/png"),
        },
    )

    assert response.status_code == 302
    record = Patient.objects.get(user=patient)
    stored = s3_server.objects(private_files_in_s3)
    assert stored == {record.id_document_photo.name: (png(), "AES256")}
    assert files_on_disk(media_root) == []

    log_in(client, front_desk)
    seen = client.get(reverse("patients:staff_id_photo", args=[record.pk]))

    assert seen.status_code == 200
    assert b"".join(seen.streaming_content) == png()


def test_a_signed_consent_pdf_is_rendered_into_the_bucket_and_downloads_from_it(
    client, patient, private_files_in_s3, s3_server, media_root
):
    record = PatientFactory(user=patient, legal_first_name="Jamie", legal_last_name="Rivera")
    signature = sign(record, ConsentDocument.objects.current())

    assert consent_store_pdf(signature_id=signature.pk)

    signature.refresh_from_db()
    [(key, (pdf, encryption))] = s3_server.objects(private_files_in_s3).items()
    assert key == signature.pdf.name
    assert pdf.startswith(b"%PDF")
    assert encryption == "AES256"
    assert files_on_disk(media_root) == []
    log_in(client, patient)
    download = client.get(reverse("patients:consent_pdf", args=[signature.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == pdf


def test_a_file_in_the_bucket_has_no_url_and_is_never_overwritten(private_files_in_s3):
    first = private_storage.save("consent/patient-1/consent.pdf", ContentFile(b"%PDF first"))
    second = private_storage.save("consent/patient-1/consent.pdf", ContentFile(b"%PDF second"))

    assert first != second
    with private_storage.open(first, "rb") as kept:
        assert kept.read() == b"%PDF first"
    with pytest.raises(ValueError, match="Private files have no URL"):
        private_storage.url(first)
