"""The editor's pages: the versions list, the draft page, the preview and the publish form."""

import re

import pytest
from django.urls import reverse

from patients.consent import default as consent_default
from patients.consent.editor import services
from patients.consent.editor.forms import KIND_NEEDED
from patients.models import ConsentDocument
from tests.patients.consent.editor.helpers import (
    SHIPPED_KEYS,
    page_data,
    reloaded,
    save,
    set_sections,
    shipped,
    with_section,
)

pytestmark = pytest.mark.django_db


def field_block(html, field_id):
    """The markup crispy draws for one field: its label, input, help and error."""
    match = re.search(
        rf'<div id="div_{field_id}".*?(?=<div id="div_|</form>|</fieldset>)', html, re.S
    )
    assert match, f"no field {field_id} on the page"
    return match.group(0)


def test_the_versions_list_shows_each_version_and_offers_a_new_one(client_as):
    page = client_as("clinic_admin").get(reverse("patients:consent_versions")).text

    assert "Version 1.0" in page
    assert "Shipped with the portal" in page
    assert reverse("patients:consent_draft_start") in page


def test_starting_a_version_from_the_list_opens_the_draft(client_as):
    client = client_as("clinic_admin")

    response = client.post(reverse("patients:consent_draft_start"))

    draft = ConsentDocument.objects.get(published_at__isnull=True)
    assert response["Location"] == reverse("patients:consent_version", args=[draft.pk])
    listing = client.get(reverse("patients:consent_versions")).text
    assert "Continue the draft" in listing
    assert reverse("patients:consent_draft_start") not in listing


def test_a_published_version_is_shown_read_only_as_patients_read_it(client_as):
    page = (
        client_as("clinic_admin").get(reverse("patients:consent_version", args=[shipped().pk])).text
    )

    assert "Consent version 1.0" in page
    assert '<section class="consent-section" id="consent-off_label">' in page
    assert "<h3>2. Off-label use</h3>" in page
    assert "<textarea" not in page
    assert "never changes" in page


def test_posting_to_a_published_version_changes_nothing(client_as):
    version = shipped()
    client = client_as("clinic_admin")

    responses = [
        client.post(
            reverse("patients:consent_version", args=[version.pk]),
            page_data(version, title="Changed?"),
        ),
        client.post(
            reverse("patients:consent_publish", args=[version.pk]),
            {"change_note": "Again.", "major": "major"},
        ),
    ]

    assert all(r.status_code == 302 for r in responses)
    assert shipped().title == consent_default.TITLE
    assert (shipped().major, shipped().minor) == (1, 0)
    page = client.get(responses[0]["Location"]).text
    assert "Version 1.0 is published and never changes" in page


def test_the_draft_page_offers_every_section_and_an_empty_row_for_a_new_one(client_as, draft):
    page = client_as("clinic_admin").get(reverse("patients:consent_version", args=[draft.pk])).text

    assert 'name="sections-TOTAL_FORMS" value="10"' in page
    assert 'name="sections-0-key" value="treatment"' in page
    assert 'for="id_sections-8-heading"' in page
    assert 'name="sections-9-heading" maxlength="200"' in page  # empty: nothing typed
    assert "A new major version: every patient signs again before their next infusion" in page
    assert "A minor correction: signatures stay valid" in page
    assert "becomes version 2.0; as a minor correction, version 1.1" in page


def test_the_draft_saves_the_edits_and_says_so(client_as, draft):
    url = reverse("patients:consent_version", args=[draft.pk])
    sections = with_section(draft.sections, "risks", heading="Side effects", body="Few.")

    response = client_as("clinic_admin").post(
        url, page_data(draft, sections=sections, title="New title"), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert "Saved the draft." in response.text
    draft = reloaded(draft)
    assert draft.title == "New title"
    assert draft.sections[2] == {"key": "risks", "heading": "Side effects", "body": "Few."}


def test_the_page_adds_moves_and_removes_sections(client_as, draft):
    sections = [dict(s) for s in draft.sections]
    sections[1]["delete"] = True  # off_label
    sections[8]["position"] = 1  # the agreement goes first

    client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(
            draft,
            sections=sections,
            new={"heading": "Photos and recordings", "body": "We take none.", "position": 3},
        ),
    )

    keys = [s["key"] for s in reloaded(draft).sections]
    assert keys == [
        "acknowledgement",
        "treatment",
        "photos_and_recordings",
        "risks",
        "alternatives",
        "escort_and_driving",
        "payment",
        "right_to_stop",
        "emergencies",
    ]


def test_a_section_without_heading_is_refused_by_the_field_keeping_the_typing(client_as, draft):
    sections = with_section(draft.sections, "treatment", heading="")
    sections = with_section(sections, "payment", body="Typed but not saved.")

    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(draft, sections=sections, title="A typed title"),
    )

    assert response.status_code == 200
    assert services.HEADING_NEEDED in field_block(response.text, "id_sections-0-heading")
    assert "Typed but not saved." in response.text
    assert 'value="A typed title"' in response.text
    assert reloaded(draft).sections == shipped().sections


def test_a_new_section_with_a_taken_key_is_refused_by_its_heading(client_as, draft):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(draft, new={"heading": "Risks", "body": "More risks."}),
    )

    assert response.status_code == 200
    block = field_block(response.text, "id_sections-9-heading")
    assert services.DUPLICATE_KEY.format(other=3, key="risks") in block
    assert 'value="Risks"' in block
    assert "More risks." in response.text
    assert len(reloaded(draft).sections) == len(SHIPPED_KEYS)


def test_an_empty_title_is_refused_by_the_field(client_as, draft):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]), page_data(draft, title="")
    )

    assert response.status_code == 200
    assert services.TITLE_NEEDED in field_block(response.text, "id_title")


def test_the_preview_shows_the_saved_draft_as_patients_will_read_it(client_as, draft):
    save(draft, sections=with_section(draft.sections, "payment", body="You pay **weekly**."))
    client = client_as("clinic_admin")
    url = reverse("patients:consent_preview", args=[draft.pk])

    as_major = client.get(url).text
    as_minor = client.get(url, {"as": "minor"}).text

    assert "<strong>weekly</strong>" in as_major
    assert '<p class="consent-version">Version 2.0</p>' in as_major
    assert '<p class="consent-version">Version 1.1</p>' in as_minor
    assert "Preview of the draft" in as_major
    assert (reloaded(draft).major, reloaded(draft).minor) == (services.DRAFT_MAJOR, 1)


def test_publishing_without_a_note_or_a_choice_keeps_the_draft_and_the_typing(client_as, draft):
    url = reverse("patients:consent_publish", args=[draft.pk])
    client = client_as("clinic_admin")

    no_choice = client.post(url, {"change_note": "Typed note."})
    no_note = client.post(url, {"change_note": "", "major": "minor"})

    assert no_choice.status_code == 200
    assert KIND_NEEDED in no_choice.text
    assert "Typed note." in field_block(no_choice.text, "id_publish_change_note")
    assert no_note.status_code == 200
    assert services.CHANGE_NOTE_NEEDED in field_block(no_note.text, "id_publish_change_note")
    assert re.search(r'value="minor"[^>]*\bchecked', no_note.text)
    assert not reloaded(draft).is_published


def test_publishing_from_the_page_names_what_is_wrong(client_as, draft):
    set_sections(draft, [])

    response = client_as("clinic_admin").post(
        reverse("patients:consent_publish", args=[draft.pk]),
        {"change_note": "Removed everything.", "major": "major"},
    )

    assert response.status_code == 200
    assert services.NO_SECTIONS in response.text
    assert "Removed everything." in response.text
    assert not reloaded(draft).is_published


@pytest.mark.parametrize(
    ("kind", "label", "said"),
    [
        ("major", "2.0", "every patient signs it before their next infusion"),
        ("minor", "1.1", "earlier signatures of version 1 stay valid"),
    ],
)
def test_publishing_from_the_page_makes_the_draft_current(
    client_as, clinic_admin, draft, kind, label, said
):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_publish", args=[draft.pk]),
        {"change_note": "Reworded.", "major": kind},
        follow=True,
    )

    assert response.redirect_chain == [(reverse("patients:consent_versions"), 302)]
    assert f"Version {label} is published: {said}." in response.text
    current = ConsentDocument.objects.current()
    assert current == draft
    assert current.version_label == label
    assert current.published_by == clinic_admin
