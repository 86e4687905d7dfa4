from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.locations.models import Location, OpeningHours

CLINICIANS = {"groups__permissions__codename": "supervise_infusions"}


class DutyShift(models.Model):
    """A clinician on duty at a location every week: the weekly roster, in local time."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="duty_shifts")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="duty_shifts",
        limit_choices_to=CLINICIANS,
    )
    weekday = models.PositiveSmallIntegerField(choices=OpeningHours.Weekday.choices)
    starts = models.TimeField(help_text="Local time at the location.")
    ends = models.TimeField(help_text="Local time at the location; after the start.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["location", "weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="duty_shift_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["location", "clinician", "weekday", "starts"],
                name="duty_shift_unique_start",
            ),
        ]

    def __str__(self):
        return (
            f"{self.clinician} {self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"
        )

    def clean(self):
        if self.starts is not None and self.ends is not None and self.ends <= self.starts:
            raise ValidationError({"ends": "The end must be after the start."})


class DutyException(models.Model):
    """One day that differs from the weekly roster: a clinician away (no times), or on duty
    at other hours or on a day they usually are not (with times)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="duty_exceptions")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="duty_exceptions",
        limit_choices_to=CLINICIANS,
    )
    day = models.DateField(help_text="The local date at the location.")
    starts = models.TimeField(null=True, blank=True, help_text="Empty with the end: away all day.")
    ends = models.TimeField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["day", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__isnull=True, ends__isnull=True)
                | Q(starts__isnull=False, ends__isnull=False, ends__gt=models.F("starts")),
                name="duty_exception_away_or_hours",
            ),
        ]

    def __str__(self):
        if self.starts is None:
            return f"{self.clinician} away on {self.day}"
        return f"{self.clinician} on {self.day} {self.starts:%H:%M}–{self.ends:%H:%M}"

    @property
    def is_away(self) -> bool:
        return self.starts is None

    def clean(self):
        if (self.starts is None) != (self.ends is None):
            raise ValidationError("Give both a start and an end, or neither for a day away.")
        if self.starts is not None and self.ends <= self.starts:
            raise ValidationError({"ends": "The end must be after the start."})
