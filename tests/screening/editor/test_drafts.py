"""Questionnaire drafts: one at a time, copied from the current version, and their edits."""

import pytest
from django.core.exceptions import ValidationError

from screening.editor import services
from screening.models import QuestionnaireVersion
from screening.questions import DEFAULT_QUESTIONS
from tests.screening.editor.helpers import publish, question

pytestmark = pytest.mark.django_db


def test_a_new_draft_copies_every_question_of_the_current_version(clinician):
    current = QuestionnaireVersion.objects.current()

    draft = services.questionnaire_draft_start(user=clinician)

    fields = ("code", "section", "kind", "text", "help_text", "flag_severity", "flag_reason")
    copied = list(draft.questions.order_by("position").values_list(*fields))
    shipped = list(current.questions.order_by("position").values_list(*fields))
    assert copied == shipped
    assert len(copied) == len(DEFAULT_QUESTIONS)
    assert draft.number == current.number + 1
    assert not draft.is_published
    assert draft.created_by == clinician


def test_starting_a_draft_while_one_exists_returns_that_draft(clinician, clinic_admin, draft):
    again = services.questionnaire_draft_start(user=clinic_admin)

    assert again == draft
    assert QuestionnaireVersion.objects.filter(published_at__isnull=True).count() == 1


def test_the_draft_is_not_what_patients_answer_until_it_is_published(clinician, draft):
    assert QuestionnaireVersion.objects.current().number == draft.number - 1


def test_a_published_version_never_changes(clinician):
    version = QuestionnaireVersion.objects.current()
    pregnant = question(version, "pregnant")
    pregnant.text = "Reworded after publishing"

    with pytest.raises(ValidationError, match="published and never changes"):
        services.question_save(question=pregnant)
    with pytest.raises(ValidationError, match="published and never changes"):
        services.questionnaire_question_add(version=version, code="seizures", text="Seizures?")
    with pytest.raises(ValidationError, match="published and never changes"):
        services.questionnaire_question_remove(question=question(version, "pain_score"))
    with pytest.raises(ValidationError, match="published and never changes"):
        publish(version, clinician)

    assert question(version, "pregnant").text == "Are you pregnant, or could you be pregnant?"
    assert version.questions.count() == len(DEFAULT_QUESTIONS)


# Editing the draft --------------------------------------------------------------------------


def test_a_draft_question_can_be_reworded_and_made_graver(draft):
    substance = question(draft, "substance_use")
    substance.text = "Do you use drugs or alcohol heavily, now or in the past?"
    substance.flag_severity = "absolute"

    services.questionnaire_questions_save(version=draft, questions=[substance])

    substance.refresh_from_db()
    assert substance.text == "Do you use drugs or alcohol heavily, now or in the past?"
    assert substance.flag_severity == "absolute"


def test_saving_refuses_to_make_a_shipped_safety_question_milder(draft):
    pregnant = question(draft, "pregnant")
    pregnant.flag_severity = "relative"

    with pytest.raises(ValidationError) as caught:
        services.question_save(question=pregnant)

    assert (
        "“pregnant” is a shipped safety question" in caught.value.message_dict["flag_severity"][0]
    )
    assert question(draft, "pregnant").flag_severity == "absolute"


def test_a_clinician_may_add_a_yes_no_question_and_remove_it_again(draft):
    added = services.questionnaire_question_add(
        version=draft,
        code="Seizure_History",
        text="Have you ever had a seizure?",
        flag_severity="relative",
        flag_reason="A history of seizures.",
    )

    safety = list(draft.questions.filter(section="safety").order_by("position"))
    assert added.code == "seizure_history"
    assert added.kind == "yes_no"
    assert safety[-1] == added  # after the last safety question, before the PHQ-9
    assert added.position < question(draft, "phq9_1").position

    services.questionnaire_question_remove(question=added)

    assert not draft.questions.filter(code="seizure_history").exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("pregnant", "belongs to a shipped question"),
        ("pregnancy", "belongs to a shipped question"),  # the flag the pregnancy question raises
        ("phq9_10", "belongs to a shipped question"),
        ("has space", "lowercase letters, digits and underscores"),
        ("", "lowercase letters, digits and underscores"),
    ],
)
def test_a_new_question_cannot_take_a_reserved_or_malformed_code(draft, code, message):
    with pytest.raises(ValidationError) as caught:
        services.questionnaire_question_add(version=draft, code=code, text="A question?")

    assert message in caught.value.message_dict["code"][0]


def test_a_code_is_not_added_twice_to_one_version(draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")

    with pytest.raises(ValidationError, match="already has a question “seizures”"):
        services.questionnaire_question_add(version=draft, code="seizures", text="Fits?")


def test_a_code_from_an_earlier_version_keeps_its_meaning(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    publish(draft, clinician)
    next_draft = services.questionnaire_draft_start(user=clinician)
    services.questionnaire_question_remove(question=question(next_draft, "seizures"))

    with pytest.raises(ValidationError) as caught:
        services.questionnaire_question_add(
            version=next_draft, code="seizures", text="Do you drive?"
        )
    services.questionnaire_question_add(version=next_draft, code="seizures", text="Seizures?")

    assert "meant “Seizures?” in version" in caught.value.message_dict["code"][0]


def test_a_shipped_question_cannot_be_removed(draft):
    with pytest.raises(ValidationError, match="“pain_score” is a shipped question"):
        services.questionnaire_question_remove(question=question(draft, "pain_score"))

    assert draft.questions.filter(code="pain_score").exists()


def test_urgent_is_kept_for_the_crisis_questions():
    problems = services.question_problems(
        code="chest_pain_now", kind="yes_no", flag_severity="urgent", flag_reason="Chest pain."
    )

    assert "thoughts of suicide" in problems["flag_severity"]
