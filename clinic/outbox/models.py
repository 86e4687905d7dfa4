from django.db import models
from django.db.models import Q


class EmailQuerySet(models.QuerySet):
    def due(self, now):
        """Pending e-mails whose next attempt has come: what the sweep sends."""
        return self.filter(status=Email.Status.PENDING, next_attempt_at__lte=now)


class Email(models.Model):
    """One e-mail to send: which task renders it, and the ids it renders it from. The task
    reads names and addresses from the database when it sends, so none are stored here."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Given up"

    task = models.CharField(
        max_length=200, help_text="The Celery name of the task that renders and sends it."
    )
    kwargs = models.JSONField(
        default=dict,
        help_text="The task's arguments: ids only, never names, addresses or clinical details.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Failed attempts so far.")
    next_attempt_at = models.DateTimeField(
        help_text="When the sweep may send it; the hand-off at commit sends it at once."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(
        max_length=200,
        blank=True,
        help_text="The kind of the last error, never its message (which may quote an address).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "outgoing e-mail"
        permissions = [("retry_email", "Can send a given-up e-mail again")]
        indexes = [
            # The sweep's question, every minute: which pending e-mails are due?
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="outbox_email_due",
            ),
        ]

    def __str__(self):
        return f"{self.task.rsplit('.', 1)[-1]} #{self.pk}"
