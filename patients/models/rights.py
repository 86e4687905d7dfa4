"""A patient's request to close their account, and what the clinic did about it."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ClosureRequest(models.Model):
    """A patient asked to close their account. A clinic admin closes it: the sign-in stops
    working, and every clinical record is kept for as long as medical-records law requires."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="closure_requests"
    )
    reason = models.TextField(max_length=1000, blank=True, help_text="As the patient wrote it.")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    staff_note = models.TextField(
        max_length=2000, blank=True, help_text="For staff: what was done, and why."
    )

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            # One open request per patient: a second click waits on the first.
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(status="open"),
                name="closure_request_one_open_per_patient",
            )
        ]

    def __str__(self):
        return f"Closure request #{self.pk} ({self.get_status_display()})"
