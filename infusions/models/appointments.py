from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import Func, Q

from clinic.lib.constraints import PostgreSQLExclusionConstraint
from clinic.locations.models import Chair

from .types import AppointmentType


class Status(models.TextChoices):
    """FHIR Appointment's names where they fit; in-chair and recovering are the clinic's own
    steps between arrival and discharge."""

    BOOKED = "booked", "Booked"
    CHECKED_IN = "checked_in", "Checked in"
    IN_CHAIR = "in_chair", "In the chair"
    RECOVERING = "recovering", "Recovering"
    DISCHARGED = "discharged", "Discharged"
    CANCELLED = "cancelled", "Cancelled"
    LATE_CANCELLED = "late_cancelled", "Cancelled late"
    NO_SHOW = "no_show", "No-show"


# An appointment in one of these holds its chair and its patient's time.
LIVE_STATUSES = (
    Status.BOOKED,
    Status.CHECKED_IN,
    Status.IN_CHAIR,
    Status.RECOVERING,
    Status.DISCHARGED,
)
# Still to happen or happening: what a patient or the desk can still act on.
OPEN_STATUSES = (Status.BOOKED, Status.CHECKED_IN, Status.IN_CHAIR, Status.RECOVERING)


class TimeRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class InfusionAppointmentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status__in=LIVE_STATUSES)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def booked(self):
        return self.filter(status=Status.BOOKED)

    def overlapping(self, starts_at, ends_at):
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)

    def holding_chair(self, starts_at, chair_free_at):
        return self.filter(starts_at__lt=chair_free_at, chair_free_at__gt=starts_at)


class InfusionAppointment(models.Model):
    """A chair and a supervising clinician held for one patient's infusion, recovery and the
    chair's turnover after. Made, moved and cancelled only by `infusions.booking.services`."""

    Status = Status

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="infusions"
    )
    chair = models.ForeignKey(Chair, on_delete=models.PROTECT, related_name="infusions")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="appointments"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervised_infusions",
    )
    plan = models.ForeignKey(
        "infusions.TreatmentPlan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    starts_at = models.DateTimeField(help_text="UTC; shown in the location's time zone.")
    infusion_minutes = models.PositiveSmallIntegerField()
    recovery_minutes = models.PositiveSmallIntegerField()
    turnover_minutes = models.PositiveSmallIntegerField()
    ends_at = models.DateTimeField(help_text="The patient leaves: the end of the recovery.")
    chair_free_at = models.DateTimeField(help_text="The chair is ready again after turnover.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    driver_name = models.CharField(max_length=120, blank=True)
    driver_phone = models.CharField(max_length=30, blank=True)
    id_seen_at = models.DateTimeField(null=True, blank=True)
    driver_confirmed_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InfusionAppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        permissions = [
            ("book_own_infusion", "Can book their own infusions"),
            ("supervise_infusions", "Can supervise infusions (on the duty roster)"),
            ("check_in_infusion", "Can check patients in and move an infusion's status"),
        ]
        indexes = [models.Index(fields=["starts_at", "chair"], name="infusion_starts_chair")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="infusion_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(chair_free_at__gte=models.F("ends_at")),
                name="infusion_chair_free_after_end",
            ),
            # Whatever the code does, two live appointments never share a chair's time, nor
            # one patient's. Off PostgreSQL the booking service serialises the same check.
            PostgreSQLExclusionConstraint(
                name="infusion_no_chair_overlap",
                expressions=[
                    (TimeRange("starts_at", "chair_free_at"), RangeOperators.OVERLAPS),
                    ("chair", RangeOperators.EQUAL),
                ],
                condition=Q(status__in=LIVE_STATUSES),
            ),
            PostgreSQLExclusionConstraint(
                name="infusion_no_patient_overlap",
                expressions=[
                    (TimeRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                    ("patient", RangeOperators.EQUAL),
                ],
                condition=Q(status__in=LIVE_STATUSES),
            ),
        ]

    def __str__(self):
        return f"Infusion {self.pk}"

    @property
    def location(self):
        return self.chair.location

    @property
    def infusion_ends_at(self):
        return self.starts_at + timedelta(minutes=self.infusion_minutes)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class StatusChange(models.Model):
    """One move of an appointment's status: who, when, why. Written by the status service."""

    appointment = models.ForeignKey(
        InfusionAppointment, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.appointment}: {self.from_status or 'new'} → {self.to_status}"
