"""Saving the answers a patient gives before an infusion."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from screening.engine import gad7_score, phq9_score

from ..models import InfusionAppointment, InfusionRecord, OutcomeCheck
from ..models.appointments import Status
from .questions import OUTCOME_QUESTIONS, PAIN_CODE

# Answering is possible while the patient waits for the infusion: booked, or checked in.
ANSWERABLE = (Status.BOOKED, Status.CHECKED_IN)
NOT_ANSWERABLE = "This infusion has started or is no longer booked, so these questions are closed."
INCOMPLETE = "Every question needs an answer."


def outcome_check_open(appointment, now=None) -> bool:
    """Answers are taken until the infusion starts (the chart's start time or the chair),
    while it is booked or checked in and its visit is not over."""
    if appointment.status not in ANSWERABLE:
        return False
    if (now or timezone.now()) >= appointment.ends_at:
        return False
    return not InfusionRecord.objects.filter(
        appointment=appointment, started_at__isnull=False
    ).exists()


def _typed(answers: Mapping[str, object]) -> dict[str, int]:
    typed = {}
    for question in OUTCOME_QUESTIONS:
        value = answers.get(question.code)
        top = 10 if question.code == PAIN_CODE else 3
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            raise ValidationError(INCOMPLETE)
        typed[question.code] = value
    return typed


@transaction.atomic
def outcome_check_save(appointment, *, answers: Mapping[str, object]) -> OutcomeCheck:
    """Keep the answers given before this infusion, with the PHQ-9 and GAD-7 totals; answering
    again before it starts replaces the earlier answers (one check per infusion)."""
    typed = _typed(answers)
    # Locked so that a start or a cancellation at the same moment cannot slip past the check.
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if not outcome_check_open(appointment):
        raise ValidationError(NOT_ANSWERABLE)
    phq9, gad7 = phq9_score(typed), gad7_score(typed)
    if phq9 is None or gad7 is None:
        raise ValidationError(INCOMPLETE)
    check, _ = OutcomeCheck.objects.update_or_create(
        appointment=appointment,
        defaults={
            "patient_id": appointment.patient_id,
            "answers": typed,
            "phq9_total": phq9.total,
            "gad7_total": gad7.total,
            "pain_score": typed[PAIN_CODE],
        },
    )
    return check
