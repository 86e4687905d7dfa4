"""The patient's record as the intake fills it: who they are, who to call, what they take."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.lib.private_storage import private_storage_callable
from clinic.locations.models import Location

from ..conditions import labels


def id_photo_path(instance, filename):
    # No name in the path: files are found by the patient's id, not their identity.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"id-documents/patient-{instance.pk}/{uuid.uuid4().hex}.{extension}"


class Patient(models.Model):
    """A patient's intake: who they are, who to call, what they have and what they take.

    Filled in over several steps, each saved as it is completed; `intake_completed_at` is
    set when every step is done. Every change is kept in the history.
    """

    class IdDocument(models.TextChoices):
        DRIVERS_LICENSE = "drivers_license", "Driver's license"
        STATE_ID = "state_id", "State ID card"
        PASSPORT = "passport", "Passport"
        MILITARY_ID = "military_id", "Military ID"
        OTHER = "other", "Other government photo ID"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="patient"
    )
    # About you
    legal_first_name = models.CharField(max_length=100, blank=True)
    legal_last_name = models.CharField(max_length=100, blank=True)
    preferred_name = models.CharField(
        max_length=100, blank=True, help_text="What we call you, if not your legal first name."
    )
    date_of_birth = models.DateField(null=True, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=50, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    # People
    emergency_contact_name = models.CharField(max_length=150, blank=True)
    emergency_contact_phone = models.CharField(max_length=30, blank=True)
    emergency_contact_relationship = models.CharField(max_length=60, blank=True)
    escort_name = models.CharField(
        max_length=150, blank=True, help_text="Who drives the patient home after each infusion."
    )
    escort_phone = models.CharField(max_length=30, blank=True)
    # Care
    preferred_location = models.ForeignKey(
        Location, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referring_clinician = models.CharField(max_length=150, blank=True)
    referring_clinician_phone = models.CharField(max_length=30, blank=True)
    conditions = models.JSONField(default=list, blank=True, help_text="Condition codes.")
    other_condition = models.CharField(max_length=200, blank=True)
    # Health
    medical_history = models.TextField(blank=True)
    allergies = models.TextField(blank=True)
    takes_no_medications = models.BooleanField(
        null=True,
        blank=True,
        help_text="True only when the patient said so; an empty list alone never means none.",
    )
    # Identity, seen in person at check-in
    id_document_type = models.CharField(max_length=30, choices=IdDocument.choices, blank=True)
    id_document_expiry = models.DateField(null=True, blank=True)
    id_document_photo = models.ImageField(
        upload_to=id_photo_path, storage=private_storage_callable, blank=True
    )
    id_document_photo_uploaded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the patient last sent a photo of their ID."
    )

    intake_steps_done = models.JSONField(default=list, blank=True)
    intake_completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        permissions = [
            ("complete_own_intake", "Can fill in their own intake"),
            ("view_id_document_photo", "Can see a patient's photo of their ID, to check it"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(intake_completed_at__isnull=True)
                | Q(takes_no_medications__isnull=False),
                name="patient_completed_intake_answered_medications",
            )
        ]

    def __str__(self):
        return f"Patient #{self.pk}"

    @property
    def legal_name(self) -> str:
        return " ".join(p for p in (self.legal_first_name, self.legal_last_name) if p)

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.legal_first_name or self.user.first_name

    @property
    def condition_labels(self) -> list[str]:
        names = labels(self.conditions)
        return [*names, self.other_condition] if self.other_condition else names

    @property
    def time_zone(self) -> str:
        """Where the patient is treated: their location's zone, else the clinic's default."""
        if self.preferred_location_id:
            return self.preferred_location.time_zone
        return settings.TIME_ZONE


class Medication(models.Model):
    """One medication as the patient typed it. Matching it to a drug is screening's job."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="medications")
    name = models.CharField(max_length=150, help_text="As the patient typed it.")
    dose = models.CharField(max_length=60, blank=True)
    frequency = models.CharField("how often", max_length=60, blank=True)
    prescriber = models.CharField(max_length=150, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["patient", "position", "pk"]

    def __str__(self):
        return self.name
