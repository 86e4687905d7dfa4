import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.lib.private_storage import private_storage_callable
from clinic.lib.versioning import PublishedVersion, PublishedVersionQuerySet
from clinic.locations.models import Location

from .conditions import labels


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
    def condition_labels(self) -> list[str]:
        names = labels(self.conditions)
        return [*names, self.other_condition] if self.other_condition else names

    def local_starts_at(self):
        """For Python code. Templates use `starts_at|timezone:…`: the date filter would turn
        this back into the active time zone."""
        return self.location.local_time(self.starts_at)

    def local_ends_at(self):
        return self.location.local_time(self.ends_at)


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

    intake_steps_done = models.JSONField(default=list, blank=True)
    intake_completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        permissions = [("complete_own_intake", "Can fill in their own intake")]
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


class ConsentDocumentQuerySet(PublishedVersionQuerySet):
    def current(self):
        """The version patients sign now: the latest published."""
        return self.published().order_by("-major", "-minor").first()


class ConsentDocument(PublishedVersion):
    """One version of the informed consent. A published version never changes; editing
    makes a new one. A new major version asks every patient to consent again; a minor one
    (wording, typos) does not."""

    major = models.PositiveSmallIntegerField()
    minor = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, help_text="Markdown, cleaned when shown.")
    sections = models.JSONField(
        help_text=(
            "The parts the patient acknowledges one by one: a list of "
            "{key, heading, body (Markdown)}."
        )
    )
    objects = ConsentDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-major", "-minor"]
        permissions = [("publish_consentdocument", "Can publish a consent version")]
        constraints = [
            models.UniqueConstraint(fields=["major", "minor"], name="consent_version_once"),
        ]

    def __str__(self):
        return f"{self.title} {self.version_label}"

    @property
    def version_label(self) -> str:
        return f"{self.major}.{self.minor}"


def consent_file_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"consents/patient-{instance.patient_id}/{uuid.uuid4().hex}.{extension}"


class ConsentSignature(models.Model):
    """A patient's signed consent: a legal record that never changes after signing.

    `shown_html` is exactly what the patient read, and `shown_sha256` its SHA-256. The PDF is
    rendered once from these, by a Celery task, and stored with its own SHA-256.
    """

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="consents")
    document = models.ForeignKey(
        ConsentDocument, on_delete=models.PROTECT, related_name="signatures"
    )
    document_title = models.CharField(
        max_length=200, help_text="The title and version as signed, kept with the record."
    )
    document_version = models.CharField(max_length=20)
    typed_name = models.CharField(max_length=200)
    drawn_signature = models.ImageField(
        storage=private_storage_callable, upload_to=consent_file_path, blank=True
    )
    signed_at = models.DateTimeField(help_text="UTC.")
    signed_at_local = models.CharField(
        max_length=80, help_text="The same moment at the patient's location, as shown to them."
    )
    time_zone = models.CharField(max_length=64)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    shown_html = models.TextField()
    shown_sha256 = models.CharField(max_length=64)
    pdf = models.FileField(
        storage=private_storage_callable, upload_to=consent_file_path, blank=True
    )
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-signed_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(pdf="") & Q(pdf_sha256="")) | (~Q(pdf="") & ~Q(pdf_sha256="")),
                name="consent_pdf_has_its_hash",
            ),
        ]

    def __str__(self):
        return f"Consent {self.pk}"

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf)
