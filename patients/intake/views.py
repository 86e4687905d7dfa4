"""The patient's intake, a step at a time, and what keeps their typing safe.

If the session ends while a patient is typing, the step they submit is kept in the new,
anonymous session together with a signed note of whose it was; after they log in again
the step opens with their typing in place, for them and nobody else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.drafts import draft_owner_token, draft_stash, draft_take

from ..permissions import VIEW_ID_DOCUMENT_PHOTO
from ..selectors import patient_for_request
from . import selectors, services, steps
from .forms import MedicationRowFormSet, NoMedicationsForm


def _after_save(request, patient, step):
    if "save_and_leave" in request.POST:
        messages.success(request, "Saved. You can carry on whenever you like, on any device.")
        return redirect("accounts:home")
    following = steps.next_step(step.slug)
    if following is None:
        return redirect("patients:intake_review")
    return redirect("patients:intake_step", following.slug)


@login_not_required
def intake_start(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    patient = patient_for_request(request)
    step = steps.first_unfinished(patient.intake_steps_done)
    if step is None:
        return redirect("patients:intake_review")
    return redirect("patients:intake_step", step.slug)


@login_not_required
@ratelimit(key="ip", rate="120/h", method="POST")
def intake_step(request, slug):
    step = steps.step_by_slug(slug)
    if step is None:
        raise Http404("No such intake step.")
    if not request.user.is_authenticated:
        if request.method == "POST":
            draft_stash(request, f"intake:{slug}")
        return redirect_to_login(request.path)
    patient = patient_for_request(request)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    if data is None and (draft := draft_take(request, f"intake:{slug}")) is not None:
        data = draft
        messages.info(
            request,
            "Your session had ended, so we kept what you typed. Check it and save.",
        )
    if step.form_class is None:
        return _medications(request, patient, step, data)
    form = step.form_class(data, files, instance=patient)
    if request.method == "POST" and form.is_valid():
        services.intake_save_step(patient=patient, slug=step.slug, form=form)
        return _after_save(request, patient, step)
    return _render_step(request, patient, step, {"form": form})


def _medications(request, patient, step, data):
    initial = [
        {"name": m.name, "dose": m.dose, "frequency": m.frequency, "prescriber": m.prescriber}
        for m in patient.medications.all()
    ]
    if data is not None and "add_row" in data:
        # Show one more empty row and keep every row typed so far; nothing is saved yet.
        formset = MedicationRowFormSet(data, prefix="med")
        if formset.management_form.is_valid():
            data = data.copy()
            data["med-TOTAL_FORMS"] = str(formset.total_form_count() + 1)
            formset = MedicationRowFormSet(data, prefix="med")
        none_form = NoMedicationsForm(data)
        return _render_step(
            request,
            patient,
            step,
            {"formset": formset, "none_form": none_form, "answer_error": _list_error(formset)},
        )
    # A submitted list stands on its own: compared with the saved one as `initial`, a row
    # equal to a saved row would count as unchanged and be dropped.
    formset = MedicationRowFormSet(
        data, prefix="med", initial=None if data is not None else (initial or [{}] * 3)
    )
    none_form = NoMedicationsForm(
        data, initial={"takes_no_medications": patient.takes_no_medications}
    )
    answer_error = _list_error(formset) if data is not None else None
    if (
        data is not None
        and request.method == "POST"
        and formset.is_valid()
        and none_form.is_valid()
    ):
        rows = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data.get("name") and not f.cleaned_data.get("DELETE")
        ]
        none_ticked = none_form.cleaned_data["takes_no_medications"]
        try:
            services.intake_save_medications(
                patient=patient, rows=rows, takes_no_medications=none_ticked
            )
        except ValidationError as error:
            answer_error = error.messages[0]
        else:
            return _after_save(request, patient, step)
    return _render_step(
        request,
        patient,
        step,
        {"formset": formset, "none_form": none_form, "answer_error": answer_error},
    )


def _list_error(formset) -> str | None:
    """What is wrong with the list as a whole (its row count), for the top of the list."""
    errors = formset.non_form_errors()
    return errors[0] if errors else None


def _render_step(request, patient, step, context):
    return render(
        request,
        "patients/intake/medications.html"
        if step.form_class is None
        else "patients/intake/step.html",
        {
            **context,
            "patient": patient,
            "step": step,
            "steps": steps.STEPS,
            "done": patient.intake_steps_done,
            "number": steps.STEP_SLUGS.index(step.slug) + 1,
            "progress": steps.progress_percent(patient.intake_steps_done),
            "previous": steps.previous_step(step.slug),
            "draft_owner": draft_owner_token(request.user),
        },
    )


def intake_review(request):
    patient = patient_for_request(request)
    return render(
        request,
        "patients/intake/review.html",
        {
            "patient": patient,
            "steps": steps.STEPS,
            "done": patient.intake_steps_done,
            "missing": services.intake_missing_steps(patient=patient),
            "progress": steps.progress_percent(patient.intake_steps_done),
            "medications": patient.medications.all(),
        },
    )


@require_POST
def intake_finish(request):
    patient = patient_for_request(request)
    if services.intake_missing_steps(patient=patient):
        messages.error(request, "Some steps are not saved yet; they are marked below.")
        return redirect("patients:intake_review")
    services.intake_complete(patient=patient)
    messages.success(request, "Thank you: your intake is complete. A clinician will review it.")
    return redirect("accounts:home")


PHOTO_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@method_decorator(never_cache, name="dispatch")
class StaffIdPhotoView(StaffRequiredMixin, View):
    """The photo of a patient's ID, for staff checking it at the desk; never cached."""

    permissions = (VIEW_ID_DOCUMENT_PHOTO,)

    def get(self, request, pk):
        patient = selectors.id_photo_get_for_user(user=request.user, patient_pk=pk)
        photo = patient.id_document_photo
        extension = photo.name.rsplit(".", 1)[-1].lower()
        response = FileResponse(
            photo.open("rb"), content_type=PHOTO_TYPES.get(extension, "application/octet-stream")
        )
        response["Cache-Control"] = "no-store, private"
        response["Content-Disposition"] = "inline"
        return response
