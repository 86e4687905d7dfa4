from django.conf import settings
from django.db import models
from django.db.models import Q

from clinic.locations.models import Chair, Location

from .appointments import InfusionAppointment
from .plans import WEEKDAYS_HELP
from .types import AppointmentType


class WaitlistEntry(models.Model):
    """A patient waiting for an earlier chair at a location, on the days and times they can."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        BOOKED = "booked", "Booked from the waitlist"
        WITHDRAWN = "withdrawn", "Withdrawn"

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="waitlist_entries"
    )
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="+"
    )
    preferred_weekdays = models.CharField(max_length=7, blank=True, help_text=WEEKDAYS_HELP)
    earliest = models.TimeField(null=True, blank=True, help_text="Local time; empty: any.")
    latest = models.TimeField(null=True, blank=True, help_text="Latest start; empty: any.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "waitlist entries"
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "location"],
                condition=Q(status="waiting"),
                name="waitlist_one_waiting_entry_per_location",
            ),
        ]

    def __str__(self):
        return f"Waitlist entry {self.pk}"


class WaitlistOffer(models.Model):
    """A freed chair time offered by e-mail to the waitlisted patients it fits; the first to
    claim it through their link gets it."""

    chair = models.ForeignKey(Chair, on_delete=models.CASCADE, related_name="+")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    appointment = models.OneToOneField(
        InfusionAppointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Waitlist offer {self.pk}"


class WaitlistInvite(models.Model):
    """One waitlisted patient told of one offer."""

    offer = models.ForeignKey(WaitlistOffer, on_delete=models.CASCADE, related_name="invites")
    entry = models.ForeignKey(WaitlistEntry, on_delete=models.CASCADE, related_name="invites")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "entry"], name="waitlist_invite_once")
        ]

    def __str__(self):
        return f"Invite {self.pk}"
