"""The clinical record of one infusion (the chart), its vital signs, and the outcome measures a
patient answers before each infusion of a series."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .appointments import InfusionAppointment


class SideEffect(models.TextChoices):
    """The effects a chart names most often; anything else goes in the notes beside them."""

    BLURRED_VISION = "blurred_vision", "Blurred vision"
    DROWSINESS = "drowsiness", "Drowsiness"
    DIZZINESS = "dizziness", "Dizziness"
    NAUSEA = "nausea", "Nausea"
    VOMITING = "vomiting", "Vomiting"
    RAISED_BLOOD_PRESSURE = "raised_blood_pressure", "Raised blood pressure"
    PERCEPTUAL_CHANGES = "perceptual_changes", "Perceptual changes"
    VIVID_DREAMS = "vivid_dreams", "Vivid dreams"
    CONFUSION = "confusion", "Confusion"
    LARYNGOSPASM = "laryngospasm", "Laryngospasm"
    ALLERGIC_REACTION = "allergic_reaction", "Allergic reaction"


def _score_0_10(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
    )


class InfusionRecord(models.Model):
    """What happened in the chair. Written by clinicians through the record's service; signing
    locks it, and any later change is an amendment with a reason, kept in its history."""

    appointment = models.OneToOneField(
        InfusionAppointment, on_delete=models.PROTECT, related_name="record"
    )
    weight_kg = models.DecimalField(
        "weight (kg)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(20), MaxValueValidator(350)],
    )
    dose_mg_per_kg = models.DecimalField(
        "ordered dose (mg/kg)",
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(5)],
    )
    # Weight times dose, as the service worked it out and the clinician checked it.
    total_mg = models.DecimalField("total dose (mg)", max_digits=6, decimal_places=1, null=True)
    dose_reason = models.TextField(
        "reason for a dose outside the plan's range", max_length=1000, blank=True
    )
    started_at = models.DateTimeField("infusion started", null=True, blank=True)
    stopped_at = models.DateTimeField("infusion stopped", null=True, blank=True)
    side_effects = models.JSONField(default=list, blank=True)
    side_effect_notes = models.TextField("other effects", max_length=2000, blank=True)
    pain_before = _score_0_10("pain before (0-10)")
    pain_after = _score_0_10("pain after (0-10)")
    mood_before = _score_0_10("mood before (0-10)")
    mood_after = _score_0_10("mood after (0-10)")
    discharge_criteria_met = models.BooleanField(default=False)
    escort_present = models.BooleanField("escort home present", default=False)
    notes = models.TextField(max_length=4000, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("chart_infusion", "Can write and sign infusion records"),
            ("view_clinic_reports", "Can see the clinic's reports"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stopped_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(stopped_at__gte=F("started_at")),
                name="infusion_record_stops_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(signed_by__isnull=True, signed_at__isnull=True)
                | Q(signed_by__isnull=False, signed_at__isnull=False),
                name="infusion_record_signed_by_someone_at_a_time",
            ),
        ]

    def __str__(self):
        return f"Infusion record {self.pk}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    def side_effect_labels(self) -> list[str]:
        return [SideEffect(code).label for code in self.side_effects if code in SideEffect]


class VitalSigns(models.Model):
    """One set of readings taken in the chair."""

    record = models.ForeignKey(InfusionRecord, on_delete=models.PROTECT, related_name="vitals")
    taken_at = models.DateTimeField()
    systolic = models.PositiveSmallIntegerField(
        "systolic (mmHg)", validators=[MinValueValidator(40), MaxValueValidator(300)]
    )
    diastolic = models.PositiveSmallIntegerField(
        "diastolic (mmHg)", validators=[MinValueValidator(20), MaxValueValidator(200)]
    )
    heart_rate = models.PositiveSmallIntegerField(
        "heart rate (/min)", validators=[MinValueValidator(20), MaxValueValidator(250)]
    )
    spo2 = models.PositiveSmallIntegerField(
        "SpO2 (%)", validators=[MinValueValidator(50), MaxValueValidator(100)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["taken_at", "pk"]
        verbose_name_plural = "vital signs"
        constraints = [
            models.CheckConstraint(
                condition=Q(diastolic__lt=F("systolic")),
                name="vital_signs_diastolic_below_systolic",
                violation_error_message="The diastolic pressure must be below the systolic.",
            ),
        ]

    def __str__(self):
        return f"{self.systolic}/{self.diastolic}, {self.heart_rate}/min, {self.spo2}%"


class OutcomeCheck(models.Model):
    """PHQ-9, GAD-7 and pain as the patient answered them before one infusion: the points of
    the series' trend, beside the screening's baseline."""

    appointment = models.OneToOneField(
        InfusionAppointment, on_delete=models.PROTECT, related_name="outcome_check"
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="outcome_checks"
    )
    answers = models.JSONField(default=dict)
    phq9_total = models.PositiveSmallIntegerField(validators=[MaxValueValidator(27)])
    gad7_total = models.PositiveSmallIntegerField(validators=[MaxValueValidator(21)])
    pain_score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(10)])
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["answered_at", "pk"]

    def __str__(self):
        return f"Outcome check {self.pk}"
