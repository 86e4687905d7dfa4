"""What the patient reads: a consent version as HTML, its fingerprint, and the name check.

Pure of the database: the same document always gives the same HTML and the same SHA-256,
which is how a signature proves what was shown.
"""

import hashlib

from django.template.loader import render_to_string

from clinic.lib.markdown import render_markdown

from ..models import ConsentDocument


def consent_html(document: ConsentDocument) -> str:
    """The consent exactly as the patient reads it on screen and in the PDF."""
    return render_to_string(
        "patients/consent/_document.html",
        {
            "document": document,
            "introduction": render_markdown(document.introduction),
            "sections": [
                {**section, "html": render_markdown(section["body"])}
                for section in document.sections
            ],
        },
    ).strip()


def sha256_hex(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def normalized_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def names_match(typed: str, legal: str) -> bool:
    """The typed name is the legal name, ignoring case and extra spaces."""
    return bool(legal.strip()) and normalized_name(typed) == normalized_name(legal)
