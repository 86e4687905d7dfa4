from django.contrib import admin

from clinic.lib.admin import ReadOnlyAdmin

from .models import AccessEvent


@admin.register(AccessEvent)
class AccessEventAdmin(ReadOnlyAdmin):
    """Read-only: the log is evidence, so nobody edits or deletes it here."""

    list_display = ["at", "actor", "action", "record", "patient"]
    list_filter = ["action"]
    search_fields = ["actor__email", "record"]
    date_hierarchy = "at"
    list_select_related = ["actor", "patient"]
