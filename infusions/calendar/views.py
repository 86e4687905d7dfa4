"""A patient's infusions in their own calendar: one infusion's .ics file, and a private
address their calendar app subscribes to (the address is the only key, so it can be
stopped and a new one made)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from patients.selectors import patient_for_request

from ..models import CalendarFeed, InfusionAppointment
from .ics import infusion_event, infusions_ics
from .services import calendar_feed_create, calendar_feed_of, calendar_feed_revoke

FEED_NAME = "Clinic appointments"


def _events(request, appointments):
    return [
        infusion_event(
            appointment,
            domain=request.get_host(),
            page_url=request.build_absolute_uri(
                reverse("infusions:my_infusion", args=[appointment.pk])
            ),
            sequence=appointment.changes,
        )
        for appointment in appointments
    ]


def _with_changes(queryset):
    # Each move is a status change; calendars take the higher SEQUENCE as the newer event.
    return queryset.select_related("chair__location").annotate(changes=Count("status_changes"))


def _ics_response(body: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def my_infusion_ics(request, pk):
    patient = patient_for_request(request)
    appointment = get_object_or_404(
        _with_changes(InfusionAppointment.objects.filter(patient=patient)), pk=pk
    )
    return _ics_response(infusions_ics(_events(request, [appointment])), "infusion.ics")


def calendar_feed(request):
    """The patient's subscribe address: made, shown, or stopped."""
    patient = patient_for_request(request)
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            if calendar_feed_revoke(patient=patient):
                messages.success(
                    request,
                    "That address is stopped: calendars subscribed to it get nothing more. "
                    "You can make a new one below.",
                )
        else:
            calendar_feed_create(patient=patient)
            messages.success(request, "Your calendar address is ready.")
        return redirect("infusions:calendar_feed")
    feed = calendar_feed_of(patient)
    address = (
        request.build_absolute_uri(reverse("infusions:calendar_feed_ics", args=[feed.token]))
        if feed
        else ""
    )
    return render(
        request,
        "infusions/calendar/feed.html",
        {
            "feed": feed,
            "address": address,
            "webcal_address": address.replace("https://", "webcal://", 1).replace(
                "http://", "webcal://", 1
            ),
        },
    )


@login_not_required
@never_cache
def calendar_feed_ics(request, token):
    """What a calendar app fetches: the patient's upcoming infusions. The token is the key;
    a stopped or unknown one is not found."""
    feed = CalendarFeed.objects.filter(token=token, revoked_at__isnull=True).first()
    if feed is None:
        raise Http404("This calendar address is not in use.")
    appointments = _with_changes(
        InfusionAppointment.objects.live().filter(
            patient_id=feed.patient_id, ends_at__gt=timezone.now()
        )
    )
    return _ics_response(infusions_ics(_events(request, appointments), name=FEED_NAME))
