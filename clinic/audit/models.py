from django.conf import settings
from django.db import models


class AccessEvent(models.Model):
    """A member of staff opened or changed a patient's clinical record: who, when, which
    patient, what, from where. Written by the view or service at work, before the page is
    sent; never edited or deleted from the portal."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="access_events"
    )
    record = models.CharField(max_length=60, help_text="What was seen, such as “screening 12”.")
    action = models.CharField(max_length=30, default="viewed")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_address = models.GenericIPAddressField(
        "from", null=True, blank=True, help_text="The network address the request came from."
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.actor} {self.action} {self.record}"
