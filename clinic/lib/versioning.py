"""Content kept in versions: drafts, and published versions that never change (the screening
questionnaire, the consent). Who made and who published each version is kept with it."""

from django.conf import settings
from django.db import models


class PublishedVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class PublishedVersion(models.Model):
    change_note = models.CharField(
        max_length=300, blank=True, help_text="What changed from the previous version, and why."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
