"""A clinician's decision: what each outcome needs written, and no deciding twice."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic.accounts.roles import Role
from screening.models import ScreeningDecision
from screening.services import screening_decide
from tests.factories import UserFactory
from tests.screening.factories import decide, submit
from tests.screening.services.helpers import Outcome, Status

pytestmark = pytest.mark.django_db

GRAVE_ANSWERS = pytest.mark.parametrize(
    "answers", [{"pregnant": "yes"}, {"suicidal_thoughts": "yes"}], ids=["absolute", "urgent"]
)


@GRAVE_ANSWERS
@pytest.mark.parametrize("outcome", [Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS])
def test_it_refuses_to_clear_an_absolute_or_urgent_flag_without_a_written_reason(
    record, clinician, answers, outcome
):
    screening = submit(record, **answers)

    with pytest.raises(ValidationError) as refused:
        screening_decide(
            screening=screening,
            clinician=clinician,
            outcome=outcome,
            note="Spoke with the patient.",
            conditions="Pregnancy test on the day.",
            override_reason="   ",
        )

    assert "override_reason" in refused.value.message_dict
    screening.refresh_from_db()
    assert screening.status == Status.PENDING_REVIEW
    assert not ScreeningDecision.objects.exists()


@GRAVE_ANSWERS
def test_a_clinician_clears_an_absolute_or_urgent_flag_with_a_reason_on_record(
    record, clinician, answers
):
    before = timezone.now()

    decision = screening_decide(
        screening=submit(record, **answers),
        clinician=clinician,
        outcome=Outcome.CLEARED,
        note="  Called the patient today.  ",
        override_reason="Negative test at the clinic; the patient answered yes to be safe.",
    )

    decision.refresh_from_db()
    assert decision.screening.status == Status.CLEARED
    assert decision.outcome == Outcome.CLEARED
    assert decision.decided_by == clinician
    assert before <= decision.decided_at <= timezone.now()
    assert decision.note == "Called the patient today."
    assert decision.override_reason == (
        "Negative test at the clinic; the patient answered yes to be safe."
    )


def test_a_relative_flag_is_cleared_without_an_override_reason(record, clinician):
    screening = decide(submit(record, substance_use="yes"), clinician, Outcome.CLEARED)

    assert screening.status == Status.CLEARED
    assert screening.decisions.get().override_reason == ""


def test_declining_an_absolute_flag_needs_no_override_reason(record, clinician):
    screening = decide(submit(record, aneurysm="yes"), clinician, Outcome.DECLINED)

    assert screening.status == Status.DECLINED


def test_every_decision_needs_a_note(record, clinician):
    screening = submit(record)

    with pytest.raises(ValidationError) as refused:
        screening_decide(
            screening=screening, clinician=clinician, outcome=Outcome.CLEARED, note=" "
        )

    assert list(refused.value.message_dict) == ["note"]
    assert not ScreeningDecision.objects.exists()


def test_clearing_with_conditions_needs_the_conditions_written(record, clinician):
    screening = submit(record, iv_access_difficult="yes")

    with pytest.raises(ValidationError) as refused:
        decide(screening, clinician, Outcome.CLEARED_WITH_CONDITIONS, conditions="")
    assert list(refused.value.message_dict) == ["conditions"]
    assert not ScreeningDecision.objects.exists()

    cleared = decide(
        screening, clinician, Outcome.CLEARED_WITH_CONDITIONS, conditions="Ultrasound-guided IV."
    )
    assert cleared.status == Status.CLEARED_WITH_CONDITIONS
    assert cleared.decisions.get().conditions == "Ultrasound-guided IV."


def test_asking_the_patient_needs_the_question_written(record, clinician):
    screening = submit(record, thyroid_untreated="yes")

    with pytest.raises(ValidationError) as refused:
        decide(screening, clinician, Outcome.INFO_REQUESTED)
    assert list(refused.value.message_dict) == ["question_for_patient"]

    asked = decide(
        screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="Who treats it?"
    )
    assert asked.status == Status.INFO_REQUESTED
    assert asked.decisions.get().question_for_patient == "Who treats it?"


def test_a_reopening_is_not_a_decision_a_clinician_can_make(record, clinician):
    with pytest.raises(ValidationError) as refused:
        decide(submit(record), clinician, Outcome.REOPENED)

    assert list(refused.value.message_dict) == ["outcome"]


def test_it_refuses_to_decide_a_screening_already_decided(record, clinician):
    screening = decide(submit(record), clinician, Outcome.CLEARED)
    second_clinician = UserFactory(role=Role.CLINICIAN)

    with pytest.raises(ValidationError, match="decided a moment ago"):
        decide(screening, second_clinician, Outcome.DECLINED)

    screening.refresh_from_db()
    assert screening.status == Status.CLEARED
    assert screening.decisions.get().decided_by == clinician
