from django.contrib import admin

from .models import InfusionAppointment


@admin.register(InfusionAppointment)
class InfusionAppointmentAdmin(admin.ModelAdmin):
    """Read-only here: a booking is made only through the booking pages, which ask the
    eligibility gate. The admin cannot add or edit one past it."""

    list_display = ["starts_at", "chair", "status", "booked_by"]
    list_filter = ["status", "chair__location"]
    date_hierarchy = "starts_at"
    list_select_related = ["chair__location", "booked_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
