"""Booking infusions, by the patient or by the front desk. Both go through
`infusions.services.infusion_book`, which asks the eligibility gate."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from patients.consent.selectors import consent_status_label
from patients.models import ConsentDocument, ConsentSignature, Patient
from patients.selectors import patient_for_user
from screening.models import Screening
from screening.permissions import VIEW_STATUS

from .eligibility import infusion_eligibility
from .forms import InfusionBookingForm
from .models import InfusionAppointment
from .permissions import ADD_APPOINTMENT, BOOK_OWN, VIEW_APPOINTMENTS
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


class StaffPatientListView(StaffRequiredMixin, TemplateView):
    """Patients and where they stand. The front desk sees cleared / pending / declined,
    never the answers."""

    permissions = (VIEW_STATUS,)
    template_name = "infusions/staff/patients.html"

    def get_context_data(self, **kwargs):
        patients = (
            Patient.objects.filter(intake_completed_at__isnull=False)
            .select_related("user", "preferred_location")
            .prefetch_related(
                Prefetch(
                    "screenings",
                    queryset=Screening.objects.order_by("-submitted_at"),
                    to_attr="screenings_newest_first",
                )
            )
            .order_by("legal_last_name", "legal_first_name", "pk")
        )
        patients = patients.prefetch_related(
            Prefetch(
                "consents",
                queryset=ConsentSignature.objects.select_related("document").order_by("-signed_at"),
                to_attr="consents_newest_first",
            )
        )
        current_consent = ConsentDocument.objects.current()
        rows = [
            (
                p,
                p.screenings_newest_first[0] if p.screenings_newest_first else None,
                consent_status_label(
                    current_consent, p.consents_newest_first[0] if p.consents_newest_first else None
                ),
                p.consents_newest_first[0] if p.consents_newest_first else None,
            )
            for p in patients
        ]
        return {"rows": rows}


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
        eligibility = {}
        for appointment in appointments:
            if appointment.patient_id not in eligibility:
                eligibility[appointment.patient_id] = infusion_eligibility(
                    patient=appointment.patient
                )
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
