from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.lib.versioning import PublishedVersion, PublishedVersionQuerySet

from . import questions
from .matching import CatalogueEntry


class DrugQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def as_catalogue(self) -> list[CatalogueEntry]:
        """Plain entries for the matcher, which never touches the database."""
        return [drug.as_entry() for drug in self.order_by("generic_name")]


class Drug(models.Model):
    """A drug the screening recognises in a patient's medication list, and what it means for
    a ketamine infusion. Clinicians keep the catalogue; every change is kept in the history.
    """

    class DrugClass(models.TextChoices):
        MAOI = "maoi", "MAOI"
        BENZODIAZEPINE = "benzodiazepine", "Benzodiazepine"
        OPIOID = "opioid", "Opioid"
        LAMOTRIGINE = "lamotrigine", "Lamotrigine"
        NSAID = "nsaid", "Anti-inflammatory (NSAID)"
        MUSCLE_RELAXANT = "muscle_relaxant", "Muscle relaxant"

    class Severity(models.TextChoices):
        ABSOLUTE = "absolute", "Absolute (not compatible)"
        REDUCED_EFFECTIVENESS = "reduced_effectiveness", "Reduced effectiveness"
        NONE = "none", "No change needed"

    generic_name = models.CharField(
        max_length=120,
        unique=True,
        help_text=(
            "Lowercase generic name; a combination product names its parts "
            "(“oxycodone and acetaminophen”)."
        ),
    )
    brand_names = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Every name patients may know it by: current and discontinued brands, and "
            "combination products that contain it. Matching ignores case and punctuation."
        ),
    )
    drug_class = models.CharField(
        max_length=30,
        choices=DrugClass.choices,
        help_text="For a combination product, the class of its most severe component.",
    )
    severity = models.CharField(
        max_length=30,
        choices=Severity.choices,
        help_text=(
            "What a patient taking it means for ketamine. Absolute: an MAOI, never compatible; "
            "the infusion cannot be booked until a clinician overrides with a reason. Reduced "
            "effectiveness: benzodiazepines, opioids and high-dose lamotrigine make ketamine "
            "work less well; the clinician is told. No change needed: anti-inflammatories, "
            "muscle relaxants."
        ),
    )
    notes = models.TextField(blank=True, help_text="For clinicians: dose thresholds, sources.")
    is_active = models.BooleanField(
        default=True,
        help_text=(
            "Only active drugs are matched. A patient's medication that matches none is "
            "flagged as unrecognized for a clinician."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = DrugQuerySet.as_manager()

    class Meta:
        ordering = ["generic_name"]
        constraints = [
            # The screening rule, kept by the database: whoever edits the catalogue, an MAOI
            # can never be downgraded below "not compatible".
            models.CheckConstraint(
                condition=~Q(drug_class="maoi") | Q(severity="absolute"),
                name="drug_maoi_is_absolute",
                violation_error_message=(
                    "An MAOI is never compatible with ketamine: its severity must be absolute."
                ),
            ),
            models.CheckConstraint(
                condition=Q(severity__in=["absolute", "reduced_effectiveness", "none"]),
                name="drug_severity_is_known",
            ),
            models.CheckConstraint(
                condition=Q(
                    drug_class__in=[
                        "maoi",
                        "benzodiazepine",
                        "opioid",
                        "lamotrigine",
                        "nsaid",
                        "muscle_relaxant",
                    ]
                ),
                name="drug_class_is_known",
            ),
        ]

    def __str__(self):
        return self.generic_name

    def as_entry(self) -> CatalogueEntry:
        return CatalogueEntry(
            generic_name=self.generic_name,
            brand_names=tuple(self.brand_names),
            drug_class=self.drug_class,
            severity=self.severity,
        )


class QuestionnaireVersionQuerySet(PublishedVersionQuerySet):
    def current(self):
        """The version new screenings are answered under: the latest published."""
        return self.published().order_by("-number").first()


class QuestionnaireVersion(PublishedVersion):
    """One edition of the screening questionnaire. A published version never changes: a
    screening keeps the version it was answered under, wording and severities included.
    Clinicians edit a draft, copied from the current version, and publish it."""

    number = models.PositiveIntegerField(unique=True)

    objects = QuestionnaireVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        permissions = [("publish_questionnaireversion", "Can publish a questionnaire version")]

    def __str__(self):
        state = "published" if self.published_at else "draft"
        return f"Questionnaire version {self.number} ({state})"


class Question(models.Model):
    """A question of one questionnaire version. The code is how the rules read the answer."""

    class Section(models.TextChoices):
        SAFETY = questions.SAFETY, "Health and safety"
        DEPRESSION = questions.DEPRESSION, "Mood (PHQ-9)"
        ANXIETY = questions.ANXIETY, "Anxiety (GAD-7)"
        PAIN = questions.PAIN, "Pain"

    class Kind(models.TextChoices):
        YES_NO = questions.YES_NO, "Yes or no"
        FREQUENCY = questions.FREQUENCY, "How often (0–3)"
        SCALE = questions.SCALE_0_10, "Scale 0–10"

    class FlagSeverity(models.TextChoices):
        NONE = "", "Raises no flag"
        URGENT = "urgent", "Urgent (crisis)"
        ABSOLUTE = "absolute", "Absolute (no infusion until a clinician overrides)"
        RELATIVE = "relative", "Relative (needs review)"
        REDUCED = "reduced_effectiveness", "Reduced effectiveness"

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions"
    )
    code = models.SlugField(
        max_length=40,
        help_text="How the screening rules find the answer; never reused for another meaning.",
    )
    section = models.CharField(max_length=20, choices=Section.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    help_text = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    flag_severity = models.CharField(
        max_length=30,
        choices=FlagSeverity.choices,
        blank=True,
        help_text=(
            "For a yes/no question: what a “yes” means. A shipped safety question can be made "
            "graver, never milder."
        ),
    )
    flag_reason = models.CharField(
        max_length=200, blank=True, help_text="What the clinician reads on the flag."
    )

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="question_code_once"),
            models.CheckConstraint(
                condition=Q(kind="yes_no") | Q(flag_severity=""),
                name="question_only_yes_no_raises_flags",
            ),
        ]

    def __str__(self):
        return self.code


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
