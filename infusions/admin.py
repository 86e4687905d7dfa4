from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clinic.lib.admin import ReadOnlyAdmin

from .models import (
    AppointmentType,
    DutyException,
    DutyShift,
    InfusionAppointment,
    Reminder,
    ReminderRule,
)


@admin.register(AppointmentType)
class AppointmentTypeAdmin(SimpleHistoryAdmin):
    """Clinic admins set how long each kind of visit holds a chair. A booking copied the
    minutes when it was made, so a change here applies to new bookings only."""

    list_display = [
        "name",
        "kind",
        "infusion_minutes",
        "recovery_minutes",
        "turnover_minutes",
        "chair_minutes",
        "is_active",
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]

    @admin.display(description="Chair minutes")
    def chair_minutes(self, appointment_type):
        return appointment_type.chair_minutes


@admin.register(DutyShift)
class DutyShiftAdmin(SimpleHistoryAdmin):
    list_display = ["location", "clinician", "weekday", "starts", "ends"]
    list_filter = ["location", ("clinician", admin.RelatedOnlyFieldListFilter), "weekday"]
    list_select_related = ["location", "clinician"]
    ordering = ["location", "clinician", "weekday", "starts"]


@admin.register(DutyException)
class DutyExceptionAdmin(SimpleHistoryAdmin):
    list_display = ["day", "location", "clinician", "starts", "ends", "note"]
    list_filter = ["location", ("clinician", admin.RelatedOnlyFieldListFilter), "day"]
    list_select_related = ["location", "clinician"]
    date_hierarchy = "day"


@admin.register(InfusionAppointment)
class InfusionAppointmentAdmin(ReadOnlyAdmin):
    """Read-only here: a booking is made only through the booking pages, which ask the
    eligibility gate. The admin cannot add or edit one past it."""

    list_display = ["starts_at", "chair", "appointment_type", "status", "supervisor", "booked_by"]
    list_filter = ["status", "appointment_type", "chair__location"]
    date_hierarchy = "starts_at"
    list_select_related = ["chair__location", "appointment_type", "supervisor", "booked_by"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """Read-only: what was sent about which infusion, what waits, and what was given up on
    (the kind of error only)."""

    list_display = ["due_at", "appointment", "kind", "channel", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "channel"]
    date_hierarchy = "due_at"
    readonly_fields = [
        "appointment",
        "kind",
        "channel",
        "for_starts_at",
        "round",
        "due_at",
        "status",
        "attempts",
        "queued_at",
        "sent_at",
        "provider_id",
        "last_error",
    ]


@admin.register(ReminderRule)
class ReminderRuleAdmin(SimpleHistoryAdmin):
    """Clinic admins change when each reminder goes and by which channels, for one
    appointment type or for all; every change is kept in the history. Bookings already
    made keep the reminders planned for them."""

    list_display = [
        "kind",
        "appointment_type",
        "is_sent",
        "by_email",
        "by_sms",
        "hours_before",
        "local_time",
    ]
    list_filter = ["kind", "appointment_type"]
