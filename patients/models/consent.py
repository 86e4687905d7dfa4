"""The informed consent: its published versions and each patient's signature."""

import uuid

from django.db import models
from django.db.models import Q

from clinic.lib.private_storage import private_storage_callable
from clinic.lib.versioning import PublishedVersion, PublishedVersionQuerySet

from .intake import Patient


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
