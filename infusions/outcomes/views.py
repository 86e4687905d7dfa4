"""The outcomes pages: the patient answers before an infusion (a signed link, no login), the
patient sees their own trend, a clinician sees a patient's trend (the view is logged)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.audit.services import access_record
from clinic.lib.signed_links import read_token
from clinic.lib.timezones import zone_name_for_people
from patients.models import Patient
from patients.selectors import patient_for_request

from ..models import InfusionAppointment
from ..permissions import VIEW_RECORD
from .forms import OutcomeCheckForm
from .links import OUTCOMES_LINK, outcomes_check_path
from .questions import CRISIS_CODE
from .selectors import outcome_next_open, outcome_trend
from .services import outcome_check_open, outcome_check_save

# Which infusion's answers just reported thoughts of self-harm, kept in the session for the
# page after the redirect (never in the address, which ends up in browser histories).
CRISIS_SESSION_KEY = "outcomes-crisis"


@login_not_required
@never_cache
@ratelimit(key="ip", rate="30/h", method="POST")
def outcomes_check(request, token):
    """The questions a reminder's link opens before an infusion, with its time and place.
    No login; no earlier answers and nothing of the patient's records is shown."""
    pk = read_token(OUTCOMES_LINK, token)
    if pk is None:
        raise Http404
    appointment = get_object_or_404(
        InfusionAppointment.objects.select_related("chair__location"), pk=pk
    )
    location = appointment.chair.location
    is_open = outcome_check_open(appointment)
    form = OutcomeCheckForm(request.POST if request.method == "POST" and is_open else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                outcome_check_save(appointment, answers=form.cleaned_data)
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                if form.cleaned_data[CRISIS_CODE]:
                    request.session[CRISIS_SESSION_KEY] = appointment.pk
                messages.success(request, "Thank you: your answers are with the clinic.")
                return redirect("infusions:outcomes_check", token=token)
        status = 400
    crisis = request.session.pop(CRISIS_SESSION_KEY, None) == appointment.pk
    return render(
        request,
        "infusions/outcomes/check.html",
        {
            "appointment": appointment,
            "location": location,
            "zone": zone_name_for_people(location.time_zone),
            "is_open": is_open,
            "form": form,
            "crisis": crisis,
            "crisis_note": (
                f"Please tell the team at {location.name} about these thoughts when you "
                "arrive. Do not wait for us if you need help now."
            ),
        },
        status=status,
    )


def my_progress(request):
    """The signed-in patient's own trend, and the way to answer before their next infusion."""
    patient = patient_for_request(request)
    upcoming = outcome_next_open(patient)
    return render(
        request,
        "infusions/outcomes/my_progress.html",
        {
            "trend": outcome_trend(patient),
            "upcoming": upcoming,
            "answer_url": outcomes_check_path(upcoming.pk) if upcoming else None,
        },
    )


class PatientOutcomesView(StaffRequiredMixin, TemplateView):
    """A patient's outcome measures over the series beside the screening's baseline."""

    permissions = (VIEW_RECORD,)
    template_name = "infusions/outcomes/patient_outcomes.html"

    def get_context_data(self, **kwargs):
        patient = get_object_or_404(Patient.objects.select_related("user"), pk=kwargs["pk"])
        access_record(actor=self.request.user, patient=patient, record="outcomes")
        return {"patient": patient, "trend": outcome_trend(patient)}
