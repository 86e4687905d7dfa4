"""The patient's visit summary after discharge: what was given (the dose only if the clinic
shows it), how to look after themselves, and whom to call."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from patients.selectors import patient_for_request

from ..models import InfusionAppointment, InfusionRecord
from ..models.appointments import Status


def visit_summary(request, pk):
    patient = patient_for_request(request)
    appointment = get_object_or_404(
        InfusionAppointment.objects.select_related("chair__location", "appointment_type"),
        pk=pk,
        patient=patient,
    )
    if appointment.status != Status.DISCHARGED:
        raise Http404  # there is no visit to sum up yet
    record = InfusionRecord.objects.filter(appointment=appointment).first()
    location = appointment.chair.location
    minutes = None
    if record and record.started_at and record.stopped_at:
        minutes = round((record.stopped_at - record.started_at).total_seconds() / 60)
    return render(
        request,
        "infusions/record/visit_summary.html",
        {
            "appointment": appointment,
            "location": location,
            "starts": location.local_time(appointment.starts_at),
            "record": record,
            "minutes": minutes,
            "shows_dose": settings.VISIT_SUMMARY_SHOWS_DOSE,
        },
    )
