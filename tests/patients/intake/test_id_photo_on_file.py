"""A patient's photo of their ID once it is on file: the step opens again to replace it, and
staff who check IDs at the desk see it, each look logged; nobody else does."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clinic.audit.models import AccessEvent
from patients.models import Patient
from tests.logins import log_in
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db

IDENTITY_URL = reverse("patients:intake_step", args=["identity"])


def png(colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 25), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def identity_with(photo_bytes=None) -> dict:
    data = {"id_document_type": "passport", "id_document_expiry": date(2031, 5, 1).isoformat()}
    if photo_bytes is not None:
        data["id_document_photo"] = SimpleUploadedFile("id.png", photo_bytes, "image/png")
    return data


@pytest.fixture
def as_patient(client, patient, media_root):
    log_in(client, patient)
    return client


def photo_url(record) -> str:
    return reverse("patients:staff_id_photo", args=[record.pk])


def test_the_identity_step_opens_again_once_a_photo_is_on_file(as_patient, patient):
    as_patient.post(IDENTITY_URL, identity_with(png()))

    response = as_patient.get(IDENTITY_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "A photo of your ID is on file (uploaded" in page
    assert "Replace the photo (optional)" in page
    assert "id-documents/" not in page  # the stored file's name is never shown


def test_sending_the_step_without_a_new_photo_keeps_the_one_on_file(as_patient, patient):
    as_patient.post(IDENTITY_URL, identity_with(png()))
    kept = Patient.objects.get(user=patient)

    as_patient.post(IDENTITY_URL, identity_with())

    again = Patient.objects.get(user=patient)
    assert again.id_document_photo.name == kept.id_document_photo.name
    assert again.id_document_photo_uploaded_at == kept.id_document_photo_uploaded_at


def test_a_new_photo_replaces_the_one_on_file(as_patient, patient):
    as_patient.post(IDENTITY_URL, identity_with(png()))
    first = Patient.objects.get(user=patient)

    as_patient.post(IDENTITY_URL, identity_with(png(colour=(10, 10, 200))))

    second = Patient.objects.get(user=patient)
    assert second.id_document_photo.name != first.id_document_photo.name
    assert second.id_document_photo_uploaded_at > first.id_document_photo_uploaded_at
    with second.id_document_photo.open("rb") as stored:
        assert stored.read() == png(colour=(10, 10, 200))


@pytest.fixture
def record_with_photo(client, patient, media_root):
    """A patient with a finished intake who then sent a photo of their ID."""
    PatientFactory(user=patient)
    log_in(client, patient)
    client.post(IDENTITY_URL, identity_with(png()))
    client.logout()
    return Patient.objects.get(user=patient)


@pytest.mark.parametrize("role", ["front_desk", "clinician", "clinic_admin"])
def test_staff_who_check_ids_see_the_photo_and_the_look_is_logged(
    client, request, role, record_with_photo
):
    member = request.getfixturevalue(role)
    log_in(client, member)

    response = client.get(photo_url(record_with_photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == png()
    event = AccessEvent.objects.get()
    assert (event.actor, event.patient, event.record) == (
        member,
        record_with_photo,
        "photo of ID",
    )


def test_a_patient_cannot_open_an_id_photo_not_even_their_own(client, patient, record_with_photo):
    log_in(client, patient)

    assert client.get(photo_url(record_with_photo)).status_code == 403
    assert not AccessEvent.objects.exists()


def test_another_patient_cannot_open_the_photo(client, other_patient, record_with_photo):
    log_in(client, other_patient)

    assert client.get(photo_url(record_with_photo)).status_code == 403


def test_a_visitor_is_sent_to_log_in(client, record_with_photo):
    response = client.get(photo_url(record_with_photo))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_patient_with_no_photo_on_file_has_none_to_show(client, front_desk, media_root):
    record = PatientFactory()
    log_in(client, front_desk)

    assert client.get(photo_url(record)).status_code == 404
    assert not AccessEvent.objects.exists()


def test_the_desk_list_links_the_photo_only_when_there_is_one(
    client, front_desk, record_with_photo
):
    PatientFactory(legal_first_name="Noah", legal_last_name="Nophoto")
    log_in(client, front_desk)

    page = client.get(reverse("infusions:staff_patients")).content.decode()

    assert page.count("ID photo<span") == 1
    assert photo_url(record_with_photo) in page
