from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from clinic.lib.signed_links import read_token
from clinic.lib.timezones import zone_name_for_people

from ..models import InfusionAppointment
from ..reminders.content import CHECKLIST_LINK
from ..reminders.preparation import fasting_for
from . import services
from .forms import ChecklistForm


@login_not_required
@never_cache
@ratelimit(key="ip", rate="30/h", method="POST")
def checklist(request, token):
    """The page a reminder's link opens: the infusion's time and place, and the checklist.
    No login; nothing of the patient's records is shown."""
    pk = read_token(CHECKLIST_LINK, token)
    if pk is None:
        raise Http404
    appointment = get_object_or_404(
        InfusionAppointment.objects.select_related("chair__location"), pk=pk
    )
    location = appointment.chair.location
    fasting = fasting_for(appointment.starts_at, location.time_zone)
    current = services.checklist_current(appointment)
    is_open = services.checklist_open(appointment)
    form = ChecklistForm(
        request.POST if request.method == "POST" and is_open else None,
        stop_eating_words=fasting.stop_eating_words,
        initial={"driver_name": appointment.driver_name, "driver_phone": appointment.driver_phone},
    )
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                services.checklist_confirm(
                    appointment,
                    driver_name=form.cleaned_data["driver_name"],
                    driver_phone=form.cleaned_data["driver_phone"],
                    fasting=form.cleaned_data["fasting"],
                    photo_id=form.cleaned_data["photo_id"],
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, "Thank you: the clinic can see what you confirmed.")
                return redirect("infusions:checklist", token=token)
        status = 400
    return render(
        request,
        "infusions/checklist/checklist.html",
        {
            "appointment": appointment,
            "location": location,
            "zone": zone_name_for_people(location.time_zone),
            "fasting": fasting,
            "current": current,
            "is_open": is_open,
            "form": form,
        },
        status=status,
    )
