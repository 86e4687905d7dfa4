"""A free consultation booked on the public site."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.locations.models import Location

from ..conditions import Condition, labels

MANAGE_LINK_GRACE = timedelta(days=1)


class ConsultationQuerySet(models.QuerySet):
    def booked(self):
        return self.filter(status=Consultation.Status.BOOKED)

    def upcoming(self, now):
        return self.booked().filter(ends_at__gt=now).order_by("starts_at")


class Consultation(models.Model):
    """A free consultation someone booked on the public site, with or without an account.

    It holds what they typed about themselves, so it is patient data: only front-desk staff,
    clinicians and admins see it, and every change is kept in its history.
    """

    class Kind(models.TextChoices):
        PHONE = "phone", "By phone"
        IN_PERSON = "in_person", "In person"

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    class Outcome(models.TextChoices):
        NEW = "new", "Not yet contacted"
        CALLED = "called", "Called"
        NO_ANSWER = "no_answer", "No answer"
        CONVERTED = "converted", "Invited to become a patient"

    class ContactTime(models.TextChoices):
        ANY = "any", "Any time"
        MORNING = "morning", "Mornings"
        AFTERNOON = "afternoon", "Afternoons"
        EVENING = "evening", "Evenings"

    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="consultations")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text="The member of staff whose time the booking holds.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(help_text="UTC; shown in the location's time zone.")
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    outcome = models.CharField(
        max_length=20,
        choices=Outcome.choices,
        default=Outcome.NEW,
        help_text="What the front desk has done about it.",
    )

    full_name = models.CharField(max_length=150)
    email = models.EmailField()
    phone = models.CharField(max_length=30)
    conditions = models.JSONField(default=list, blank=True, help_text="Condition codes.")
    other_condition = models.CharField(max_length=200, blank=True)
    preferred_contact_time = models.CharField(
        max_length=20, choices=ContactTime.choices, default=ContactTime.ANY
    )

    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            # The database, not the code, guarantees that one person's time is booked once:
            # two visitors racing for the last free slot get one booking and one refusal.
            models.UniqueConstraint(
                fields=["consultant", "starts_at"],
                condition=Q(status="booked"),
                name="consultation_one_booking_per_consultant_and_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="consultation_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["location", "starts_at"])]

    def __str__(self):
        return f"Consultation #{self.pk}"

    @property
    def manage_link_expires_at(self):
        """The e-mailed link that shows, moves or cancels it works until a day after the
        consultation ends: long enough to look up what was booked, not kept for good."""
        return self.ends_at + MANAGE_LINK_GRACE

    @property
    def is_urgent(self) -> bool:
        """They ticked thoughts of suicide: shown the crisis resources at once, told to the
        on-call clinician, and marked for the desk to call first."""
        return Condition.SUICIDAL_IDEATION in self.conditions

    @property
    def condition_labels(self) -> list[str]:
        names = labels(self.conditions)
        return [*names, self.other_condition] if self.other_condition else names

    def local_starts_at(self):
        """For Python code. Templates use `starts_at|timezone:…`: the date filter would turn
        this back into the active time zone."""
        return self.location.local_time(self.starts_at)

    def local_ends_at(self):
        return self.location.local_time(self.ends_at)
