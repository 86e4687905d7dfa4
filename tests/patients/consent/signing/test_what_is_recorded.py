"""What a signature records: who signed, when, from where, and exactly what they read."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from patients.consent.document import consent_html, sha256_hex
from patients.models import ConsentSignature
from tests.logins import log_in
from tests.patients.consent.signing.helpers import section_keys, sign

pytestmark = pytest.mark.django_db


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


def test_signing_twice_keeps_one_legal_record(record, document):
    first = sign(record, document)
    second = sign(record, document)

    assert second == first
    assert ConsentSignature.objects.count() == 1
