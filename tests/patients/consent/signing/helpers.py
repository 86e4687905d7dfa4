"""What the signing tests share: the legal name, the messages, signing and publishing."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from patients.consent.document import consent_html, sha256_hex
from patients.consent.services import consent_sign
from patients.models import ConsentDocument

LEGAL_NAME = "Jamie Rivera"
STALE = "The consent was updated while you were reading it. Please read the new version."
NEW_VERSION = "The clinic has a new version of the consent that must be signed first."

PDF = b"%PDF-1.7\n% A stand-in for the rendered consent.\n%%EOF\n"


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
