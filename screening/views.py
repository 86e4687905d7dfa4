"""The patient's safety questions, the crisis page, and the clinicians' review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.drafts import draft_owner_token, draft_stash, draft_take
from clinic.lib.forms import form_add_service_errors
from patients.selectors import patient_for_request

from . import engine, selectors, services
from .forms import DecisionForm, QuestionnaireForm, ReplyForm
from .models import QuestionnaireVersion, Screening
from .permissions import DECIDE, VIEW_ANSWERS

DRAFT_KEY = "screening"


@login_not_required
@ratelimit(key="ip", rate="60/h", method="POST")
def questionnaire(request):
    if not request.user.is_authenticated:
        if request.method == "POST":
            draft_stash(request, DRAFT_KEY)
        return redirect_to_login(request.path)
    patient = patient_for_request(request)
    if patient.intake_completed_at is None:
        messages.info(request, "Please finish your intake first; the safety questions come next.")
        return redirect("patients:dashboard")
    if selectors.screening_latest_for_patient(patient=patient) is not None:
        return redirect("patients:dashboard")
    version = QuestionnaireVersion.objects.current()
    data = request.POST if request.method == "POST" else None
    if data is None and (draft := draft_take(request, DRAFT_KEY)) is not None:
        data = draft
        messages.info(request, "Your session had ended, so we kept your answers. Check and send.")
    form = QuestionnaireForm(data, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            screening = services.screening_submit(
                patient=patient, version=version, answers=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if engine.is_crisis(screening.answers):
                return redirect("screening:crisis")
            messages.success(
                request,
                "Thank you. A clinician will review your answers and we will be in touch.",
            )
            return redirect("patients:dashboard")
    return render(
        request,
        "screening/questionnaire.html",
        {
            "form": form,
            "version": version,
            "crisis": form.is_bound and engine.is_crisis(form.typed_answers()),
            "draft_owner": draft_owner_token(request.user),
        },
    )


def crisis(request):
    """Shown at once to a patient who reported thoughts of suicide."""
    patient = patient_for_request(request)
    screening = selectors.screening_latest_for_patient(patient=patient)
    reported = screening is not None and engine.is_crisis(screening.answers)
    return render(request, "screening/crisis.html", {"reported": reported})


@require_POST
def reply(request):
    patient = patient_for_request(request)
    screening = selectors.screening_latest_for_patient(patient=patient)
    if screening is None or screening.status != Screening.Status.INFO_REQUESTED:
        messages.info(request, "There is no open question from your clinician.")
        return redirect("patients:dashboard")
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.screening_reply(screening=screening, reply=form.cleaned_data["reply"])
        except ValidationError:
            # Sent twice, or the clinician decided a moment ago: the first answer stands.
            messages.info(request, "Your answer has reached your clinician already.")
            return redirect("patients:dashboard")
        messages.success(request, "Thank you. Your clinician will read your answer.")
        return redirect("patients:dashboard")
    messages.error(request, "Your answer was not sent; see the note by it.")
    return render(
        request,
        "screening/reply.html",
        {"form": form, "request_decision": screening.decisions.last()},
        status=400,
    )


class ReviewQueueView(StaffRequiredMixin, TemplateView):
    permissions = (VIEW_ANSWERS,)
    template_name = "screening/staff/queue.html"

    def get_context_data(self, **kwargs):
        queue = selectors.screening_review_queue(user=self.request.user)
        return {
            "screenings": queue,
            "waiting_for_patient": Screening.objects.filter(
                status=Screening.Status.INFO_REQUESTED
            ).select_related("patient__user"),
        }


class ReviewView(StaffRequiredMixin, TemplateView):
    """One screening: flags with what raised them, the answers, the intake and the history.
    Each opening is written to the access log."""

    permissions = (VIEW_ANSWERS,)
    template_name = "screening/staff/review.html"

    def get(self, request, pk):
        screening = selectors.screening_get_for_review(user=request.user, pk=pk)
        form = DecisionForm(initial={"flags_seen": services.flags_fingerprint(screening)})
        return self.render_to_response(self.review_context(screening, form))

    def post(self, request, pk):
        if not request.user.has_perm(DECIDE):
            raise PermissionDenied
        screening = selectors.screening_get_for_review(user=request.user, pk=pk)
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.screening_decide(
                    screening=screening, clinician=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, "Decision recorded.")
                return redirect("screening:queue")
        # What the clinician reads next is the current set of flags.
        form.data = form.data.copy()
        form.data["flags_seen"] = services.flags_fingerprint(screening)
        return self.render_to_response(self.review_context(screening, form), status=400)

    def review_context(self, screening, form):
        patient = screening.patient
        questions = list(screening.version.questions.all())
        flags = list(screening.flags.all())
        return {
            "screening": screening,
            "patient": patient,
            "zone": patient.time_zone,
            "open_flags": [f for f in flags if f.superseded_at is None],
            "superseded_flags": [f for f in flags if f.superseded_at is not None],
            "answers": [(q, screening.answers.get(q.code)) for q in questions],
            "phq9": engine.phq9_score(screening.answers),
            "gad7": engine.gad7_score(screening.answers),
            "medications": patient.medications.all(),
            "decisions": screening.decisions.select_related("decided_by"),
            "intake_history": patient.history.select_related("history_user")[:20],
            "form": form,
            "can_decide": self.request.user.has_perm(DECIDE)
            and screening.status
            in (Screening.Status.PENDING_REVIEW, Screening.Status.INFO_REQUESTED),
        }
