from django.conf import settings
from django.db import models
from django.db.models import Q

from clinic.locations.models import Chair


class InfusionAppointmentQuerySet(models.QuerySet):
    def booked(self):
        return self.filter(status=InfusionAppointment.Status.BOOKED)


class InfusionAppointment(models.Model):
    """A chair held for one patient's infusion and recovery. Made only by
    `infusions.services.infusion_book`, which asks the eligibility gate first."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="infusions"
    )
    chair = models.ForeignKey(Chair, on_delete=models.PROTECT, related_name="infusions")
    starts_at = models.DateTimeField(help_text="UTC; shown in the location's time zone.")
    ends_at = models.DateTimeField(help_text="End of the infusion and recovery time.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InfusionAppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        permissions = [("book_own_infusion", "Can book their own infusions")]
        constraints = [
            # Two bookings racing for one chair at one time: the database keeps one. Overlaps
            # at other times are refused by the service under a lock on the chair.
            models.UniqueConstraint(
                fields=["chair", "starts_at"],
                condition=Q(status="booked"),
                name="infusion_one_booking_per_chair_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="infusion_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"Infusion {self.pk}"

    @property
    def location(self):
        return self.chair.location
