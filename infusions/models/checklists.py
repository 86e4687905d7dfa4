from django.db import models

from .appointments import InfusionAppointment


class PreparationChecklist(models.Model):
    """What a patient confirmed, from the link in a reminder, about preparing for one infusion
    at one start time: a driver home, when they stop eating, their photo ID. A move makes the
    old confirmations about another time, so the checklist of the new time starts empty."""

    appointment = models.ForeignKey(
        InfusionAppointment, on_delete=models.CASCADE, related_name="checklists"
    )
    for_starts_at = models.DateTimeField()
    driver_confirmed_at = models.DateTimeField(null=True, blank=True)
    fasting_confirmed_at = models.DateTimeField(null=True, blank=True)
    photo_id_confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "for_starts_at"], name="checklist_one_per_start"
            ),
        ]

    def __str__(self):
        return f"Checklist {self.pk}"

    @property
    def is_complete(self) -> bool:
        return bool(
            self.driver_confirmed_at and self.fasting_confirmed_at and self.photo_id_confirmed_at
        )
