"""Submitting a screening: answers kept with their version, scores, flags, refusals."""

import pytest
from django.core.exceptions import ValidationError

from screening.models import QuestionnaireVersion, Screening
from screening.services import screening_submit
from tests.screening.factories import MedicationFactory, calm_answers, submit
from tests.screening.services.helpers import Status, open_flags

pytestmark = pytest.mark.django_db


def test_it_stores_the_answers_under_the_current_version_with_the_scores(record):
    answers = calm_answers(
        **{f"phq9_{n}": score for n, score in enumerate((3, 2, 2, 1, 1, 1, 0, 0, 0), start=1)},
        **{f"gad7_{n}": score for n, score in enumerate((3, 3, 2, 1, 0, 0, 0), start=1)},
        pain_score=7,
    )

    screening = screening_submit(
        patient=record, version=QuestionnaireVersion.objects.current(), answers=answers
    )

    screening.refresh_from_db()
    assert screening.version == QuestionnaireVersion.objects.get(number=1)
    assert screening.answers == answers
    assert (screening.phq9_total, screening.gad7_total, screening.pain_score) == (10, 9, 7)
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since == screening.submitted_at


def test_an_unfinished_measure_has_no_total(record):
    screening = submit(record, phq9_4=None)

    assert screening.phq9_total is None
    assert screening.gad7_total == 0


def test_calm_answers_and_no_medications_raise_no_flag(record):
    record.takes_no_medications = True
    record.save()

    screening = submit(record)

    assert screening.flags.count() == 0
    assert screening.priority == Screening.NO_FLAG_PRIORITY == 4


@pytest.mark.parametrize(
    ("answer", "flag", "priority"),
    [
        ("pregnant", ("pregnancy", "absolute"), 1),
        ("mania_current", ("mania", "absolute"), 1),
        ("ketamine_allergy", ("ketamine_allergy", "absolute"), 1),
        ("substance_use", ("substance_use", "relative"), 2),
        ("iv_access_difficult", ("iv_access", "relative"), 2),
    ],
)
def test_a_yes_to_a_safety_question_raises_its_flag(record, answer, flag, priority):
    screening = submit(record, **{answer: "yes"})

    assert open_flags(screening) == {flag}
    assert screening.flags.get().raised_by == f"answer: {answer}"
    screening.refresh_from_db()
    assert screening.priority == priority


def test_the_patients_medications_are_screened_as_they_typed_them(record):
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg", frequency="twice a day")
    MedicationFactory(patient=record, name="Nardil", position=1)
    MedicationFactory(patient=record, name="zzqx", position=2)

    screening = submit(record)

    assert screening.medications == ["Xanax 0.5mg twice a day", "Nardil", "zzqx"]
    flags = {(f.code, f.severity, f.raised_by) for f in screening.flags.all()}
    assert flags == {
        ("benzodiazepine", "reduced_effectiveness", "medication: Xanax 0.5mg twice a day"),
        ("maoi", "absolute", "medication: Nardil"),
        ("unrecognized_medication", "relative", "medication: zzqx"),
    }
    screening.refresh_from_db()
    assert screening.priority == 1  # the gravest: the MAOI


def test_a_benzodiazepine_alone_puts_the_screening_in_the_reduced_effectiveness_band(record):
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg")

    screening = submit(record)

    assert open_flags(screening) == {("benzodiazepine", "reduced_effectiveness")}
    screening.refresh_from_db()
    assert screening.priority == 3


def test_a_second_submission_returns_the_first_screening_unchanged(record):
    first = submit(record)

    second = submit(record, pregnant="yes")

    assert second.pk == first.pk
    assert Screening.objects.count() == 1
    second.refresh_from_db()
    assert second.answers["pregnant"] == "no"
    assert second.flags.count() == 0


def test_it_refuses_a_patient_whose_intake_is_not_finished(record):
    record.intake_completed_at = None
    record.save()

    with pytest.raises(ValidationError, match="finish your intake"):
        submit(record)

    assert not Screening.objects.exists()


def test_it_refuses_answers_to_a_draft_version(record):
    draft = QuestionnaireVersion.objects.create(number=2)

    with pytest.raises(ValidationError, match="draft"):
        screening_submit(patient=record, version=draft, answers=calm_answers())

    assert not Screening.objects.exists()
