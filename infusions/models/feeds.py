import secrets

from django.db import models
from django.db.models import Q


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A patient's private calendar address: the token is the only key, so revoking it
    (a new one replaces it) stops every calendar that subscribed."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(revoked_at__isnull=True),
                name="calendar_feed_one_live_per_patient",
            ),
        ]

    def __str__(self):
        return f"Calendar feed {self.pk}"
