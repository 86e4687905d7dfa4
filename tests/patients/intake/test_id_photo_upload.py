"""The ID photo sent with the intake: checked, and kept in private storage."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.patients.intake.helpers import field_errors, identity, step_url, the_patient

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 25), padding=0):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue() + b"\0" * padding


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_photo_of_the_id_is_kept_in_private_storage(as_patient, patient, media_root):
    photo = SimpleUploadedFile("my licence.png", png_bytes(), content_type="image/png")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": photo})

    assert response.status_code == 302
    saved = the_patient(patient)
    name = saved.id_document_photo.name
    assert name.startswith(f"id-documents/patient-{saved.pk}/") and name.endswith(".png")
    assert "Zephyrine" not in name and "licence" not in name
    on_disk = media_root / "private" / name
    assert on_disk.read_bytes() == png_bytes()
    assert stored_files(media_root) == [on_disk]
    assert on_disk.stat().st_mode & 0o777 == 0o600


def test_an_id_photo_has_no_url(as_patient, patient, media_root):
    photo = SimpleUploadedFile("id.png", png_bytes(), content_type="image/png")
    as_patient.post(step_url("identity"), {**identity(), "id_document_photo": photo})

    stored = the_patient(patient).id_document_photo
    assert stored.name
    assert stored.storage.base_url is None
    with pytest.raises(ValueError, match="Private files have no URL"):
        stored.url  # noqa: B018


def test_a_text_file_named_like_a_picture_is_refused(as_patient, patient, media_root):
    fake = SimpleUploadedFile("x.png", b"my passport number is 123", content_type="image/png")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": fake})

    assert response.status_code == 200
    [error] = field_errors(response.text, "id_document_photo")
    assert "Upload a valid image" in error
    assert not the_patient(patient).id_document_photo
    assert stored_files(media_root) == []


def test_a_photo_over_ten_megabytes_is_refused(as_patient, patient, media_root):
    big = SimpleUploadedFile(
        "id.png", png_bytes(padding=10 * 1024 * 1024), content_type="image/png"
    )

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": big})

    assert response.status_code == 200
    assert field_errors(response.text, "id_document_photo") == [
        "That photo is larger than 10 MB; please send a smaller one."
    ]
    assert not the_patient(patient).id_document_photo
    assert stored_files(media_root) == []


def test_a_picture_in_another_format_is_refused(as_patient, patient, media_root):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("id.gif", buffer.getvalue(), content_type="image/gif")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": gif})

    assert field_errors(response.text, "id_document_photo") == [
        "Please send the photo as a JPEG, PNG or WebP image."
    ]
    assert stored_files(media_root) == []
