"""The consent: whose name signs it, what a signature records, what is refused, who may see
the signed PDF, and signing again when the clinic publishes a new major version."""

import base64
import hashlib
import io
import string
import struct
import zlib
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from clinic.audit.models import AccessEvent
from infusions.eligibility import infusion_eligibility
from patients.consent.document import consent_html, names_match, sha256_hex
from patients.consent.pdf import consent_store_pdf
from patients.consent.selectors import consent_needed
from patients.consent.services import consent_sign
from patients.models import ConsentDocument, ConsentSignature
from tests.access import ALLOWED, FORBIDDEN, NOT_FOUND, TO_LOGIN, assert_responds
from tests.factories import LocationFactory, consent_signed_by
from tests.logins import log_in
from tests.screening.factories import PatientFactory

# For the whole module, not only through fixtures: the persona of a parametrized access test
# is made inside the test, and pytest-django would otherwise run it after the committing tests.
pytestmark = pytest.mark.django_db

LEGAL_NAME = "Jamie Rivera"
STALE = "The consent was updated while you were reading it. Please read the new version."
NEW_VERSION = "The clinic has a new version of the consent that must be signed first."


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


def section_keys(document):
    return [section["key"] for section in document.sections]


def sign(record, document, **overrides):
    """Sign as the patient would through the page: every box ticked, the legal name typed,
    the hash of the text as it was shown."""
    return consent_sign(
        **{
            "patient": record,
            "document": document,
            "typed_name": LEGAL_NAME,
            "acknowledged": section_keys(document),
            "shown_sha256": sha256_hex(consent_html(document)),
            "ip_address": "203.0.113.7",
            "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
            **overrides,
        }
    )


def refusal(record, document, **overrides) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        sign(record, document, **overrides)
    return refused.value


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def png_bytes(size=(500, 150)):
    """A drawing like the canvas makes: a transparent PNG with one dark stroke."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(20, 100), (120, 40), (220, 110)], fill=(17, 17, 17), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (255, 255, 255)).save(buffer, format="JPEG")
    return buffer.getvalue()


def png_url(raw: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_a_broken_checksum() -> bytes:
    """A PNG whose first byte of image data was changed after its checksum was written."""
    raw = png_bytes()
    at = raw.index(b"IDAT") + 8
    return raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1 :]


def png_claiming_to_be_huge() -> bytes:
    """A few dozen bytes whose header says 100,000 by 100,000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b""))
        + png_chunk(b"IEND", b"")
    )


class _Page(HTMLParser):
    """The start tags of a page, and the text inside each element that has an id."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.tags, self.text_by_id, self._open = [], {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in self.VOID:
            return
        self._open.append(attrs.get("id"))
        if attrs.get("id"):
            self.text_by_id[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        for element_id in filter(None, self._open):
            self.text_by_id[element_id] += data

    def inputs(self, name):
        return [attrs for tag, attrs in self.tags if tag == "input" and attrs.get("name") == name]


# Whose name signs -------------------------------------------------------------------------

NAME_LETTERS = string.ascii_letters + "àáâäçèéêëíîïñóôöøúüýÿßÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖØÚÜÝ'-"
NAME_WORDS = st.text(alphabet=NAME_LETTERS, min_size=1, max_size=12)
LEGAL_NAMES = st.lists(NAME_WORDS, min_size=1, max_size=4)
GAPS = st.text(alphabet=" \t\u00a0", min_size=1, max_size=3)


@given(words=LEGAL_NAMES, data=st.data())
def test_the_legal_name_matches_in_any_case_and_with_any_spacing(words, data):
    recased = [
        "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in word) for word in words
    ]
    typed = data.draw(st.text(alphabet=" \t", max_size=3))
    for word in recased:
        typed += word + data.draw(GAPS)

    assert names_match(typed, " ".join(words))


@given(words=LEGAL_NAMES, letter=st.sampled_from(string.ascii_letters), data=st.data())
def test_the_legal_name_with_a_letter_more_does_not_match(words, letter, data):
    legal = " ".join(words)
    at = data.draw(st.integers(min_value=0, max_value=len(legal)))

    assert not names_match(legal[:at] + letter + legal[at:], legal)


@given(words=st.lists(NAME_WORDS, min_size=2, max_size=4), data=st.data())
def test_the_legal_name_with_a_word_left_out_does_not_match(words, data):
    left_out = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    typed = " ".join(w for i, w in enumerate(words) if i != left_out)

    assert not names_match(typed, " ".join(words))


@pytest.mark.parametrize(
    "typed", ["Jamie Riviera", "Rivera Jamie", "Jamie", "Jamie R.", "JamieRivera", "", "   "]
)
def test_another_name_does_not_match(typed):
    assert not names_match(typed, LEGAL_NAME)


@given(typed=st.text(max_size=30), legal=st.text(alphabet=" \t\n\u00a0", max_size=5))
def test_an_empty_legal_name_never_matches(typed, legal):
    assert not names_match(typed, legal)


# What a signature records -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "local", "offset"),
    [
        (
            datetime(2026, 1, 15, 18, 30, 5, tzinfo=UTC),
            "2026-01-15 12:30:05 CST (America/Chicago)",
            timedelta(hours=-6),
        ),
        (
            datetime(2026, 7, 15, 18, 30, 5, tzinfo=UTC),
            "2026-07-15 13:30:05 CDT (America/Chicago)",
            timedelta(hours=-5),
        ),
    ],
    ids=["winter", "summer"],
)
def test_a_signature_records_who_signed_when_where_from_and_exactly_what_they_read(
    record, document, monkeypatch, instant, local, offset
):
    monkeypatch.setattr(timezone, "now", lambda: instant)

    signature = sign(record, document, typed_name="  jamie   RIVERA ")

    signature = ConsentSignature.objects.get(pk=signature.pk)
    assert signature.patient == record
    assert signature.document == document
    assert signature.document.version_label == "1.0"
    assert signature.typed_name == "jamie RIVERA"
    assert signature.signed_at == instant
    assert signature.signed_at.utcoffset() == timedelta(0)
    assert signature.time_zone == "America/Chicago"
    assert signature.signed_at_local == local
    # The wall-clock time read as if it were UTC, minus the real instant: the zone's offset.
    wall_clock = datetime.fromisoformat(signature.signed_at_local[:19]).replace(tzinfo=UTC)
    assert wall_clock - instant == offset
    assert signature.ip_address == "203.0.113.7"
    assert signature.user_agent == "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    assert signature.shown_html == consent_html(document)
    assert signature.shown_sha256 == hashlib.sha256(signature.shown_html.encode()).hexdigest()
    assert not signature.drawn_signature
    assert not signature.pdf_ready


def test_a_signature_through_the_page_records_the_address_and_browser_of_the_request(
    client, patient, record, document
):
    log_in(client, patient)

    response = client.post(
        reverse("patients:consent_sign"),
        {
            "typed_name": "JAMIE RIVERA",
            "acknowledged": section_keys(document),
            "shown_sha256": sha256_hex(consent_html(document)),
        },
        REMOTE_ADDR="198.51.100.23",
        HTTP_USER_AGENT="Mozilla/5.0 (Macintosh) Safari/605.1.15",
    )

    signature = ConsentSignature.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("patients:consent_detail", args=[signature.pk])
    assert signature.patient == record
    assert signature.ip_address == "198.51.100.23"
    assert signature.user_agent == "Mozilla/5.0 (Macintosh) Safari/605.1.15"


# What is refused --------------------------------------------------------------------------


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


# The signing page -------------------------------------------------------------------------


def test_a_refused_signature_keeps_the_typed_name_and_ticked_boxes_and_says_what_is_wrong(
    client, patient, record, document
):
    log_in(client, patient)
    ticked = section_keys(document)[:3]
    unticked = [s["heading"] for s in document.sections[3:]]

    response = client.post(
        reverse("patients:consent_sign"),
        {
            "typed_name": "Jamie Riviera",
            "acknowledged": ticked,
            "shown_sha256": sha256_hex(consent_html(document)),
        },
    )

    page = _Page(response.text)
    assert response.status_code == 400
    [name_input] = page.inputs("typed_name")
    assert name_input["value"] == "Jamie Riviera"
    assert "typed-name-error" in name_input["aria-describedby"].split()
    assert "is-invalid" in name_input["class"].split()
    assert page.text_by_id["typed-name-error"].strip() == (
        "Type your full legal name as it is in your intake: Jamie Rivera."
    )
    assert [box["value"] for box in page.inputs("acknowledged") if "checked" in box] == ticked
    assert page.text_by_id["ack-error"].strip() == (
        "Please confirm each part: " + "; ".join(unticked) + "."
    )
    assert not ConsentSignature.objects.exists()


def test_a_consent_changed_while_the_patient_read_it_is_said_above_the_form(
    client, patient, record, document
):
    log_in(client, patient)

    response = client.post(
        reverse("patients:consent_sign"),
        {
            "typed_name": LEGAL_NAME,
            "acknowledged": section_keys(document),
            "shown_sha256": "0" * 64,
        },
    )

    assert response.status_code == 400
    assert f'<div class="alert alert-danger" role="alert">{STALE}</div>' in response.text
    [name_input] = _Page(response.text).inputs("typed_name")
    assert name_input["value"] == LEGAL_NAME
    assert not ConsentSignature.objects.exists()


@pytest.mark.parametrize(
    ("drawn", "message"),
    [
        pytest.param(
            "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
            "The drawn signature could not be read.",
            id="svg",
        ),
        pytest.param(
            png_url(png_with_a_broken_checksum()),
            "The drawn signature is not valid.",
            id="broken_png",
        ),
    ],
)
def test_a_drawing_that_is_not_a_sound_png_is_refused_by_the_page_beside_the_pad(
    client, patient, record, document, drawn, message
):
    log_in(client, patient)

    response = client.post(
        reverse("patients:consent_sign"),
        {
            "typed_name": LEGAL_NAME,
            "acknowledged": section_keys(document),
            "shown_sha256": sha256_hex(consent_html(document)),
            "drawn_signature": drawn,
        },
    )

    assert response.status_code == 400
    assert f'id="drawn-error" role="alert">{message}</div>' in response.text
    assert not ConsentSignature.objects.exists()


# Who may see a signed consent -------------------------------------------------------------

PDF = b"%PDF-1.7\n% A stand-in for the rendered consent.\n%%EOF\n"


@pytest.fixture
def signature(record, document):
    """The patient persona's signature, its PDF stored (a stand-in: access is tested here)."""
    signature = consent_signed_by(record, document)
    signature.pdf.save("consent.pdf", ContentFile(PDF), save=False)
    signature.pdf_sha256 = sha256_hex(PDF)
    signature.pdf_rendered_at = timezone.now()
    signature.save()
    return signature


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


# Checking a PDF against the record --------------------------------------------------------


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


# A new version ----------------------------------------------------------------------------


def publish(document, *, major, minor=0):
    """A new version made directly, as the consent editor will: the same parts, published."""
    return ConsentDocument.objects.create(
        major=major,
        minor=minor,
        title=document.title,
        introduction=document.introduction,
        sections=document.sections,
        change_note=f"Version {major}.{minor}",
        published_at=timezone.now(),
    )


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


def test_signing_twice_keeps_one_legal_record(record, document):
    first = sign(record, document)
    second = sign(record, document)

    assert second == first
    assert ConsentSignature.objects.count() == 1


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
