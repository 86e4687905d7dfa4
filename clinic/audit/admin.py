import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from clinic.lib.admin import ReadOnlyAdmin

from .models import AccessEvent

EXPORT_COLUMNS = ("at", "actor", "action", "record", "patient id", "from")


@admin.register(AccessEvent)
class AccessEventAdmin(ReadOnlyAdmin):
    """Read-only: the log is evidence, so nobody edits or deletes it here. Clinic admins
    filter it (by what was done, when, by whom) and export what they filtered as CSV."""

    list_display = ["at", "actor", "action", "record", "patient", "from_address"]
    list_filter = ["action", "at", ("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["actor__email", "record", "patient__legal_last_name", "from_address"]
    date_hierarchy = "at"
    list_select_related = ["actor", "patient"]
    actions = ["export_csv"]

    @admin.action(description="Export the selected entries as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="access-log-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(EXPORT_COLUMNS)
        for event in queryset.select_related("actor").order_by("at", "pk"):
            writer.writerow(
                [
                    event.at.isoformat(),
                    event.actor.email,
                    event.action,
                    event.record,
                    event.patient_id,
                    event.from_address or "",
                ]
            )
        return response
