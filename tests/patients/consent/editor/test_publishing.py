"""Publishing a draft as a major version or a minor correction, what it refuses, what it means."""

import pytest
from django.core.exceptions import ValidationError

from patients.consent.editor import services
from patients.consent.selectors import consent_needed
from patients.models import ConsentDocument
from tests.factories import consent_signed_by
from tests.patients.consent.editor.helpers import (
    publish,
    publish_errors,
    reloaded,
    save,
    set_sections,
    shipped,
    with_section,
)
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db


def test_a_new_major_version_follows_the_current_major(clinic_admin, draft):
    published = publish(draft, clinic_admin, major=True, note="  Adds the risks of driving.  ")

    assert published.version_label == "2.0"
    assert ConsentDocument.objects.current() == published
    assert published.published_by == clinic_admin
    assert published.published_at is not None
    assert published.change_note == "Adds the risks of driving."


def test_a_minor_correction_follows_the_current_minor(clinic_admin, draft):
    assert publish(draft, clinic_admin, major=False).version_label == "1.1"
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=False
        ).version_label
        == "1.2"
    )
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=True
        ).version_label
        == "2.0"
    )
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=False
        ).version_label
        == "2.1"
    )


def test_a_minor_correction_cannot_add_or_remove_a_part(clinic_admin, draft):
    set_sections(draft, draft.sections[:-1])

    errors = publish_errors(draft, clinic_admin, major=False)

    assert errors["major"] == [services.MINOR_KEEPS_SECTIONS]
    assert not reloaded(draft).is_published
    assert publish(draft, clinic_admin, major=True).version_label == "2.0"


def test_after_publishing_the_next_draft_starts_from_the_new_version(clinic_admin, draft):
    save(draft, sections=with_section(draft.sections, "payment", body="Pay as you go."))
    publish(reloaded(draft), clinic_admin, major=False)

    next_draft = services.consent_draft_start(user=clinic_admin)

    assert next_draft != draft
    assert (next_draft.major, next_draft.minor) == (services.DRAFT_MAJOR, 1)
    assert next(s for s in next_draft.sections if s["key"] == "payment")["body"] == "Pay as you go."


@pytest.mark.parametrize("note", ["", "   "])
def test_publishing_refuses_an_empty_change_note(clinic_admin, draft, note):
    assert publish_errors(draft, clinic_admin, note=note) == {
        "change_note": [services.CHANGE_NOTE_NEEDED]
    }
    assert not reloaded(draft).is_published


def test_publishing_refuses_a_draft_without_sections(clinic_admin, draft):
    set_sections(draft, [])

    assert publish_errors(draft, clinic_admin) == {"__all__": [services.NO_SECTIONS]}
    assert not reloaded(draft).is_published


def test_saving_refuses_to_remove_every_section(draft):
    with pytest.raises(ValidationError) as caught:
        save(draft, sections=[])

    assert caught.value.message_dict == {"__all__": [services.NO_SECTIONS]}
    assert reloaded(draft).sections == shipped().sections


@pytest.mark.parametrize(
    ("field", "message"),
    [("heading", services.HEADING_NEEDED), ("body", services.BODY_NEEDED)],
)
def test_publishing_refuses_a_section_without_heading_or_text(clinic_admin, draft, field, message):
    set_sections(draft, with_section(draft.sections, "risks", **{field: "  "}))

    assert publish_errors(draft, clinic_admin) == {"__all__": [f"Section 3: {message}"]}
    assert not reloaded(draft).is_published


def test_publishing_refuses_two_sections_with_one_key(clinic_admin, draft):
    set_sections(draft, [*draft.sections, {"key": "risks", "heading": "More", "body": "Text."}])

    assert publish_errors(draft, clinic_admin) == {
        "__all__": ["Section 10: " + services.DUPLICATE_KEY.format(other=3, key="risks")]
    }
    assert not reloaded(draft).is_published


def test_after_a_new_major_version_a_patient_who_signed_1_0_must_sign_again(clinic_admin, draft):
    patient = PatientFactory()
    consent_signed_by(patient)
    assert consent_needed(patient) is None

    published = publish(draft, clinic_admin, major=True)

    assert consent_needed(patient) == published


def test_after_a_minor_correction_a_signature_of_1_0_stays_valid(clinic_admin, draft):
    patient = PatientFactory()
    consent_signed_by(patient)

    publish(draft, clinic_admin, major=False)

    assert consent_needed(patient) is None
