"""Publishing a questionnaire draft: what it refuses and what new screenings then use."""

import pytest

from screening.editor import services
from screening.models import QuestionnaireVersion
from screening.questions import REQUIRED_CODES
from tests.screening.editor.helpers import publish, publish_errors, question

pytestmark = pytest.mark.django_db


def test_publishing_refuses_a_draft_missing_a_required_question(clinician, draft):
    # The editor never removes one; the admin or a shell could.
    draft.questions.filter(code__in=["pregnant", "phq9_9"]).delete()

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "These questions the screening rules read are missing: pregnant, phq9_9. Add them "
        "back before publishing."
    ]
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


@pytest.mark.parametrize("milder", ["relative", "reduced_effectiveness", ""])
def test_publishing_refuses_a_shipped_safety_question_made_milder(clinician, draft, milder):
    draft.questions.filter(code="ketamine_allergy").update(flag_severity=milder)

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "“ketamine_allergy” is a shipped safety question: a “yes” must raise at least "
        "“Absolute (no infusion until a clinician overrides)”. It can be made graver, never "
        "milder."
    ]


def test_publishing_refuses_a_flag_without_a_reason(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    draft.questions.filter(code="seizures").update(flag_severity="relative", flag_reason="")

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "“seizures” raises a flag, so write the reason the clinician reads on it."
    ]


@pytest.mark.parametrize("note", ["", "   "])
def test_publishing_refuses_an_empty_change_note(clinician, draft, note):
    errors = publish_errors(draft, clinician, note)

    assert errors == {"change_note": [services.CHANGE_NOTE_NEEDED]}


def test_new_screenings_use_the_version_just_published(clinic_admin, draft):
    pregnant = question(draft, "pregnant")
    pregnant.text = "Is there any chance you are pregnant?"
    services.question_save(question=pregnant)

    published = publish(draft, clinic_admin, note="  Plainer pregnancy question.  ")

    current = QuestionnaireVersion.objects.current()
    assert current == draft
    assert question(current, "pregnant").text == "Is there any chance you are pregnant?"
    assert published.published_by == clinic_admin
    assert published.published_at is not None
    assert published.change_note == "Plainer pregnancy question."


def test_after_publishing_the_next_draft_starts_from_the_new_version(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    publish(draft, clinician)

    next_draft = services.questionnaire_draft_start(user=clinician)

    assert next_draft.number == draft.number + 1
    assert next_draft.questions.filter(code="seizures").exists()


def test_the_rules_need_no_more_than_the_shipped_codes():
    # Guards the rule tables above: every floor is a shipped yes/no question.
    from screening.engine import SEVERITY_FLOOR

    assert set(SEVERITY_FLOOR) <= REQUIRED_CODES
