"""Booking infusions, by the patient or by the front desk. Both go through
`infusions.services.infusion_book`, which asks the eligibility gate."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from patients.consent.selectors import consent_status_label
from patients.models import Patient
from patients.selectors import patient_for_user
from screening.permissions import VIEW_STATUS

from ..eligibility import (
    Standing,
    eligibility_of,
    infusion_eligibility,
    infusion_eligibility_for_patients,
    standings_of_patients,
)
from ..models import InfusionAppointment
from ..permissions import ADD_APPOINTMENT, BOOK_OWN, VIEW_APPOINTMENTS
from .forms import InfusionBookingForm
from .services import infusion_book


def _book(request, patient, template, context, success_url):
    form = InfusionBookingForm(request.POST or None)
    eligibility = infusion_eligibility(patient=patient)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = infusion_book(
                patient=patient,
                chair=form.cleaned_data["chair"],
                starts_at=form.cleaned_data["starts_at"],
                booked_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error, renamed={"starts_at": "time"})
        else:
            location = appointment.chair.location
            local = location.local_time(appointment.starts_at)
            messages.success(
                request,
                f"Infusion booked at {location.name} on {local:%A, %B %-d at %-I:%M %p}.",
            )
            return redirect(success_url)
    status = 400 if form.errors else 200
    return render(
        request,
        template,
        {**context, "form": form, "eligibility": eligibility, "patient": patient},
        status=status,
    )


def book(request):
    if not request.user.has_perm(BOOK_OWN):
        raise PermissionDenied
    patient = patient_for_user(user=request.user)
    return _book(request, patient, "infusions/book.html", {}, "patients:dashboard")


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


class StaffInfusionBookView(StaffRequiredMixin, TemplateView):
    permissions = (ADD_APPOINTMENT,)

    def get(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def post(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def _respond(self, request, patient_pk):
        patient = get_object_or_404(Patient.objects.select_related("user"), pk=patient_pk)
        return _book(request, patient, "infusions/staff/book.html", {}, "infusions:staff_list")
