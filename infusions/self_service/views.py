"""A patient's own infusion: when and where, the driver home, and moving or cancelling it
online while the cancellation policy allows (inside the window they call the clinic)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from clinic.lib.forms import form_add_service_errors
from patients.selectors import patient_for_request

from ..booking.availability import free_time_page
from ..booking.forms import PICKED, FreeTimeForm, date_param
from ..booking.services import (
    Booked,
    cancellation_deadline,
    infusion_cancel,
    infusion_move,
    patient_may_change,
)
from ..models import InfusionAppointment
from ..models.appointments import Status
from ..reminders.preparation import fasting_for
from .forms import DriverForm
from .services import infusion_set_driver

CANCELLED_ONLINE = "Cancelled by the patient online"
NOT_BOOKED = "This infusion is no longer booked, so there is nothing to change."


def own_infusion(request, pk) -> InfusionAppointment:
    """One of the signed-in patient's infusions; anyone else's is not found."""
    patient = patient_for_request(request)
    return get_object_or_404(
        InfusionAppointment.objects.select_related("chair__location", "appointment_type"),
        pk=pk,
        patient=patient,
    )


def _context(appointment, **extra) -> dict:
    location = appointment.chair.location
    return {
        "appointment": appointment,
        "location": location,
        "starts": location.local_time(appointment.starts_at),
        "ends": location.local_time(appointment.ends_at),
        "deadline": location.local_time(cancellation_deadline(appointment)),
        "may_change": patient_may_change(appointment),
        "is_booked": appointment.status == Status.BOOKED,
        "fasting": fasting_for(appointment.starts_at, location.time_zone),
        **extra,
    }


def my_infusion(request, pk):
    appointment = own_infusion(request, pk)
    form = DriverForm(
        request.POST if request.method == "POST" else None,
        initial={"driver_name": appointment.driver_name, "driver_phone": appointment.driver_phone},
    )
    if request.method == "POST" and form.is_valid():
        try:
            infusion_set_driver(appointment, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, "Thank you: the driver's details are saved.")
            return redirect("infusions:my_infusion", appointment.pk)
    return render(
        request,
        "infusions/self_service/infusion.html",
        _context(appointment, form=form),
        status=400 if form.errors else 200,
    )


def my_infusion_move(request, pk):
    appointment = own_infusion(request, pk)
    posted = request.method == "POST"
    form = FreeTimeForm(request.POST if posted else None)
    if posted:
        if appointment.status != Status.BOOKED:
            form.add_error(None, NOT_BOOKED)
        elif form.is_valid():
            chair, starts_at = form.cleaned_data["slot"]
            try:
                moved = infusion_move(
                    appointment, chair=chair, starts_at=starts_at, by=request.user, online=True
                )
            except ValidationError as error:
                form_add_service_errors(form, error, renamed=PICKED)
            else:
                messages.success(request, f"Your infusion is moved to {Booked.of(moved)}.")
                return redirect("infusions:my_infusion", appointment.pk)
    picker = None
    if patient_may_change(appointment):
        location = appointment.chair.location
        picked = form.picked
        params = request.POST if posted else request.GET
        picker = free_time_page(
            location,
            window_start=date_param(params.get("from")),
            wanted_day=location.local_time(picked[1]).date()
            if picked
            else date_param(request.GET.get("day")),
            patient=appointment.patient,
            appointment_type=appointment,  # a move keeps the minutes it was booked with
            plan=appointment.plan,
            ignore_pk=appointment.pk,
            online=True,
        )
        form.fields["slot"].offer(picker.times)
    return render(
        request,
        "infusions/self_service/move.html",
        _context(appointment, form=form, picker=picker),
        status=400 if form.errors else 200,
    )


def my_infusion_cancel(request, pk):
    appointment = own_infusion(request, pk)
    refusal = None
    if request.method == "POST":
        if appointment.status != Status.BOOKED:
            refusal = NOT_BOOKED
        else:
            try:
                infusion_cancel(appointment, by=request.user, reason=CANCELLED_ONLINE, online=True)
            except ValidationError as error:
                refusal = " ".join(error.messages)
            else:
                messages.success(
                    request, f"Your infusion at {Booked.of(appointment)} is cancelled."
                )
                return redirect("infusions:my_infusion", appointment.pk)
    return render(
        request,
        "infusions/self_service/cancel.html",
        _context(appointment, refusal=refusal),
        status=400 if refusal else 200,
    )
