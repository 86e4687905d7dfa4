"""Writes for the staff editors: questionnaire versions and the drug catalogue.

A published questionnaire version never changes, because a screening keeps the version it was
answered under. Clinicians edit one draft at a time, copied from the current version, and
publish it only when every question the screening rules read is still there and no shipped
safety question has been made milder. The two rule functions at the top are pure (plain data
in, messages out) so the forms can show the same messages beside the fields.
"""

import re
from collections.abc import Iterable
from dataclasses import asdict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from .. import engine
from ..models import Drug, Question, QuestionnaireVersion
from ..questions import (
    CRISIS_CODES,
    DEFAULT_QUESTIONS,
    REQUIRED_CODES,
    SAFETY,
    YES_NO,
    QuestionSpec,
)

# Codes a new question may not take: the shipped questions', the flag codes the rules raise,
# and the instruments' item prefixes (a "phq9_10" would read as part of the PHQ-9).
RESERVED_CODES = (
    REQUIRED_CODES
    | {rule.code for rule in engine.YES_RULES}
    | {code for code, _severity, _reason in engine.MEDICATION_FLAGS.values()}
    | {"unrecognized_medication", "blood_pressure"}
)
RESERVED_PREFIXES = ("phq9_", "gad7_")
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

CHANGE_NOTE_NEEDED = (
    "Say what changed from the previous version, and why: clinicians reading an old "
    "screening rely on it."
)
PUBLISHED_NEVER_CHANGES = (
    "Version {number} is published and never changes. Start a new version to make changes."
)
DRUG_CHANGE_REASON = "Edited in the staff catalogue"


# Rules ------------------------------------------------------------------------------------


def _severity_label(severity: str) -> str:
    return Question.FlagSeverity(severity).label


def question_problems(
    *, code: str, kind: str, flag_severity: str, flag_reason: str
) -> dict[str, str]:
    """What is wrong with one question, by field name; empty when nothing is."""
    problems = {}
    floor = engine.SEVERITY_FLOOR.get(code)
    if flag_severity and flag_severity not in engine.SEVERITY_ORDER:
        problems["flag_severity"] = "Choose a severity from the list."
    elif flag_severity and kind != YES_NO:
        problems["flag_severity"] = f"“{code}” is not a yes/no question, so it cannot raise a flag."
    elif flag_severity == engine.URGENT and code not in CRISIS_CODES:
        problems["flag_severity"] = (
            "Urgent is kept for current thoughts of suicide: it shows the patient crisis "
            "numbers and e-mails the on-call clinician. Choose absolute or relative."
        )
    elif floor and (not flag_severity or engine.graver(flag_severity, floor) != flag_severity):
        problems["flag_severity"] = (
            f"“{code}” is a shipped safety question: a “yes” must raise at least "
            f"“{_severity_label(floor)}”. It can be made graver, never milder."
        )
    if flag_severity and not flag_reason.strip():
        problems["flag_reason"] = (
            f"“{code}” raises a flag, so write the reason the clinician reads on it."
        )
    return problems


def version_problems(questions: Iterable[QuestionSpec]) -> list[str]:
    """Why a version may not be published, one sentence each; empty when it may."""
    questions = list(questions)
    problems = []
    missing = REQUIRED_CODES - {q.code for q in questions}
    if missing:
        # In shipped order, so the list reads like the questionnaire.
        names = [spec.code for spec in DEFAULT_QUESTIONS if spec.code in missing]
        problems.append(
            "These questions the screening rules read are missing: "
            f"{', '.join(names)}. Add them back before publishing."
        )
    for q in questions:
        problems.extend(
            question_problems(
                code=q.code,
                kind=q.kind,
                flag_severity=q.flag_severity,
                flag_reason=q.flag_reason,
            ).values()
        )
    return problems


def as_spec(question: Question) -> QuestionSpec:
    return QuestionSpec(
        code=question.code,
        section=question.section,
        kind=question.kind,
        text=question.text,
        help_text=question.help_text,
        flag_severity=question.flag_severity,
        flag_reason=question.flag_reason,
    )


# Questionnaire ----------------------------------------------------------------------------


def _locked_draft(version: QuestionnaireVersion) -> QuestionnaireVersion:
    """The version, locked against a concurrent publish; refuses a published one."""
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError(PUBLISHED_NEVER_CHANGES.format(number=version.number))
    return version


@transaction.atomic
def questionnaire_draft_start(*, user) -> QuestionnaireVersion:
    """The draft to edit: the existing one, or a new one copied from the current version.

    There is one draft at a time, so two clinicians never edit rival drafts.
    """
    # Two clinicians pressing "start" at once: locking every version row makes the second
    # wait for the first to commit, then find its draft below instead of making another.
    list(QuestionnaireVersion.objects.select_for_update().values_list("pk", flat=True))
    draft = QuestionnaireVersion.objects.filter(published_at__isnull=True).order_by("number")
    if existing := draft.first():
        return existing
    current = QuestionnaireVersion.objects.current()
    last_number = QuestionnaireVersion.objects.aggregate(n=Max("number"))["n"] or 0
    version = QuestionnaireVersion.objects.create(number=last_number + 1, created_by=user)
    if current is not None:
        specs = [as_spec(q) for q in current.questions.order_by("position", "pk")]
    else:
        specs = list(DEFAULT_QUESTIONS)
    Question.objects.bulk_create(
        Question(version=version, position=position, **asdict(spec))
        for position, spec in enumerate(specs, start=1)
    )
    return version


@transaction.atomic
def question_save(*, question: Question) -> Question:
    """Save an edited question of the draft (wording, help, flag, position)."""
    _locked_draft(question.version)
    problems = question_problems(
        code=question.code,
        kind=question.kind,
        flag_severity=question.flag_severity,
        flag_reason=question.flag_reason,
    )
    if problems:
        raise ValidationError(problems)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def questionnaire_questions_save(
    *, version: QuestionnaireVersion, questions: Iterable[Question]
) -> list[Question]:
    """Save the draft's edited questions together: all of them or none."""
    version = _locked_draft(version)
    saved = []
    for question in questions:
        if question.version_id != version.pk:
            raise ValidationError(f"“{question.code}” is not a question of version {version}.")
        saved.append(question_save(question=question))
    return saved


@transaction.atomic
def questionnaire_question_add(
    *,
    version: QuestionnaireVersion,
    code: str,
    text: str,
    help_text: str = "",
    flag_severity: str = "",
    flag_reason: str = "",
) -> Question:
    """Add a yes/no question to the draft's health and safety section, after its last one."""
    version = _locked_draft(version)
    code = code.strip().lower()
    errors: dict[str, str] = {}
    if not CODE_PATTERN.match(code):
        errors["code"] = (
            "Use lowercase letters, digits and underscores, starting with a letter "
            "(like “heart_unstable”)."
        )
    elif code in RESERVED_CODES or code.startswith(RESERVED_PREFIXES):
        errors["code"] = (
            f"“{code}” belongs to a shipped question or to the screening rules; a code is "
            "never reused for another meaning. Choose another."
        )
    elif version.questions.filter(code=code).exists():
        errors["code"] = f"Version {version.number} already has a question “{code}”."
    elif earlier := (
        Question.objects.filter(code=code, version__number__lt=version.number)
        .exclude(text=text.strip())
        .select_related("version")
        .order_by("-version__number")
        .first()
    ):
        # Old screenings read answers by code: the same code must keep its meaning.
        errors["code"] = (
            f"“{code}” meant “{earlier.text}” in version {earlier.version.number}; a code is "
            "never reused for another meaning. Choose another, or ask that question again "
            "with the same wording."
        )
    if not text.strip():
        errors["text"] = "Write the question as the patient will read it."
    for field, message in question_problems(
        code=code, kind=YES_NO, flag_severity=flag_severity, flag_reason=flag_reason
    ).items():
        errors.setdefault(field, message)
    if errors:
        raise ValidationError(errors)
    safety = version.questions.filter(section=SAFETY).aggregate(p=Max("position"))["p"] or 0
    # Keep each section together: the new question goes after the last safety question.
    version.questions.filter(position__gt=safety).update(position=F("position") + 1)
    question = Question(
        version=version,
        code=code,
        section=SAFETY,
        kind=YES_NO,
        text=text.strip(),
        help_text=help_text.strip(),
        position=safety + 1,
        flag_severity=flag_severity,
        flag_reason=flag_reason.strip(),
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def questionnaire_question_remove(*, question: Question) -> None:
    """Remove a question a clinician added; the shipped ones stay in every version."""
    _locked_draft(question.version)
    if question.code in REQUIRED_CODES:
        raise ValidationError(
            f"“{question.code}” is a shipped question the screening rules read; it stays in "
            "every version. You may reword it instead."
        )
    question.delete()


@transaction.atomic
def questionnaire_publish(
    *, version: QuestionnaireVersion, user, change_note: str
) -> QuestionnaireVersion:
    """Make the draft the version new screenings are answered under."""
    version = _locked_draft(version)
    problems = version_problems(as_spec(q) for q in version.questions.all())
    errors: dict[str, list[str]] = {}
    if problems:
        errors[NON_FIELD_ERRORS] = problems
    if not change_note.strip():
        errors["change_note"] = [CHANGE_NOTE_NEEDED]
    if errors:
        raise ValidationError(errors)
    version.change_note = change_note.strip()
    version.published_at = timezone.now()
    version.published_by = user
    version.save(update_fields=["change_note", "published_at", "published_by"])
    return version


# Drug catalogue ---------------------------------------------------------------------------


@transaction.atomic
def drug_save(*, form, user) -> Drug:
    """Add or edit a catalogue entry from a valid `DrugForm`; the history names the editor."""
    if not form.is_valid():
        raise ValidationError(form.errors)
    drug = form.save(commit=False)
    drug._change_reason = DRUG_CHANGE_REASON
    # The request middleware would name the user too, but not from a command or a task.
    drug._history_user = user
    drug.save()
    return drug
