"""The treatment plan's pages: a clinician sets a plan, staff see it and how far it has come,
the front desk books a proposal of times (all or none), and the patient sees their own plan
and books its proposal themselves."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from clinic.locations.hours import WEEKDAY_NAMES
from clinic.locations.models import Chair
from patients.models import Patient
from patients.selectors import patient_for_request

from ..eligibility import infusion_eligibility
from ..permissions import ADD_APPOINTMENT, BOOK_OWN
from .forms import FirstDayForm, PlanForm, ProposalFormSet, time_token
from .planner import Kind
from .selectors import plan_appointments, plan_current
from .services import PlanLine, plan_book_proposal, plan_progress, plan_proposal, plan_set

SET_PLAN = "infusions.set_treatment_plan"
VIEW_PLAN = "infusions.view_treatmentplan"
# How long the times shown to a patient can be booked with one click before they are
# worked out again.
PROPOSAL_MAX_AGE = timedelta(minutes=30)
PROPOSAL_SALT = "infusions.plans.my-plan"


def weekdays_in_words(digits: str) -> str:
    """'01234' -> 'Monday to Friday'; '024' -> 'Monday, Wednesday and Friday'."""
    days = sorted(int(d) for d in digits)
    if len(days) == 7:
        return "every day"
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_NAMES[days[0]]} to {WEEKDAY_NAMES[days[-1]]}"
    names = [WEEKDAY_NAMES[d] for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def plan_in_words(plan) -> dict[str, str]:
    """The plan as the pages say it."""
    words = {
        "series": (
            f"{plan.initial_count} × {plan.initial_type.name} within {plan.initial_span_days} "
            f"days, on {weekdays_in_words(plan.allowed_weekdays)}"
        ),
        "maintenance": "None planned yet",
        "gap": f"At least {plan.min_gap_hours} hours from one start to the next",
        "preferences": "Any day and time the clinic is open",
    }
    if plan.maintenance_type_id:
        weeks = plan.maintenance_interval_weeks
        every = "every week" if weeks == 1 else f"every {weeks} weeks"
        words["maintenance"] = (
            f"{plan.maintenance_type.name} {every}, {plan.maintenance_count} booked ahead"
        )
    preferences = []
    if plan.preferred_weekdays:
        preferences.append(weekdays_in_words(plan.preferred_weekdays))
    if plan.preferred_earliest:
        preferences.append(f"starting from {plan.preferred_earliest:%-I:%M %p}")
    if plan.preferred_latest:
        preferences.append(f"starting by {plan.preferred_latest:%-I:%M %p}")
    if preferences:
        words["preferences"] = ", ".join(preferences)
    return words


def _patient(patient_pk) -> Patient:
    return get_object_or_404(
        Patient.objects.select_related("user", "preferred_location"), pk=patient_pk
    )


def _plan_context(patient, plan) -> dict:
    return {
        "patient": patient,
        "plan": plan,
        "eligibility": infusion_eligibility(patient=patient),
        "words": plan_in_words(plan) if plan else None,
        "progress": plan_progress(plan) if plan else None,
    }


class PlanDetailView(StaffRequiredMixin, TemplateView):
    """A patient's current plan, how far it has come, and its appointments."""

    permissions = (VIEW_PLAN,)
    template_name = "infusions/plans/detail.html"

    def get_context_data(self, **kwargs):
        patient = _patient(kwargs["patient_pk"])
        plan = plan_current(patient=patient)
        return {
            **_plan_context(patient, plan),
            "appointments": plan_appointments(plan) if plan else [],
        }


def _form_initial(patient, plan) -> dict:
    if plan is None:
        location = patient.preferred_location
        return {"location": location if location and location.is_open_for_booking else None}
    return {
        "location": plan.location,
        "initial_type": plan.initial_type,
        "initial_count": plan.initial_count,
        "initial_span_days": plan.initial_span_days,
        "allowed_weekdays": list(plan.allowed_weekdays),
        "maintenance_type": plan.maintenance_type,
        "maintenance_interval_weeks": plan.maintenance_interval_weeks,
        "maintenance_count": plan.maintenance_count or None,
        "min_gap_hours": plan.min_gap_hours,
        "preferred_weekdays": list(plan.preferred_weekdays),
        "preferred_earliest": plan.preferred_earliest,
        "preferred_latest": plan.preferred_latest,
        "dose_min_mg_per_kg": plan.dose_min_mg_per_kg,
        "dose_max_mg_per_kg": plan.dose_max_mg_per_kg,
    }


class PlanEditView(StaffRequiredMixin, View):
    """A clinician sets a cleared patient's plan; a new plan ends the current one."""

    permissions = (SET_PLAN,)

    def get(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def post(self, request, patient_pk):
        return self._respond(request, patient_pk)

    def _respond(self, request, patient_pk):
        patient = _patient(patient_pk)
        current = plan_current(patient=patient)
        eligibility = infusion_eligibility(patient=patient)
        context = {"patient": patient, "current": current, "eligibility": eligibility}
        if not eligibility.allowed:
            status = 400 if request.method == "POST" else 200
            return render(request, "infusions/plans/edit.html", context, status=status)
        form = PlanForm(request.POST or None, initial=_form_initial(patient, current))
        if request.method == "POST" and form.is_valid():
            try:
                plan_set(patient=patient, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, "The treatment plan is set.")
                return redirect("infusions:plan_detail", patient_pk=patient.pk)
        return render(
            request,
            "infusions/plans/edit.html",
            {**context, "form": form},
            status=400 if form.errors else 200,
        )


def _line_initial(item) -> dict:
    initial = {"include": True, "kind": item.kind.value, "number": item.number}
    if item.time is not None:
        initial.update(
            date=item.time.local.date(),
            time=item.time.local.time().replace(tzinfo=None),
            chair=item.time.chair_id,
        )
    else:
        initial.update(
            date=item.target,
            offered=" ".join(time_token(a.chair_id, a.starts_at) for a in item.alternatives),
        )
    return initial


class PlanProposeView(StaffRequiredMixin, View):
    """Times for what is left of the plan, each line changeable; "Book all" books every
    ticked line or none, and names each one that could not be kept with free times near it."""

    permissions = (VIEW_PLAN, ADD_APPOINTMENT)
    template_name = "infusions/plans/propose.html"

    def get(self, request, patient_pk):
        patient = _patient(patient_pk)
        plan = plan_current(patient=patient)
        context = _plan_context(patient, plan)
        if not self._can_propose(context):
            return render(request, self.template_name, context)
        today = plan.location.local_time().date()
        tomorrow = today + timedelta(days=1)
        day_form = FirstDayForm(
            request.GET if "first_day" in request.GET else None,
            initial={"first_day": tomorrow},
            today=today,
        )
        context["day_form"] = day_form
        if day_form.is_bound and not day_form.is_valid():
            return render(request, self.template_name, context, status=400)
        first_day = day_form.cleaned_data["first_day"] if day_form.is_bound else tomorrow
        proposal = plan_proposal(plan, first_day)
        formset = ProposalFormSet(
            initial=[_line_initial(item) for item in proposal],
            prefix="line",
            form_kwargs=self._form_kwargs(plan),
        )
        for form, item in zip(formset.forms, proposal, strict=True):
            if not item.kept:
                form.note = f"No time could be kept near {item.target:%A, %B %-d}: {item.reason}"
        context.update(formset=formset, first_day=first_day)
        return render(request, self.template_name, context)

    def post(self, request, patient_pk):
        patient = _patient(patient_pk)
        plan = plan_current(patient=patient)
        context = _plan_context(patient, plan)
        if not self._can_propose(context):
            return render(request, self.template_name, context, status=400)
        today = plan.location.local_time().date()
        day_form = FirstDayForm({"first_day": request.POST.get("first_day", "")}, today=today)
        first_day = day_form.cleaned_data["first_day"] if day_form.is_valid() else today
        formset = ProposalFormSet(
            request.POST.copy(), prefix="line", form_kwargs=self._form_kwargs(plan)
        )
        context.update(
            formset=formset,
            first_day=first_day,
            day_form=FirstDayForm(initial={"first_day": first_day}, today=today),
        )
        if not formset.is_valid():
            return render(request, self.template_name, context, status=400)
        ticked = [form for form in formset.forms if form.cleaned_data.get("include")]
        lines = [
            PlanLine(
                Kind(form.cleaned_data["kind"]),
                form.cleaned_data["chair_obj"],
                form.cleaned_data["starts_at"],
            )
            for form in ticked
        ]
        try:
            outcome = plan_book_proposal(plan, lines, by=request.user)
        except ValidationError as error:
            context["booking_error"] = " ".join(error.messages)
            return render(request, self.template_name, context, status=400)
        if outcome.ok:
            count = len(outcome.booked)
            messages.success(
                request, f"{count} infusion{'s' if count != 1 else ''} booked for this plan."
            )
            return redirect("infusions:plan_detail", patient_pk=patient.pk)
        for not_kept in outcome.not_kept:
            _show_not_kept(formset, ticked[not_kept.index], not_kept)
        context["not_kept"] = outcome.not_kept
        return render(request, self.template_name, context, status=400)

    @staticmethod
    def _can_propose(context) -> bool:
        plan, progress = context["plan"], context["progress"]
        return bool(plan and context["eligibility"].allowed and progress.remaining)

    @staticmethod
    def _form_kwargs(plan) -> dict:
        chairs = list(Chair.objects.filter(location=plan.location, is_active=True).order_by("name"))
        return {"location": plan.location, "chairs": chairs}


def _show_not_kept(formset, form, not_kept) -> None:
    """The line's message by its time, and the free times near it to pick from."""
    tokens = " ".join(time_token(a.chair_id, a.starts_at) for a in not_kept.alternatives)
    formset.data[form.add_prefix("offered")] = tokens
    formset.data[form.add_prefix("alternative")] = ""
    form.offer(tokens)
    when = f"{not_kept.local:%A, %B %-d at %-I:%M %p}"
    then = (
        " Pick one of the free times below, change the day or time, or leave it out."
        if not_kept.alternatives
        else " Change the day or time, or leave it out."
    )
    form.add_error("time", f"{when} could not be kept: {not_kept.message}{then}")


def _proposal_token(plan, proposal) -> str:
    lines = [
        [item.kind.value, item.time.chair_id, item.time.starts_at.isoformat()]
        for item in proposal
        if item.kept
    ]
    return signing.dumps({"plan": plan.pk, "lines": lines}, salt=PROPOSAL_SALT, compress=True)


def _proposal_lines(plan, token: str) -> list[PlanLine] | None:
    """The lines the patient was shown, or None if the token is forged, old or for another
    plan. The booking service checks every line again."""
    try:
        value = signing.loads(token, salt=PROPOSAL_SALT, max_age=PROPOSAL_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("plan") != plan.pk:
        return None
    chairs = Chair.objects.filter(location=plan.location).in_bulk()
    try:
        return [
            PlanLine(Kind(kind), chairs[chair_id], datetime.fromisoformat(starts_at))
            for kind, chair_id, starts_at in value["lines"]
        ]
    except (KeyError, ValueError, TypeError):
        return None


def my_plan(request):
    """The patient's own plan: how far it has come, and, while nothing is booked, times to
    book with one click."""
    patient = patient_for_request(request)
    if not request.user.has_perm(BOOK_OWN):
        raise PermissionDenied
    plan = plan_current(patient=patient)
    context = {**_plan_context(patient, plan), "appointments": []}
    status = 200
    if plan is None:
        return render(request, "infusions/plans/my_plan.html", context)
    if request.method == "POST":
        if context["progress"].booked:
            messages.info(request, "Your next infusions are already booked.")
            return redirect("infusions:my_plan")
        lines = _proposal_lines(plan, request.POST.get("proposal", ""))
        if not lines:
            context["refused"] = "These times were shown a while ago. Here they are again."
            status = 400
        else:
            try:
                outcome = plan_book_proposal(plan, lines, by=request.user, online=True)
            except ValidationError as error:
                context["refused"] = " ".join(error.messages)
                status = 400
            else:
                if outcome.ok:
                    count = len(outcome.booked)
                    messages.success(
                        request,
                        f"Your {count} infusion{'s are' if count != 1 else ' is'} booked. "
                        "We look forward to seeing you.",
                    )
                    return redirect(reverse("infusions:my_plan"))
                context["not_kept"] = outcome.not_kept
                status = 400
    context["appointments"] = plan_appointments(plan)
    progress = context["progress"]
    if not progress.booked and progress.remaining and context["eligibility"].allowed:
        proposal = plan_proposal(plan, plan.location.local_time().date(), online=True)
        context["proposal"] = proposal
        context["proposal_token"] = _proposal_token(plan, proposal)
        context["all_kept"] = all(item.kept for item in proposal)
        context["any_kept"] = any(item.kept for item in proposal)
    return render(request, "infusions/plans/my_plan.html", context, status=status)
