"""The signing page: a refused signature keeps what was typed and says what is wrong, where."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from patients.consent.document import consent_html, sha256_hex
from patients.models import ConsentSignature
from tests.logins import log_in
from tests.patients.consent.signing.drawings import png_url, png_with_a_broken_checksum
from tests.patients.consent.signing.helpers import LEGAL_NAME, STALE, section_keys

pytestmark = pytest.mark.django_db


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
