"""Writes for screenings: submitting answers, re-running the rules, and the review.

Every decision is a row (who, when, why), and the screening's status moves only here, under
a lock on the screening, so two clinicians deciding at once cannot both win.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from clinic.audit.services import access_record
from clinic.outbox.services import email_enqueue
from patients.models import Patient

from . import engine
from .models import Drug, QuestionnaireVersion, Screening, ScreeningDecision, ScreeningFlag
from .tasks import alert_on_call_of_urgent_screening

Outcome = ScreeningDecision.Outcome

# Clearing past one of these needs a written reason: the patient must not reach a chair on
# a click alone.
OVERRIDE_NEEDED = (ScreeningFlag.Severity.URGENT, ScreeningFlag.Severity.ABSOLUTE)


def medication_lines(patient) -> list[str]:
    """The patient's medications as the rules read them: name, dose and frequency."""
    return [
        " ".join(part for part in (m.name, m.dose, m.frequency) if part)
        for m in patient.medications.all()
    ]


def version_rules(version: QuestionnaireVersion) -> list[engine.YesRule]:
    return [
        engine.yes_rule(question=q.code, severity=q.flag_severity, reason=q.flag_reason)
        for q in version.questions.all()
        if q.kind == q.Kind.YES_NO and q.flag_severity
    ]


def _evaluate(screening: Screening) -> list[engine.Flag]:
    return engine.evaluate(
        answers=screening.answers,
        medications=screening.medications,
        catalogue=Drug.objects.active().as_catalogue(),
        rules=version_rules(screening.version),
    )


def _apply_flags(screening: Screening, flags: list[engine.Flag], now) -> bool:
    """Make the screening's open flags exactly `flags`; the others are marked superseded.
    Returns whether anything changed."""
    wanted = {(f.code, f.severity, f.reason, f.raised_by) for f in flags}
    changed = False
    kept = set()
    for flag in screening.flags.filter(superseded_at__isnull=True):
        key = (flag.code, flag.severity, flag.reason, flag.raised_by)
        if key in wanted and key not in kept:
            kept.add(key)
        else:
            flag.superseded_at = now
            flag.save(update_fields=["superseded_at"])
            changed = True
    for code, severity, reason, raised_by in sorted(wanted - kept):
        ScreeningFlag.objects.create(
            screening=screening,
            code=code,
            severity=severity,
            reason=reason[:300],
            raised_by=raised_by[:300],
            raised_at=now,
        )
        changed = True
    screening.priority = min(
        (Screening.PRIORITY[f.severity] for f in flags), default=Screening.NO_FLAG_PRIORITY
    )
    return changed


def _alert_if_urgent(screening: Screening, flags: list[engine.Flag], was_urgent=False) -> None:
    if was_urgent or not any(f.severity == engine.URGENT for f in flags):
        return
    email_enqueue(alert_on_call_of_urgent_screening, screening_id=screening.pk)


@transaction.atomic
def screening_submit(*, patient, version: QuestionnaireVersion, answers: dict) -> Screening:
    """Store the patient's answers under `version`, raise the flags and join the queue.

    A patient has one screening; a second submission (a double-click, a second tab) returns
    the first unchanged.
    """
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    if patient.intake_completed_at is None:
        raise ValidationError("Please finish your intake before the safety questions.")
    existing = patient.screenings.order_by("-submitted_at").first()
    if existing is not None:
        return existing
    if not version.is_published:
        raise ValidationError("This questionnaire is a draft and cannot be answered yet.")
    now = timezone.now()
    phq9, gad7 = engine.phq9_score(answers), engine.gad7_score(answers)
    screening = Screening.objects.create(
        patient=patient,
        version=version,
        answers=answers,
        medications=medication_lines(patient),
        phq9_total=phq9.total if phq9 else None,
        gad7_total=gad7.total if gad7 else None,
        pain_score=answers.get("pain_score"),
        submitted_at=now,
        waiting_since=now,
    )
    flags = _evaluate(screening)
    _apply_flags(screening, flags, now)
    screening.save(update_fields=["priority"])
    _alert_if_urgent(screening, flags)
    return screening


def flags_fingerprint(screening: Screening) -> str:
    """Which flags are open, as the review page showed them; a decision on an older set is
    refused (the patient changed their record in between)."""
    ids = (
        screening.flags.filter(superseded_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return ",".join(str(pk) for pk in ids)


def _needs_override(screening: Screening) -> bool:
    """An absolute or urgent flag that is open, or was open at any time since the last
    clearance: a reason to avoid does not stop counting because the patient deleted the
    medication line or changed an answer (an MAOI needs a washout, not an edit)."""
    last_clearance = (
        screening.decisions.filter(outcome__in=(Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS))
        .order_by("-decided_at")
        .first()
    )
    grave = screening.flags.filter(severity__in=OVERRIDE_NEEDED)
    if last_clearance is None:
        return grave.exists()
    return grave.filter(
        Q(superseded_at__isnull=True) | Q(superseded_at__gt=last_clearance.decided_at)
    ).exists()


@transaction.atomic
def screening_decide(
    *,
    screening: Screening,
    clinician,
    outcome: str,
    note: str,
    conditions: str = "",
    override_reason: str = "",
    question_for_patient: str = "",
    flags_seen: str | None = None,
) -> ScreeningDecision:
    """A clinician's decision on a screening waiting for review (or for the patient)."""
    screening = Screening.objects.select_for_update().get(pk=screening.pk)
    if screening.status not in (Screening.Status.PENDING_REVIEW, Screening.Status.INFO_REQUESTED):
        raise ValidationError(
            "This screening was decided a moment ago by someone else; reload to see it."
        )
    errors = {}
    if not note.strip():
        errors["note"] = "Say why, in a sentence or two; it is part of the record."
    if outcome == Outcome.CLEARED_WITH_CONDITIONS and not conditions.strip():
        errors["conditions"] = "Write the conditions the patient is cleared under."
    if outcome == Outcome.INFO_REQUESTED and not question_for_patient.strip():
        errors["question_for_patient"] = "Write the question the patient will see."
    if flags_seen is not None and flags_seen != flags_fingerprint(screening):
        raise ValidationError(
            "The patient changed their record while you were reviewing, and the flags have "
            "changed. The page now shows them as they are; please review again."
        )
    clearing = outcome in (Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS)
    if clearing and _needs_override(screening) and not override_reason.strip():
        errors["override_reason"] = (
            "This screening has an absolute or urgent flag. To clear it, write why the "
            "infusion is safe for this patient despite it."
        )
    if outcome not in (
        Outcome.CLEARED,
        Outcome.CLEARED_WITH_CONDITIONS,
        Outcome.DECLINED,
        Outcome.INFO_REQUESTED,
    ):
        errors["outcome"] = "Choose a decision."
    if errors:
        raise ValidationError(errors)
    decision = ScreeningDecision.objects.create(
        screening=screening,
        outcome=outcome,
        note=note.strip(),
        conditions=conditions.strip() if outcome == Outcome.CLEARED_WITH_CONDITIONS else "",
        override_reason=override_reason.strip() if clearing else "",
        question_for_patient=(
            question_for_patient.strip() if outcome == Outcome.INFO_REQUESTED else ""
        ),
        decided_by=clinician,
        decided_at=timezone.now(),
    )
    screening.status = outcome
    screening.save(update_fields=["status"])
    access_record(
        actor=clinician,
        patient=screening.patient,
        record=f"screening {screening.pk}",
        action="decided",
    )
    return decision


@transaction.atomic
def screening_reply(*, screening: Screening, reply: str) -> Screening:
    """The patient answers the clinician's question; the screening goes back to the queue."""
    screening = Screening.objects.select_for_update().get(pk=screening.pk)
    if screening.status != Screening.Status.INFO_REQUESTED:
        raise ValidationError("There is no open question on this screening.")
    if not reply.strip():
        raise ValidationError({"reply": "Please write your answer."})
    request = screening.decisions.filter(outcome=Outcome.INFO_REQUESTED).last()
    now = timezone.now()
    request.patient_reply = reply.strip()
    request.replied_at = now
    request.save(update_fields=["patient_reply", "replied_at"])
    screening.status = Screening.Status.PENDING_REVIEW
    screening.waiting_since = now
    screening.save(update_fields=["status", "waiting_since"])
    return screening


@transaction.atomic
def screening_recheck_after_change(*, patient, what: str) -> Screening | None:
    """The patient changed their intake or medications: run the rules again on the latest
    screening, and if a clinician had already decided, reopen the review."""
    screening = (
        Screening.objects.select_for_update()
        .filter(patient=patient)
        .order_by("-submitted_at")
        .first()
    )
    if screening is None:
        return None
    now = timezone.now()
    was_urgent = screening.flags.filter(superseded_at__isnull=True, severity=engine.URGENT).exists()
    screening.medications = medication_lines(patient)
    flags = _evaluate(screening)
    _apply_flags(screening, flags, now)
    fields = ["medications", "priority"]
    if screening.status in Screening.DECIDED_STATUSES:
        ScreeningDecision.objects.create(
            screening=screening,
            outcome=Outcome.REOPENED,
            note=f"The patient changed their {what} after the decision.",
            decided_at=now,
        )
        screening.status = Screening.Status.PENDING_REVIEW
        screening.waiting_since = now
        fields += ["status", "waiting_since"]
    screening.save(update_fields=fields)
    _alert_if_urgent(screening, flags, was_urgent=was_urgent)
    return screening
