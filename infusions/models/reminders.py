from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clinic.lib.versioning import PublishedVersion, PublishedVersionQuerySet

from .appointments import InfusionAppointment
from .types import AppointmentType


class Reminder(models.Model):
    """One message to send a patient about one infusion: what, by which channel, when, and
    what became of it. A row is made for the start time it was booked for; when the infusion
    moves or is cancelled, its pending rows are void and new ones are made for the new time.
    Sent by `infusions.reminders.delivery` exactly once each (see there)."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation with the preparation sheet"
        TWO_DAYS = "two_days", "Two days before: ID, driver, medications"
        EVENING_BEFORE = "evening_before", "The evening before: when to stop eating"
        MORNING_OF = "morning_of", "The morning of the infusion"
        DAY_AFTER = "day_after", "The day after: how are you?"

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        SMS = "sms", "Text message"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        QUEUED = "queued", "Handed to a worker"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Given up"
        UNKNOWN = "unknown", "Maybe sent: no answer from the provider"
        VOID = "void", "No longer needed"

    appointment = models.ForeignKey(
        InfusionAppointment, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    for_starts_at = models.DateTimeField(help_text="The infusion's start this reminder is for.")
    round = models.PositiveSmallIntegerField(
        default=1, help_text="1 for the booking's reminders, n + 1 for those of its n-th move."
    )
    lists_series = models.BooleanField(
        default=False, help_text="A confirmation that lists every infusion booked with it."
    )
    due_at = models.DateTimeField(help_text="UTC: when to send it (or try again).")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(
        max_length=200, blank=True, help_text="This attempt's own id, set before it is sent."
    )
    provider_id = models.CharField(
        max_length=200, blank=True, help_text="The id the mail server or provider gave it."
    )
    last_error = models.CharField(max_length=200, blank=True, help_text="Its kind only.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            # Made once per infusion, kind, channel and booking of it, however often planned.
            models.UniqueConstraint(
                fields=["appointment", "kind", "channel", "round"],
                name="reminder_once_per_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="reminder_sent_has_time",
            ),
        ]
        indexes = [
            # The dispatcher's question, every minute: what is due?
            models.Index(
                fields=["due_at"],
                condition=Q(status__in=["pending", "queued", "sending"]),
                name="reminder_due",
            ),
        ]

    def __str__(self):
        return f"Reminder {self.pk}"


class ReminderChannels(models.Model):
    """How a patient wants their reminders: e-mail always, text messages if they ask and
    until they reply STOP (the provider's webhook records it)."""

    patient = models.OneToOneField(
        "patients.Patient", on_delete=models.CASCADE, related_name="reminder_channels"
    )
    sms = models.BooleanField("Text messages too", default=False)
    sms_stopped_at = models.DateTimeField(
        null=True, blank=True, help_text="When they replied STOP; asking again clears it."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Reminder channels {self.pk}"

    @property
    def sends_sms(self) -> bool:
        return self.sms and self.sms_stopped_at is None


class ReminderRule(models.Model):
    """A clinic admin's change to one reminder's schedule, for one appointment type or (no
    type) for all: whether it is sent, by which channels, and when. A reminder with no rule
    keeps the shipped schedule (infusions/reminders/schedule.py); the confirmation always
    goes. Bookings already made keep the reminders planned for them."""

    Kind = Reminder.Kind

    appointment_type = models.ForeignKey(
        AppointmentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminder_rules",
        help_text="Empty: every appointment type without a rule of its own.",
    )
    kind = models.CharField(
        max_length=20, choices=[c for c in Reminder.Kind.choices if c[0] != "confirmation"]
    )
    is_sent = models.BooleanField("Sent", default=True)
    by_email = models.BooleanField("By e-mail", default=True)
    by_sms = models.BooleanField(
        "By text message", default=True, help_text="To patients who asked for texts."
    )
    hours_before = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Two days before only: how many hours before the start (shipped: 48).",
    )
    local_time = models.TimeField(
        null=True,
        blank=True,
        help_text="The evening before, the morning of and the day after: the location's "
        "clock time (shipped: 6 PM, 7 AM, 10 AM).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["appointment_type", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment_type", "kind"], name="reminder_rule_one_per_type_and_kind"
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(appointment_type__isnull=True),
                name="reminder_rule_one_default_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(hours_before__isnull=True) | Q(hours_before__range=(3, 168)),
                name="reminder_rule_hours_before_in_range",
            ),
        ]

    def __str__(self):
        return f"Reminder rule {self.pk}"


class ReminderWording(PublishedVersion):
    """The words of one reminder by one channel, as a clinic admin writes them: versions,
    each a draft until published and never changed after. The newest published version is
    used; with none, the shipped words. Placeholders in braces take the appointment's facts
    (infusions/reminders/content.py: WORDING_FACTS); the links, the clinic's phone and, for
    texts, how to stop them are always added after the words."""

    kind = models.CharField(max_length=20, choices=Reminder.Kind.choices)
    channel = models.CharField(max_length=10, choices=Reminder.Channel.choices)
    version = models.PositiveSmallIntegerField(editable=False)
    subject = models.CharField(max_length=200, blank=True, help_text="E-mail only.")
    body = models.TextField(max_length=2000)

    objects = PublishedVersionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "channel", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "channel", "version"], name="reminder_wording_version_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_channel_display()}), version {self.version}"
