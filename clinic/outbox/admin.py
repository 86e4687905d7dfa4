from django.contrib import admin

from clinic.lib.admin import ReadOnlyAdmin

from .models import Email


@admin.register(Email)
class EmailAdmin(ReadOnlyAdmin):
    """Read-only: what was sent, what waits, and what was given up on (and why, by kind)."""

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
