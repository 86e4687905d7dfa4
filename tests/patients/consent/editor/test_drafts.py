"""Drafts: one at a time, copied from the current version, edited; section keys kept."""

import pytest
from django.core.exceptions import ValidationError

from patients.consent import default as consent_default
from patients.consent.editor import services
from patients.models import ConsentDocument
from tests.patients.consent.editor.helpers import (
    SHIPPED_KEYS,
    publish,
    publish_errors,
    reloaded,
    save,
    shipped,
    with_section,
)

pytestmark = pytest.mark.django_db


def test_a_new_draft_copies_everything_from_the_current_version(clinic_admin):
    current = shipped()

    draft = services.consent_draft_start(user=clinic_admin)

    assert draft.title == current.title
    assert draft.introduction == current.introduction
    assert draft.sections == current.sections
    assert [s["key"] for s in draft.sections] == SHIPPED_KEYS
    assert not draft.is_published
    assert draft.created_by == clinic_admin
    assert draft.pk != current.pk


def test_a_draft_takes_a_placeholder_number_no_published_version_has(clinic_admin, draft):
    assert (draft.major, draft.minor) == (services.DRAFT_MAJOR, 1)
    assert not ConsentDocument.objects.published().filter(major=services.DRAFT_MAJOR).exists()


def test_starting_a_draft_while_one_exists_returns_that_draft(clinic_admin, draft):
    again = services.consent_draft_start(user=clinic_admin)

    assert again == draft
    assert ConsentDocument.objects.filter(published_at__isnull=True).count() == 1


def test_the_draft_is_not_what_patients_sign_until_it_is_published(draft):
    assert ConsentDocument.objects.current() == shipped()


def test_a_published_version_never_changes(clinic_admin):
    version = shipped()
    before = (version.title, version.introduction, version.sections, version.published_at)

    with pytest.raises(ValidationError, match="Version 1.0 is published and never changes"):
        save(version, title="Changed after publishing")
    with pytest.raises(ValidationError, match="Version 1.0 is published and never changes"):
        publish(version, clinic_admin, major=True)

    version = shipped()
    assert (version.title, version.introduction, version.sections, version.published_at) == before
    assert (version.major, version.minor) == (1, 0)


def test_with_no_published_version_a_draft_starts_from_the_shipped_text(clinic_admin):
    ConsentDocument.objects.all().delete()

    draft = services.consent_draft_start(user=clinic_admin)

    assert draft.title == consent_default.TITLE
    assert [s["key"] for s in draft.sections] == SHIPPED_KEYS


def test_with_no_published_version_the_first_is_1_0_and_cannot_be_minor(clinic_admin):
    ConsentDocument.objects.all().delete()
    draft = services.consent_draft_start(user=clinic_admin)

    assert publish_errors(draft, clinic_admin, major=False) == {"major": [services.FIRST_IS_MAJOR]}
    assert publish(draft, clinic_admin, major=True).version_label == "1.0"


def test_the_draft_saves_new_wording(draft):
    sections = with_section(draft.sections, "payment", body="You pay for each infusion.")

    save(
        draft,
        title="  Consent to  treatment ",
        introduction="Read it.\r\nAsk us.",
        sections=sections,
    )

    draft = reloaded(draft)
    assert draft.title == "Consent to treatment"
    assert draft.introduction == "Read it.\nAsk us."
    assert next(s for s in draft.sections if s["key"] == "payment")["body"] == (
        "You pay for each infusion."
    )


def test_a_reworded_section_keeps_its_key(draft):
    sections = with_section(
        draft.sections, "risks", heading="Side effects and rare dangers", body="Reworded."
    )

    save(draft, sections=sections)

    keys = [s["key"] for s in reloaded(draft).sections]
    assert keys == SHIPPED_KEYS
    assert reloaded(draft).sections[2] == {
        "key": "risks",
        "heading": "Side effects and rare dangers",
        "body": "Reworded.",
    }


def test_a_new_section_takes_its_key_from_its_heading(draft):
    sections = [*draft.sections, {"key": "", "heading": "Photos & recordings", "body": "None."}]

    save(draft, sections=sections)

    assert reloaded(draft).sections[-1]["key"] == "photos_recordings"


def test_a_new_section_key_follows_its_heading_until_it_is_published(clinic_admin, draft):
    save(draft, sections=[*draft.sections, {"key": "", "heading": "Photos", "body": "None."}])
    draft = reloaded(draft)
    renamed = with_section(draft.sections, "photos", heading="Recordings")

    save(draft, sections=renamed)
    published = publish(reloaded(draft), clinic_admin, major=True)
    next_draft = services.consent_draft_start(user=clinic_admin)
    save(next_draft, sections=with_section(next_draft.sections, "recordings", heading="Videos"))

    assert published.sections[-1]["key"] == "recordings"
    assert reloaded(next_draft).sections[-1]["key"] == "recordings"


def test_a_key_patients_never_acknowledged_cannot_be_smuggled_in(draft):
    sections = [*draft.sections, {"key": "made_up", "heading": "Extra", "body": "Text."}]

    save(draft, sections=sections)

    assert reloaded(draft).sections[-1]["key"] == "extra"


def test_saving_refuses_a_new_section_whose_key_another_already_has(draft):
    sections = [*draft.sections, {"key": "", "heading": "Payment", "body": "Again."}]

    with pytest.raises(ValidationError) as caught:
        save(draft, sections=sections)

    assert caught.value.message_dict["__all__"] == [
        "Section 10: " + services.DUPLICATE_KEY.format(other=6, key="payment")
    ]
    assert reloaded(draft).sections == shipped().sections


def test_saving_refuses_an_empty_title_or_a_section_without_heading_or_text(draft):
    sections = with_section(draft.sections, "treatment", heading=" ", body="")

    with pytest.raises(ValidationError) as caught:
        save(draft, title="  ", sections=sections)

    assert caught.value.message_dict == {
        "title": [services.TITLE_NEEDED],
        "__all__": [
            f"Section 1: {services.HEADING_NEEDED}",
            f"Section 1: {services.BODY_NEEDED}",
        ],
    }
    assert reloaded(draft).title == shipped().title
