from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.timezones import zone_name_for_people
from clinic.locations.models import Location

from ..models import Reminder
from ..permissions import VIEW_APPOINTMENTS
from ..reminders.services import reminder_resend
from .selectors import preparing_on, reminders_not_delivered

RESEND = "infusions.change_infusionappointment"
FARTHEST = timedelta(days=400)


def _place(params) -> tuple[Location | None, date | None, str]:
    """The location and local day asked for: by default the first open location and
    tomorrow, the day whose preparations are still to be sorted out."""
    locations = list(Location.objects.listed())
    location = next((loc for loc in locations if str(loc.pk) == params.get("location")), None)
    location = location or next((loc for loc in locations if loc.is_open_for_booking), None)
    if location is None:
        return None, None, ""
    tomorrow = location.local_time().date() + timedelta(days=1)
    try:
        day = date.fromisoformat(params.get("day", ""))
    except ValueError:
        day = None
    if day is None or abs(day - tomorrow) > FARTHEST:
        return location, tomorrow, "That date could not be read, so the list shows tomorrow."
    return location, day, ""


class FollowUpView(StaffRequiredMixin, TemplateView):
    template_name = "infusions/follow_up/day.html"
    permissions = (VIEW_APPOINTMENTS,)

    def get_context_data(self, **kwargs):
        location, day, problem = _place(self.request.GET)
        if problem and self.request.GET.get("day"):
            messages.warning(self.request, problem)
        context = {"location": location, "day": day, "locations": Location.objects.listed()}
        if location is not None:
            context |= {
                "zone": zone_name_for_people(location.time_zone),
                "preparing": preparing_on(location, day),
                "not_delivered": reminders_not_delivered(location),
                "can_resend": self.request.user.has_perm(RESEND),
            }
        return super().get_context_data(**kwargs) | context


class ResendView(StaffRequiredMixin, View):
    permissions = (VIEW_APPOINTMENTS, RESEND)

    def post(self, request, pk):
        reminder = get_object_or_404(Reminder.objects.select_related("appointment__chair"), pk=pk)
        if reminder_resend(reminder):
            messages.success(request, "It will be sent again within a minute.")
        else:
            messages.info(request, "That reminder was not waiting to be sent again.")
        location = reminder.appointment.chair.location_id
        return redirect(reverse("infusions:follow_up") + "?" + urlencode({"location": location}))
