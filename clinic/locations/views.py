from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.page_cache import cached_for_visitors

from .hours import week_schedule
from .models import Location


@login_not_required
@cached_for_visitors
def location_list(request):
    locations = Location.objects.listed().prefetch_related("opening_hours")
    return render(request, "locations/list.html", {"locations": locations})


@login_not_required
@cached_for_visitors
def location_detail(request, slug):
    location = get_object_or_404(Location.objects.prefetch_related("opening_hours"), slug=slug)
    return render(
        request,
        "locations/detail.html",
        {"location": location, "schedule": week_schedule(location.hour_intervals())},
    )


class StaffLocationListView(StaffRequiredMixin, ListView):
    """Every location with its chairs and hours, for staff planning the day."""

    permissions = ("locations.view_location",)
    template_name = "locations/staff_list.html"
    queryset = Location.objects.prefetch_related("chairs", "opening_hours")
