from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clinic.lib.timezones import (
    is_valid_time_zone,
    time_zone_choices,
    to_local,
    zone_name_for_people,
)

from . import hours


def validate_time_zone(value):
    if not is_valid_time_zone(value):
        raise ValidationError("Pick a time zone from the list, such as America/New_York.")


class LocationQuerySet(models.QuerySet):
    def listed(self):
        """Locations the public site shows: open ones, and coming-soon ones marked as such."""
        return self.order_by("-status", "name")  # "open" sorts after "coming_soon"

    def bookable(self):
        return self.filter(status=Location.Status.OPEN)


class Location(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        COMING_SOON = "coming_soon", "Coming soon"

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The location's address on the site: /locations/<slug>/.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
        help_text="A coming-soon location is listed on the site but takes no bookings.",
    )
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=50)
    postal_code = models.CharField(max_length=20)
    phone = models.CharField(max_length=30)
    email = models.EmailField(
        blank=True, help_text="The front desk's address; new consultation requests are sent here."
    )
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        validators=[validate_time_zone],
        help_text="Every time at this location is shown in this zone.",
    )
    directions = models.TextField(blank=True, help_text="Parking and how to find the entrance.")
    consultation_minutes = models.PositiveSmallIntegerField(
        default=30,
        help_text="Length of a free consultation; the booking page offers slots of this length.",
    )
    on_call_clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Gets an e-mail at once when a patient of this location reports thoughts of "
            "suicide. Left empty, every active clinician gets it."
        ),
    )
    infusions_per_clinician = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1)],
        help_text="How many infusions one clinician on duty supervises at the same time.",
    )
    booking_notice_hours = models.PositiveSmallIntegerField(
        default=12,
        help_text="How many hours ahead of its start an infusion can be booked online at least.",
    )
    booking_horizon_days = models.PositiveSmallIntegerField(
        default=90,
        validators=[MinValueValidator(1)],
        help_text="How many days ahead infusions can be booked at most.",
    )
    cancellation_hours = models.PositiveSmallIntegerField(
        default=24,
        help_text=(
            "Patients move or cancel an infusion online up to this many hours before it; "
            "after that they call, and a cancellation counts as late."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("locations:detail", args=[self.slug])

    @property
    def is_open_for_booking(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def one_line_address(self) -> str:
        return f"{self.street_address}, {self.city}, {self.state} {self.postal_code}"

    def local_time(self, instant=None):
        """An aware instant (now by default) as wall-clock time at this location."""
        return to_local(instant or timezone.now(), self.time_zone)

    @property
    def time_zone_name(self) -> str:
        """The zone as people say it ("Eastern time"), for pages and e-mails."""
        return zone_name_for_people(self.time_zone)

    def hour_intervals(self) -> list[hours.Interval]:
        return [hours.Interval(h.weekday, h.opens, h.closes) for h in self.opening_hours.all()]


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0
        TUESDAY = 1
        WEDNESDAY = 2
        THURSDAY = 3
        FRIDAY = 4
        SATURDAY = 5
        SUNDAY = 6

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(help_text="Local time at the location.")
    closes = models.TimeField(help_text="Local time at the location; must be after opening.")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["location", "weekday", "opens"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_close_after_open"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="opening_hours_weekday_valid"
            ),
            models.UniqueConstraint(
                fields=["location", "weekday", "opens"], name="opening_hours_unique_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})


class Chair(models.Model):
    """An infusion chair: one patient at a time, for the infusion and the recovery after it."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="chairs")
    name = models.CharField(max_length=60, help_text="What staff call it, such as 'Chair 2'.")
    is_active = models.BooleanField(
        default=True, help_text="An inactive chair (under repair, say) takes no bookings."
    )
    notes = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["location", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["location", "name"], name="chair_name_unique_per_location"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.location})"


class ConsultantHours(models.Model):
    """When a member of staff takes free consultations at a location, each week (local time).

    A consultation slot is offered where these hours and the location's opening hours meet
    and the person has nothing booked.
    """

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultant_hours",
        limit_choices_to={"groups__permissions__codename": "access_staff_area"},
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="consultant_hours"
    )
    weekday = models.PositiveSmallIntegerField(choices=OpeningHours.Weekday.choices)
    starts = models.TimeField(help_text="Local time at the location.")
    ends = models.TimeField(help_text="Local time at the location; must be after the start.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["location", "weekday", "starts"]
        verbose_name = "consultant hours"
        verbose_name_plural = "consultant hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="consultant_hours_end_after_start"
            ),
            models.UniqueConstraint(
                fields=["staff", "location", "weekday", "starts"],
                name="consultant_hours_unique_start",
            ),
        ]

    def __str__(self):
        return f"{self.staff} {self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self):
        if self.starts is not None and self.ends is not None and self.ends <= self.starts:
            raise ValidationError({"ends": "The end must be after the start."})
