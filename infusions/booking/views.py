"""Booking infusions, by the patient from the free times, or by the front desk from the same
free times or at any typed time. Every way goes through `infusion_book`, which asks the
eligibility gate and the booking rules."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from clinic.locations.models import Location
from patients.consent.selectors import consent_status_label
from patients.models import Patient
from patients.selectors import patient_for_request
from screening.permissions import VIEW_STATUS

from ..eligibility import (
    Standing,
    eligibility_of,
    infusion_eligibility,
    infusion_eligibility_for_patients,
    standings_of_patients,
)
from ..models import AppointmentType, InfusionAppointment
from ..permissions import ADD_APPOINTMENT, BOOK_OWN, VIEW_APPOINTMENTS
from .availability import free_time_page, kind_to_book
from .forms import PICKED, PatientBookingForm, StaffBookingForm, StaffPickForm, date_param
from .services import Booked, infusion_book


def chosen_location(params, locations, *, preferred_pk=None):
    """The open location asked for by pk, else the preferred one, else the first."""
    asked = params.get("location", "")
    return (
        next((loc for loc in locations if str(loc.pk) == asked), None)
        or next((loc for loc in locations if loc.pk == preferred_pk), None)
        or next(iter(locations), None)
    )


def _free_times(request, form, *, patient, appointment_type, keep=None, **search):
    """The open locations, the one whose free times are shown (the picked chair's after a
    post, else the one asked for or the patient's own), and its page of free times for
    `appointment_type`, offered on `form`'s slot field."""
    locations = list(Location.objects.bookable())
    picked = form.picked
    params = request.POST if request.method == "POST" else request.GET
    if picked:
        location, wanted_day = picked[0].location, picked[0].location.local_time(picked[1]).date()
    else:
        location = chosen_location(
            request.GET, locations, preferred_pk=patient.preferred_location_id
        )
        wanted_day = date_param(request.GET.get("day"))
    picker = None
    if location is not None and appointment_type is not None:
        picker = free_time_page(
            location,
            window_start=date_param(params.get("from")),
            wanted_day=wanted_day,
            keep={"location": location.pk, **(keep or {})},
            patient=patient,
            appointment_type=appointment_type,
            **search,
        )
    return locations, location, picker


def _booked_message(appointment) -> str:
    return (
        f"Infusion booked at {Booked.of(appointment)} "
        f"({appointment.chair.location.time_zone_name})."
    )


def book(request):
    """The patient books one of the free times for themselves, with their driver if known."""
    if not request.user.has_perm(BOOK_OWN):
        raise PermissionDenied
    patient = patient_for_request(request)
    eligibility = infusion_eligibility(patient=patient)
    posted = request.method == "POST"
    if not eligibility.allowed:
        return render(
            request,
            "infusions/book.html",
            {"eligibility": eligibility, "patient": patient},
            status=400 if posted else 200,
        )
    appointment_type, plan = kind_to_book(patient)
    form = PatientBookingForm(request.POST if posted else None)
    if posted and form.is_valid():
        chair, starts_at = form.cleaned_data["slot"]
        try:
            appointment = infusion_book(
                patient=patient,
                chair=chair,
                starts_at=starts_at,
                booked_by=request.user,
                appointment_type=appointment_type,
                plan=plan,
                online=True,
                driver_name=form.cleaned_data["driver_name"],
                driver_phone=form.cleaned_data["driver_phone"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error, renamed=PICKED)
        else:
            messages.success(request, _booked_message(appointment))
            return redirect("infusions:my_infusion", appointment.pk)
    locations, location, picker = _free_times(
        request, form, patient=patient, appointment_type=appointment_type, plan=plan, online=True
    )
    if picker is not None:
        form.fields["slot"].offer(picker.times)
    return render(
        request,
        "infusions/book.html",
        {
            "eligibility": eligibility,
            "patient": patient,
            "form": form,
            "picker": picker,
            "location": location,
            "locations": locations,
            "appointment_type": appointment_type,
        },
        status=400 if form.errors else 200,
    )


@dataclass(frozen=True)
class PatientRow:
    """One patient on the front desk's list, with what the gate makes of them."""

    patient: Patient
    standing: Standing

    @property
    def eligibility(self):
        return eligibility_of(self.standing)

    @property
    def consent_label(self) -> str:
        return consent_status_label(self.standing.current_consent, self.standing.latest_signature)


class StaffPatientListView(StaffRequiredMixin, TemplateView):
    """Patients and where they stand. The front desk sees cleared / pending / declined,
    never the answers."""

    permissions = (VIEW_STATUS,)
    template_name = "infusions/staff/patients.html"

    def get_context_data(self, **kwargs):
        patients = list(
            Patient.objects.filter(intake_completed_at__isnull=False)
            .select_related("user", "preferred_location")
            .order_by("legal_last_name", "legal_first_name", "pk")
        )
        standings = standings_of_patients(patients)
        return {"rows": [PatientRow(p, standings[p.pk]) for p in patients]}


class StaffInfusionListView(StaffRequiredMixin, TemplateView):
    permissions = (VIEW_APPOINTMENTS,)
    template_name = "infusions/staff/list.html"

    def get_context_data(self, **kwargs):
        appointments = list(
            InfusionAppointment.objects.booked()
            .filter(ends_at__gte=timezone.now())
            .select_related("patient__user", "chair__location")
        )
        # A booking made while the patient was cleared stays in the list when the review
        # reopens or a new consent is due; the desk sees it is on hold and why.
        eligibility = infusion_eligibility_for_patients({a.patient for a in appointments})
        return {"rows": [(a, eligibility[a.patient_id]) for a in appointments]}


class StaffInfusionBookView(StaffRequiredMixin, View):
    """The front desk books a patient: one of the free times, or any day, time and chair
    typed (the rules still apply, but not the online notice)."""

    permissions = (ADD_APPOINTMENT,)
    template_name = "infusions/staff/book.html"

    def get(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def post(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def _respond(self, request, patient_pk):
        patient = get_object_or_404(Patient.objects.select_related("user"), pk=patient_pk)
        eligibility = infusion_eligibility(patient=patient)
        posted = request.method == "POST"
        if not eligibility.allowed:
            context = {"eligibility": eligibility, "patient": patient}
            return render(request, self.template_name, context, status=400 if posted else 200)
        usual_type, plan = kind_to_book(patient)
        picking = posted and request.POST.get("form") == "pick"
        pick = StaffPickForm(request.POST if picking else None, prefix="pick")
        typed = StaffBookingForm(request.POST if posted and not picking else None)
        form = pick if picking else typed
        if posted and form.is_valid():
            data = form.cleaned_data
            chair, starts_at = data["slot"] if picking else (data["chair"], data["starts_at"])
            try:
                appointment = infusion_book(
                    patient=patient,
                    chair=chair,
                    starts_at=starts_at,
                    booked_by=request.user,
                    appointment_type=data["appointment_type"] or usual_type,
                    plan=plan,
                    online=False,
                    driver_name=data["driver_name"],
                    driver_phone=data["driver_phone"],
                )
            except ValidationError as error:
                renamed = PICKED if picking else {"starts_at": "time"}
                form_add_service_errors(form, error, renamed=renamed)
            else:
                messages.success(request, _booked_message(appointment))
                return redirect("infusions:staff_list")
        types = list(AppointmentType.objects.active())
        asked_type = (request.POST if picking else request.GET).get(
            "pick-appointment_type" if picking else "type"
        )
        kind = next((t for t in types if str(t.pk) == asked_type), None) or usual_type
        locations, location, picker = _free_times(
            request,
            pick,
            patient=patient,
            appointment_type=kind,
            keep={"type": kind.pk} if kind else {},
            plan=plan,
            online=False,
        )
        if picker is not None:
            chairs = dict(location.chairs.values_list("pk", "name"))
            pick.fields["slot"].offer(
                picker.times, label=lambda free: f"{free.label}, {chairs.get(free.chair_id)}"
            )
        return render(
            request,
            self.template_name,
            {
                "eligibility": eligibility,
                "patient": patient,
                "pick": pick,
                "form": typed,
                "picker": picker,
                "location": location,
                "locations": locations,
                "types": types,
                "kind": kind,
                "usual_type": usual_type,
            },
            status=400 if form.errors else 200,
        )
