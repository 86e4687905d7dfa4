from django.contrib import admin

from clinic.lib.admin import ReadOnlyAdmin

from .models import InfusionAppointment


@admin.register(InfusionAppointment)
class InfusionAppointmentAdmin(ReadOnlyAdmin):
    """Read-only here: a booking is made only through the booking pages, which ask the
    eligibility gate. The admin cannot add or edit one past it."""

    list_display = ["starts_at", "chair", "status", "booked_by"]
    list_filter = ["status", "chair__location"]
    date_hierarchy = "starts_at"
    list_select_related = ["chair__location", "booked_by"]
