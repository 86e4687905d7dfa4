"""The clinician's chart of one infusion, opened from the day board. Every opening is written
to the access log; every change goes through the record's services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.audit.services import access_record
from clinic.lib.forms import form_add_service_errors

from ..models.appointments import Status
from ..outcomes.selectors import outcome_trend
from ..permissions import CHART, VIEW_RECORD
from .dose import dose_outside_range
from .forms import RecordForm, VitalsForm
from .selectors import appointment_for_chart, record_amendments, vitals_with_bounds
from .services import (
    CHARTED,
    record_discharge,
    record_open,
    record_save,
    record_sign,
    record_start,
    record_stop,
    vitals_add,
)

# The moves through the chair that the chart offers, each with the service that makes it.
STEPS = {
    Status.IN_CHAIR: (record_start, "Start the infusion", Status.CHECKED_IN),
    Status.RECOVERING: (record_stop, "Stop the infusion: recovery", Status.IN_CHAIR),
    Status.DISCHARGED: (record_discharge, "Discharge", Status.RECOVERING),
}


def record_url(appointment) -> str:
    return reverse("infusions:record", args=[appointment.pk])


def _record_of(request, appointment):
    """The appointment's record, begun on first opening; None before the patient arrives."""
    if appointment.status not in CHARTED:
        return None
    return record_open(appointment, by=request.user)


def chart_page(request, appointment, *, status=200, problems=(), **forms):
    """The chart with any refused form, or the service's words, in place."""
    record = _record_of(request, appointment)
    access_record(
        actor=request.user,
        patient=appointment.patient,
        record=f"infusion record of appointment {appointment.pk}",
    )
    context = {"appointment": appointment, "location": appointment.chair.location}
    if record is not None:
        plan = appointment.plan
        context |= {
            "record": record,
            "plan": plan,
            "dose_outside_range": dose_outside_range(record.dose_mg_per_kg, plan),
            "vitals": vitals_with_bounds(record),
            "amendments": record_amendments(record),
            "record_form": forms.get("record_form")
            or RecordForm(instance=record, appointment=appointment),
            "vitals_form": forms.get("vitals_form") or VitalsForm(appointment=appointment),
            "steps": [
                (to_status, label)
                for to_status, (_, label, from_status) in STEPS.items()
                if appointment.status == from_status
            ],
            "may_sign": appointment.status == Status.DISCHARGED and not record.is_signed,
            "trend": outcome_trend(appointment.patient),
        }
    return render(
        request,
        "infusions/record/record.html",
        context | {"problems": problems},
        status=status,
    )


class RecordView(StaffRequiredMixin, View):
    """The chart: the dose worked out, the readings, the moves, signing, the amendments."""

    permissions = (VIEW_RECORD, CHART)

    def get(self, request, pk):
        appointment = appointment_for_chart(pk=pk)
        return chart_page(request, appointment)

    def post(self, request, pk):
        appointment = appointment_for_chart(pk=pk)
        record = _record_of(request, appointment)
        if record is None:
            return chart_page(request, appointment, status=400)
        form = RecordForm(request.POST, instance=record, appointment=appointment)
        if form.is_valid():
            try:
                record_save(
                    record,
                    by=request.user,
                    changes=form.changes(),
                    reason=form.cleaned_data.get("reason", ""),
                )
            except ValidationError as refusal:
                form_add_service_errors(
                    form,
                    refusal,
                    renamed={"started_at": "started_clock", "stopped_at": "stopped_clock"},
                )
            else:
                messages.success(
                    request, "Amendment saved." if record.is_signed else "The record is saved."
                )
                return redirect(record_url(appointment))
        return chart_page(request, appointment, record_form=form, status=400)


class _RecordAction(StaffRequiredMixin, View):
    permissions = (VIEW_RECORD, CHART)

    def get(self, request, pk):
        return redirect("infusions:record", pk=pk)

    def post(self, request, pk):
        appointment = appointment_for_chart(pk=pk)
        if appointment.status not in CHARTED:
            return chart_page(request, appointment, status=400)
        record = record_open(appointment, by=request.user)
        return self.act(request, appointment, record)

    def refused(self, request, appointment, refusal, **forms):
        return chart_page(request, appointment, status=400, problems=refusal.messages, **forms)


class VitalsView(_RecordAction):
    def act(self, request, appointment, record):
        form = VitalsForm(request.POST, appointment=appointment)
        if form.is_valid():
            try:
                vitals_add(record, by=request.user, **form.readings())
            except ValidationError as refusal:
                form_add_service_errors(form, refusal)
            else:
                messages.success(request, "Vital signs added.")
                return redirect(record_url(appointment) + "#vitals")
        return chart_page(request, appointment, status=400, vitals_form=form)


class StepView(_RecordAction):
    def act(self, request, appointment, record):
        to_status = request.POST.get("to_status", "")
        if to_status not in STEPS:
            return self.refused(request, appointment, ValidationError("Choose a step."))
        move, _, from_status = STEPS[to_status]
        if appointment.status != from_status:
            return self.refused(
                request,
                appointment,
                ValidationError(
                    f"This infusion is {appointment.get_status_display().lower()} now; the "
                    "page shows it as it is."
                ),
            )
        try:
            move(record, by=request.user)
        except ValidationError as refusal:
            return self.refused(request, appointment, refusal)
        messages.success(request, f"{Status(to_status).label}.")
        return redirect(record_url(appointment))


class SignView(_RecordAction):
    def act(self, request, appointment, record):
        try:
            record_sign(record, by=request.user)
        except ValidationError as refusal:
            return self.refused(request, appointment, refusal)
        messages.success(request, "The record is signed. Later changes are kept as amendments.")
        return redirect(record_url(appointment))
