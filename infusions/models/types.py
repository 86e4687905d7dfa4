from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class AppointmentTypeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class AppointmentType(models.Model):
    """A kind of infusion visit and how long it holds a chair. A booking copies the minutes
    when it is made, so editing a type never moves what is already booked."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial-series infusion"
        MAINTENANCE = "maintenance", "Maintenance infusion"
        BOOSTER = "booster", "Booster infusion"

    name = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    infusion_minutes = models.PositiveSmallIntegerField(
        default=45,
        validators=[MinValueValidator(40), MaxValueValidator(60)],
        help_text="The infusion itself: 40 to 60 minutes.",
    )
    recovery_minutes = models.PositiveSmallIntegerField(
        default=30, help_text="Resting in the chair after the infusion, before going home."
    )
    turnover_minutes = models.PositiveSmallIntegerField(
        default=10, help_text="Cleaning and setting the chair up for the next patient."
    )
    is_active = models.BooleanField(default=True, help_text="Inactive types cannot be booked.")

    history = HistoricalRecords()
    objects = AppointmentTypeQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(infusion_minutes__gte=40, infusion_minutes__lte=60),
                name="appointment_type_infusion_40_to_60_minutes",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def chair_minutes(self) -> int:
        return self.infusion_minutes + self.recovery_minutes + self.turnover_minutes
