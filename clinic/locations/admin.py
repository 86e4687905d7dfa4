from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Chair, Location, OpeningHours


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
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


@admin.register(Chair)
class ChairAdmin(SimpleHistoryAdmin):
    list_display = ["name", "location", "is_active"]
    list_filter = ["location", "is_active"]
