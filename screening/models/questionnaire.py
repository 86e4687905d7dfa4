"""The safety questionnaire in versions: each screening keeps the version it answered."""

from django.db import models
from django.db.models import Q

from clinic.lib.versioning import PublishedVersion, PublishedVersionQuerySet

from .. import questions


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
