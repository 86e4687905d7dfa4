from django import forms
from django.contrib import admin, messages
from django.db.models import Max
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from clinic.lib.admin import ReadOnlyAdmin

from .models import (
    AppointmentType,
    DutyException,
    DutyShift,
    InfusionAppointment,
    Reminder,
    ReminderRule,
    ReminderWording,
)
from .reminders.content import WORDING_FACTS, wording_preview, wording_problems


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


class ReminderWordingForm(forms.ModelForm):
    class Meta:
        model = ReminderWording
        fields = ["kind", "channel", "subject", "body", "change_note"]
        help_texts = {
            "body": "Facts in braces: "
            + "; ".join(f"{{{name}}} {meaning}" for name, meaning in WORDING_FACTS.items())
            + ". The links, the phone and, for texts, how to stop them are added after.",
        }

    def clean(self):
        data = super().clean()
        if data.get("channel") == Reminder.Channel.EMAIL and not data.get("subject", "").strip():
            self.add_error("subject", "An e-mail needs a subject.")
        for field in ("subject", "body"):
            try:
                wording_problems(data.get(field, ""))
            except forms.ValidationError as problem:
                self.add_error(field, problem)
        return data


@admin.register(ReminderWording)
class ReminderWordingAdmin(admin.ModelAdmin):
    """Clinic admins write a reminder's words as a draft, read the preview, and publish it;
    a published version never changes (a change is a new version) and the newest is used."""

    form = ReminderWordingForm
    list_display = ["kind", "channel", "version", "published_at", "published_by"]
    list_filter = ["kind", "channel"]
    actions = ["publish"]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["version", "preview", "created_by", "published_at", "published_by"]
        if obj is not None and obj.is_published:
            return [*fixed, "kind", "channel", "subject", "body", "change_note"]
        return fixed

    def get_fields(self, request, obj=None):
        fields = ["kind", "channel", "subject", "body", "change_note"]
        return fields if obj is None else [*fields, "version", "preview", "published_at"]

    @admin.display(description="Preview (a made-up 9:00 AM infusion)")
    def preview(self, wording):
        return format_html('<pre style="white-space: pre-wrap">{}</pre>', wording_preview(wording))

    def save_model(self, request, obj, form, change):
        if not change:
            last = ReminderWording.objects.filter(kind=obj.kind, channel=obj.channel).aggregate(
                last=Max("version")
            )["last"]
            obj.version, obj.created_by = (last or 0) + 1, request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    @admin.action(description="Publish the selected drafts", permissions=["change"])
    def publish(self, request, queryset):
        published = queryset.filter(published_at__isnull=True).update(
            published_at=timezone.now(), published_by=request.user
        )
        self.message_user(request, f"Published: {published}.", messages.SUCCESS)
