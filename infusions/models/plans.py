from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from clinic.locations.models import Location

from .types import AppointmentType

WEEKDAYS_HELP = "Weekdays as digits, Monday 0 to Sunday 6: '01234' is Monday to Friday."


def validate_weekdays(value: str):
    if not value or any(c not in "0123456" for c in value) or len(set(value)) != len(value):
        raise ValidationError("Pick at least one weekday.")


class TreatmentPlan(models.Model):
    """A clinician's plan for one cleared patient: an initial series, then maintenance."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="treatment_plans"
    )
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+")
    initial_type = models.ForeignKey(AppointmentType, on_delete=models.PROTECT, related_name="+")
    initial_count = models.PositiveSmallIntegerField(
        default=6, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    initial_span_days = models.PositiveSmallIntegerField(
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="The initial series fits in this many days from its first infusion.",
    )
    allowed_weekdays = models.CharField(
        max_length=7, default="01234", validators=[validate_weekdays], help_text=WEEKDAYS_HELP
    )
    maintenance_type = models.ForeignKey(
        AppointmentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    maintenance_interval_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text="Empty: no maintenance planned yet.",
    )
    maintenance_count = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(12)], help_text="How many to book ahead."
    )
    min_gap_hours = models.PositiveSmallIntegerField(
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 14)],
        help_text="At least this long between the starts of two of the patient's infusions.",
    )
    dose_min_mg_per_kg = models.DecimalField(
        "lowest dose (mg/kg)",
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(5)],
    )
    dose_max_mg_per_kg = models.DecimalField(
        "highest dose (mg/kg)",
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(5)],
        help_text="A dose charted outside this range needs a written reason.",
    )
    preferred_weekdays = models.CharField(max_length=7, blank=True, help_text=WEEKDAYS_HELP)
    preferred_earliest = models.TimeField(null=True, blank=True)
    preferred_latest = models.TimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("set_treatment_plan", "Can set a patient's treatment plan")]
        constraints = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(status="active"),
                name="treatment_plan_one_active_per_patient",
            ),
            models.CheckConstraint(
                condition=Q(dose_min_mg_per_kg__lte=models.F("dose_max_mg_per_kg")),
                name="treatment_plan_dose_range_in_order",
            ),
        ]

    def __str__(self):
        return f"Treatment plan {self.pk}"

    @property
    def total_count(self) -> int:
        return self.initial_count + (self.maintenance_count if self.maintenance_type_id else 0)
