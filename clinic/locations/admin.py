from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from clinic.accounts.roles import Role

from . import hours
from .models import Chair, ConsultantHours, Location, OpeningHours


class OpeningHoursFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data
            and not f.cleaned_data.get("DELETE")
            and f.cleaned_data.get("opens")
            and f.cleaned_data.get("closes")
        ]
        clashes = hours.overlapping(
            hours.Interval(d["weekday"], d["opens"], d["closes"]) for d in kept
        )
        if clashes:
            a, b = clashes[0]
            raise ValidationError(
                f"On {hours.WEEKDAY_NAMES[a.weekday]}, {a.opens:%H:%M}–{a.closes:%H:%M} and "
                f"{b.opens:%H:%M}–{b.closes:%H:%M} overlap. Join them into one, or change one."
            )


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    formset = OpeningHoursFormSet
    extra = 0


class ChairInline(admin.TabularInline):
    model = Chair
    extra = 0


@admin.register(Location)
class LocationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "city", "status", "time_zone", "phone"]
    list_filter = ["status"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, ChairInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "on_call_clinician":
            kwargs["queryset"] = get_user_model().objects.filter(
                is_active=True, groups__name=Role.CLINICIAN.value
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Chair)
class ChairAdmin(SimpleHistoryAdmin):
    list_display = ["name", "location", "is_active"]
    list_filter = ["location", "is_active"]


@admin.register(ConsultantHours)
class ConsultantHoursAdmin(SimpleHistoryAdmin):
    list_display = ["staff", "location", "weekday", "starts", "ends"]
    list_filter = ["location", "weekday"]
