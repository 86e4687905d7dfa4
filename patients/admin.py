from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from .models import ClosureRequest
from .rights.services import closure_handle


@admin.register(ClosureRequest)
class ClosureRequestAdmin(admin.ModelAdmin):
    """Patients' requests to close their account. The action closes the account (the sign-in
    stops working) and keeps every record; only the staff note can be edited."""

    list_display = ["__str__", "patient", "status", "requested_at", "handled_by", "handled_at"]
    list_filter = ["status"]
    readonly_fields = [
        "patient",
        "reason",
        "requested_at",
        "status",
        "handled_by",
        "handled_at",
    ]
    fields = [*readonly_fields, "staff_note"]
    date_hierarchy = "requested_at"
    actions = ["close_account"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Close the account", permissions=["change"])
    def close_account(self, request, queryset):
        closed = 0
        for closure in queryset.select_related("patient__user"):
            try:
                closure_handle(closure, by=request.user, note=closure.staff_note)
            except ValidationError as error:
                self.message_user(request, f"{closure}: {error.messages[0]}", messages.WARNING)
            else:
                closed += 1
        if closed:
            self.message_user(
                request,
                f"Closed {closed} account{'s' if closed != 1 else ''}; their records are kept.",
                messages.SUCCESS,
            )
