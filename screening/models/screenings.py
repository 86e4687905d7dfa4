"""A patient's screening: their answers, the flags the rules raised, and every decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .questionnaire import QuestionnaireVersion


class ScreeningQuerySet(models.QuerySet):
    def awaiting_review(self):
        return self.filter(status=Screening.Status.PENDING_REVIEW)

    def review_queue(self):
        """Pending screenings, urgent first, then by gravest flag, then longest waiting."""
        return self.awaiting_review().order_by("priority", "waiting_since", "pk")


class Screening(models.Model):
    """A patient's answers to one questionnaire version, the flags they raised and where the
    clinician's review stands. Answers never change after submission; a change to the
    intake or medications re-runs the rules and reopens the review."""

    class Status(models.TextChoices):
        PENDING_REVIEW = "pending_review", "Waiting for a clinician"
        INFO_REQUESTED = "info_requested", "Question for the patient"
        CLEARED = "cleared", "Cleared"
        CLEARED_WITH_CONDITIONS = "cleared_with_conditions", "Cleared with conditions"
        DECLINED = "declined", "Declined"

    CLEARED_STATUSES = (Status.CLEARED, Status.CLEARED_WITH_CONDITIONS)
    DECIDED_STATUSES = (*CLEARED_STATUSES, Status.DECLINED)

    # Queue order: the gravest open flag (0 urgent … 4 none).
    PRIORITY = {"urgent": 0, "absolute": 1, "relative": 2, "reduced_effectiveness": 3}
    NO_FLAG_PRIORITY = 4

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="screenings"
    )
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="screenings"
    )
    answers = models.JSONField(help_text="Question code → answer, as submitted.")
    medications = models.JSONField(
        default=list, help_text="The medication lines the rules last screened."
    )
    phq9_total = models.PositiveSmallIntegerField(null=True, blank=True)
    gad7_total = models.PositiveSmallIntegerField(null=True, blank=True)
    pain_score = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.PENDING_REVIEW)
    priority = models.PositiveSmallIntegerField(default=NO_FLAG_PRIORITY)
    submitted_at = models.DateTimeField()
    waiting_since = models.DateTimeField(help_text="When it last joined the review queue.")

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [
            ("view_screening_answers", "Can see screening answers and flags"),
            ("decide_screening", "Can clear or decline a screening"),
            ("view_screening_status", "Can see whether a patient is cleared"),
        ]
        indexes = [models.Index(fields=["status", "priority", "waiting_since"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "pending_review",
                        "info_requested",
                        "cleared",
                        "cleared_with_conditions",
                        "declined",
                    ]
                ),
                name="screening_status_is_known",
            ),
        ]

    def __str__(self):
        return f"Screening {self.pk}"

    @property
    def is_cleared(self) -> bool:
        return self.status in self.CLEARED_STATUSES

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def status_for_front_desk(self) -> str:
        """All the front desk may know: cleared, pending or declined."""
        if self.is_cleared:
            return "Cleared"
        if self.status == self.Status.DECLINED:
            return "Declined"
        return "Pending"


class ScreeningFlag(models.Model):
    """A reason to avoid or review, as the rules raised it. Flags are kept when the rules run
    again: the old ones are marked superseded, so the review history shows what changed."""

    class Severity(models.TextChoices):
        URGENT = "urgent", "Urgent"
        ABSOLUTE = "absolute", "Absolute"
        RELATIVE = "relative", "Relative"
        REDUCED = "reduced_effectiveness", "Reduced effectiveness"

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="flags")
    code = models.CharField(max_length=60)
    severity = models.CharField(max_length=30, choices=Severity.choices)
    reason = models.CharField(max_length=300)
    raised_by = models.CharField(max_length=300, help_text="The answer, medication or reading.")
    raised_at = models.DateTimeField()
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["raised_at", "pk"]

    def __str__(self):
        return f"{self.code} ({self.severity})"


class ScreeningDecision(models.Model):
    """One step of a review: a clinician's decision, a question to the patient and its
    answer, or the portal reopening the review after the patient changed their record."""

    class Outcome(models.TextChoices):
        CLEARED = "cleared", "Cleared"
        CLEARED_WITH_CONDITIONS = "cleared_with_conditions", "Cleared with conditions"
        DECLINED = "declined", "Declined"
        INFO_REQUESTED = "info_requested", "Asked the patient for more information"
        REOPENED = "reopened", "Review reopened"

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    note = models.TextField(help_text="Why: the clinician's reasoning, or what changed.")
    conditions = models.TextField(
        blank=True, help_text="For a clearance with conditions: what must be true."
    )
    override_reason = models.TextField(
        blank=True, help_text="Required to clear despite an absolute flag."
    )
    question_for_patient = models.TextField(blank=True)
    patient_reply = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty when the portal reopened the review.",
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="cleared_with_conditions") | ~Q(conditions=""),
                name="decision_conditions_are_written",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="info_requested") | ~Q(question_for_patient=""),
                name="decision_question_is_written",
            ),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()} at {self.decided_at:%Y-%m-%d %H:%M} UTC"
