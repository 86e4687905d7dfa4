"""What signing refuses: another name, a part unconfirmed, a changed consent, a bad drawing."""

import base64

import pytest

from patients.consent.document import consent_html, sha256_hex
from patients.models import ConsentSignature
from tests.patients.consent.signing.drawings import (
    jpeg_bytes,
    png_bytes,
    png_claiming_to_be_huge,
    png_url,
    png_with_a_broken_checksum,
)
from tests.patients.consent.signing.helpers import STALE, publish, refusal, section_keys, sign

pytestmark = pytest.mark.django_db


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_name_that_is_not_the_legal_name_is_refused_with_the_name_expected(
    record, document, media_root
):
    error = refusal(record, document, typed_name="Jamie Riviera")

    assert error.message_dict == {
        "typed_name": ["Type your full legal name as it is in your intake: Jamie Rivera."]
    }
    assert not ConsentSignature.objects.exists()
    assert stored_files(media_root) == []


def test_a_part_left_unconfirmed_is_refused_on_the_acknowledgements(record, document):
    risks = next(s for s in document.sections if s["key"] == "risks")

    error = refusal(
        record, document, acknowledged=[k for k in section_keys(document) if k != "risks"]
    )

    assert list(error.message_dict) == ["acknowledged"]
    assert error.message_dict["acknowledged"] == [f"Please confirm each part: {risks['heading']}."]
    assert not ConsentSignature.objects.exists()


def test_a_consent_changed_while_the_patient_read_it_is_refused_as_a_whole(record, document):
    shown = consent_html(document).replace("Ketamine", "Esketamine", 1)

    error = refusal(record, document, shown_sha256=sha256_hex(shown))

    assert not hasattr(error, "error_dict")
    assert error.messages == [STALE]
    assert not ConsentSignature.objects.exists()


def test_a_version_replaced_while_the_patient_read_it_is_refused_as_a_whole(record, document):
    publish(document, major=2)

    error = refusal(record, document)

    assert not hasattr(error, "error_dict")
    assert error.messages == [STALE]
    assert not ConsentSignature.objects.exists()


@pytest.mark.parametrize(
    ("drawn", "message"),
    [
        pytest.param(
            "data:image/jpeg;base64," + base64.b64encode(jpeg_bytes()).decode(),
            "The drawn signature could not be read.",
            id="jpeg_data_url",
        ),
        pytest.param(
            "https://example.com/signature.png",
            "The drawn signature could not be read.",
            id="a_link",
        ),
        pytest.param(
            "data:image/png;base64,not*base64",
            "The drawn signature could not be read.",
            id="not_base64",
        ),
        pytest.param(
            "data:image/png;base64,iVBORw0KGgo",
            "The drawn signature could not be read.",
            id="bad_padding",
        ),
        pytest.param(png_url(jpeg_bytes()), "The drawn signature is not valid.", id="jpeg_as_png"),
        pytest.param(png_url(b"<svg></svg>"), "The drawn signature is not valid.", id="not_image"),
        pytest.param(
            png_url(png_bytes()[:60]), "The drawn signature is not valid.", id="truncated_png"
        ),
        pytest.param(
            png_url(png_bytes(size=(2500, 100))),
            "The drawn signature is not valid.",
            id="too_wide",
        ),
        pytest.param(
            png_url(png_with_a_broken_checksum()),
            "The drawn signature is not valid.",
            id="broken_checksum",
        ),
        pytest.param(
            png_url(png_claiming_to_be_huge()),
            "The drawn signature is not valid.",
            id="decompression_bomb",
        ),
        pytest.param(
            png_url(png_bytes() + b"\0" * 200_000),
            "The drawn signature is too large.",
            id="too_many_bytes",
        ),
    ],
)
def test_a_drawn_signature_that_is_not_a_small_png_is_refused(
    record, document, media_root, drawn, message
):
    error = refusal(record, document, drawn_signature=drawn)

    assert error.message_dict == {"drawn_signature": [message]}
    assert not ConsentSignature.objects.exists()
    assert stored_files(media_root) == []


def test_a_small_png_drawing_is_kept_privately_with_the_signature(record, document, media_root):
    raw = png_bytes()

    signature = sign(record, document, drawn_signature=png_url(raw))

    signature.refresh_from_db()
    name = signature.drawn_signature.name
    assert name.startswith(f"consents/patient-{record.pk}/")
    assert name.endswith(".png")
    assert "rivera" not in name.lower()
    assert (media_root / "private" / name).read_bytes() == raw
    with signature.drawn_signature.open("rb") as stored:
        assert stored.read() == raw
