from django.contrib import admin, messages

from clinic.lib.admin import ReadOnlyAdmin

from .models import Email
from .services import emails_retry_failed


@admin.register(Email)
class EmailAdmin(ReadOnlyAdmin):
    """Read-only: what was sent, what waits, and what was given up on (and why, by kind).
    A given-up e-mail can be sent again, once the mail server's trouble is fixed."""

    list_display = ["task", "status", "attempts", "created_at", "next_attempt_at", "sent_at"]
    list_filter = ["status", "task"]
    readonly_fields = [
        "task",
        "kwargs",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    date_hierarchy = "created_at"
    actions = ["retry_failed"]

    @admin.action(description="Send the selected given-up e-mails again", permissions=["retry"])
    def retry_failed(self, request, queryset):
        selected = list(queryset.values_list("pk", flat=True))
        retried = emails_retry_failed(ids=selected)
        if retried:
            self.message_user(
                request,
                f"{retried} given-up e-mail{'s' if retried != 1 else ''} will be sent again "
                "within a minute.",
                messages.SUCCESS,
            )
        if retried < len(selected):
            self.message_user(
                request,
                f"Left alone: {len(selected) - retried} of the selected e-mails, which had "
                "not been given up on.",
                messages.WARNING,
            )

    def has_retry_permission(self, request):
        return request.user.has_perm("outbox.retry_email")
