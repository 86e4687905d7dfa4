"""The signed consent's PDF: what it says, that it is rendered and stored once, and that
nothing done to the consent afterwards changes it.

The text is read back twice, with pypdf and with poppler's `pdftotext`, so a PDF that only one
reader understands fails. The pages are also drawn as PNGs into test-artifacts/consent-pdf/
for a person to look at.
"""

import base64
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from patients.consent.document import consent_html, sha256_hex
from patients.consent.pdf import consent_store_pdf
from patients.consent.selectors import consent_find_by_pdf
from patients.consent.services import consent_sign
from patients.consent.tasks import render_consent_pdf
from patients.models import ConsentDocument, ConsentSignature
from tests.factories import LocationFactory
from tests.screening.factories import PatientFactory

REPO = Path(__file__).resolve().parents[2]
PAGE_IMAGES = REPO / "test-artifacts" / "consent-pdf"


def poppler(tool: str) -> str:
    """The path of a poppler-utils program. Missing, the test is skipped, unless
    REQUIRE_BROWSER=1 (CI), where a skip would hide a gap."""
    path = shutil.which(tool)
    if path is None:
        reason = f"{tool} is not installed; fix: sudo apt-get install -y poppler-utils"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def run(*args) -> str:
    return subprocess.run(  # noqa: S603 - a poppler program found on PATH, on our own file
        args, check=True, capture_output=True, text=True, timeout=60
    ).stdout


def words(text: str) -> str:
    """The text with every run of spaces and line breaks made one space: PDF readers
    differ in how they lay words out, not in the words."""
    return " ".join(text.split())


def pypdf_pages(data: bytes) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def pdftotext_pages(path: Path) -> list[str]:
    # pdftotext ends every page with a form feed.
    return [words(page) for page in run(poppler("pdftotext"), str(path), "-").split("\f")[:-1]]


def drawing() -> str:
    image = Image.new("RGBA", (500, 150), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(20, 100), (120, 40), (220, 110)], fill=(17, 17, 17), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def record(patient, media_root):
    """The patient persona's finished intake, treated in Chicago."""
    chicago = LocationFactory(
        name="Lakeside Infusion Center", city="Chicago", state="IL", time_zone="America/Chicago"
    )
    return PatientFactory(
        user=patient, legal_first_name="Jamie", legal_last_name="Rivera", preferred_location=chicago
    )


def sign(record, typed_name="Jamie Rivera", **extra):
    document = ConsentDocument.objects.current()
    return consent_sign(
        patient=record,
        document=document,
        typed_name=typed_name,
        acknowledged=[section["key"] for section in document.sections],
        shown_sha256=sha256_hex(consent_html(document)),
        ip_address="203.0.113.7",
        user_agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
        **extra,
    )


def stored(signature) -> bytes:
    signature.refresh_from_db()
    with signature.pdf.open("rb") as pdf:
        return pdf.read()


@pytest.fixture
def signed(record):
    """A consent signed through the service with a drawn signature, its PDF then stored as
    the task stores it."""
    signature = sign(record, drawn_signature=drawing())
    assert consent_store_pdf(signature_id=signature.pk) is True
    signature.refresh_from_db()
    return signature


def assert_the_record_is_in(pages: list[str], signature):
    text = " ".join(pages)
    utc = signature.signed_at
    assert "Signed by: Jamie Rivera" in text
    assert "Signer Jamie Rivera" in text
    assert "Consent to ketamine infusion treatment, version 1.0" in text
    assert "Version 1.0" in text
    assert signature.signed_at_local in text
    assert signature.signed_at_local.endswith("(America/Chicago)")
    assert f"{utc:%Y-%m-%d %H:%M:%S} UTC" in text
    assert f"signed {utc:%Y-%m-%d %H:%M} UTC" in text
    assert "203.0.113.7" in text
    assert signature.shown_sha256 in text
    assert "Drawn signature yes" in text
    # The audit page comes last, after the text the patient read.
    assert "Signature record" in pages[-1]
    assert signature.shown_sha256 in pages[-1]
    assert "What the treatment is" in pages[0]


def assert_numbered(pages: list[str]):
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


# What the PDF says ------------------------------------------------------------------------


def test_the_pdf_names_the_signer_version_times_and_hash_as_pypdf_reads_it(signed):
    pages = pypdf_pages(stored(signed))

    assert_the_record_is_in(pages, signed)
    assert_numbered(pages)


def test_the_pdf_names_the_signer_version_times_and_hash_as_pdftotext_reads_it(signed):
    pages = pdftotext_pages(Path(signed.pdf.path))

    assert_the_record_is_in(pages, signed)
    assert_numbered(pages)
    assert len(pages) == len(PdfReader(signed.pdf.path).pages)


def test_a_name_with_an_apostrophe_and_a_hyphen_is_printed_as_typed_on_every_page(
    patient, media_root
):
    record = PatientFactory(
        user=patient, legal_first_name="Siobhán", legal_last_name="O'Brien-Smith"
    )
    signature = sign(record, typed_name="Siobhán O'Brien-Smith")
    consent_store_pdf(signature_id=signature.pk)

    pages = pypdf_pages(stored(signature))

    for text in pages:
        assert "Siobhán O'Brien-Smith" in text
        assert "u0027" not in text


# Rendered once ----------------------------------------------------------------------------


def test_the_stored_file_is_the_one_whose_hash_is_recorded(signed):
    data = stored(signed)

    assert data.startswith(b"%PDF-")
    assert sha256_hex(data) == signed.pdf_sha256
    assert signed.pdf_rendered_at is not None
    assert signed.pdf.name.startswith(f"consents/patient-{signed.patient_id}/")
    assert consent_find_by_pdf(data) == signed


def test_storing_again_returns_false_and_leaves_the_pdf_as_it_was(signed, media_root):
    before = stored(signed)
    files = sorted(media_root.rglob("*"))

    again = consent_store_pdf(signature_id=signed.pk)

    after = ConsentSignature.objects.get(pk=signed.pk)
    assert again is False
    assert stored(after) == before
    assert (after.pdf.name, after.pdf_sha256, after.pdf_rendered_at) == (
        signed.pdf.name,
        signed.pdf_sha256,
        signed.pdf_rendered_at,
    )
    assert sorted(media_root.rglob("*")) == files


def test_editing_the_consent_afterwards_leaves_the_stored_pdf_byte_for_byte(signed):
    before = stored(signed)
    document = signed.document
    ConsentDocument.objects.filter(pk=document.pk).update(
        title="Consent to esketamine treatment",
        introduction="Rewritten after signing.",
        sections=[{"key": "all", "heading": "Everything", "body": "A different text."}],
    )

    again = consent_store_pdf(signature_id=signed.pk)

    after = ConsentSignature.objects.get(pk=signed.pk)
    assert again is False
    assert stored(after) == before
    assert after.pdf_sha256 == sha256_hex(before)
    assert after.shown_html == signed.shown_html
    assert consent_find_by_pdf(before) == signed


def test_a_pdf_rendered_after_the_consent_was_edited_shows_only_what_the_patient_read(record):
    signature = sign(record)
    ConsentDocument.objects.filter(pk=signature.document_id).update(
        title="A title edited after signing"
    )

    consent_store_pdf(signature_id=signature.pk)

    data = stored(signature)
    assert "edited after signing" not in " ".join(pypdf_pages(data))
    assert "edited after signing" not in (PdfReader(io.BytesIO(data)).metadata.title or "")


def test_the_task_stores_the_pdf_once_the_signature_is_committed(record, task_queue):
    signature = sign(record)
    task_queue.wait()
    first = stored(signature)

    render_consent_pdf.delay(signature_id=signature.pk)
    task_queue.wait()

    assert signature.pdf_ready
    assert sha256_hex(first) == signature.pdf_sha256
    assert stored(signature) == first


# For a person to look at ------------------------------------------------------------------


def test_each_page_is_drawn_as_a_png_for_review(signed):
    pdftoppm = poppler("pdftoppm")
    page_count = len(PdfReader(signed.pdf.path).pages)
    PAGE_IMAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGE_IMAGES.glob("consent-*.png"):
        old.unlink()

    run(pdftoppm, "-r", "60", "-png", signed.pdf.path, str(PAGE_IMAGES / "consent"))

    # pdftoppm numbers the pages from 1, padded to the width of the last number.
    width = len(str(page_count))
    images = [PAGE_IMAGES / f"consent-{n:0{width}d}.png" for n in range(1, page_count + 1)]
    assert sorted(PAGE_IMAGES.glob("consent-*.png")) == images
    for image in images:
        with Image.open(image) as png:
            assert png.format == "PNG"
            assert png.size == (510, 660)  # US Letter at 60 dots per inch


def test_the_periodic_job_renders_a_pdf_whose_task_was_lost(committed_db, record, task_queue):
    from datetime import timedelta

    from django.utils import timezone

    from patients.consent.tasks import render_missing_consent_pdfs
    from patients.models import ConsentSignature
    from tests.factories import consent_signed_by

    signature = consent_signed_by(record)  # signed, but its PDF task never ran
    ConsentSignature.objects.filter(pk=signature.pk).update(
        signed_at=timezone.now() - timedelta(minutes=30)
    )

    assert render_missing_consent_pdfs() == 1  # the job itself only queues the render
    task_queue.wait()

    assert stored(signature).startswith(b"%PDF")
    assert render_missing_consent_pdfs() == 0
