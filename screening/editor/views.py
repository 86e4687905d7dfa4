"""Staff editors for the clinical content of screening: the questionnaire's versions and the
drug catalogue. Clinicians and clinic admins only (the permissions say so, not the role)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import ListView, TemplateView

from clinic.accounts.permissions import StaffRequiredMixin

from ..models import Drug, Question, QuestionnaireVersion
from ..permissions import (
    ADD_DRUG,
    ADD_VERSION,
    CHANGE_DRUG,
    CHANGE_VERSION,
    PUBLISH_VERSION,
    VIEW_DRUGS,
    VIEW_VERSIONS,
)
from . import services
from .forms import DrugForm, DrugSearchForm, PublishForm, QuestionAddForm, QuestionFormSet


def _to_version(version: QuestionnaireVersion):
    return redirect("screening:questionnaire_version", number=version.number)


# Questionnaire ----------------------------------------------------------------------------


class QuestionnaireVersionListView(StaffRequiredMixin, ListView):
    permissions = (VIEW_VERSIONS,)
    template_name = "screening/editor/version_list.html"
    context_object_name = "versions"

    def get_queryset(self):
        return (
            QuestionnaireVersion.objects.annotate(question_count=Count("questions"))
            .select_related("published_by")
            .order_by("-number")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["draft"] = next((v for v in context["versions"] if not v.is_published), None)
        context["current"] = QuestionnaireVersion.objects.current()
        return context


class QuestionnaireDraftStartView(StaffRequiredMixin, View):
    permissions = (ADD_VERSION,)

    def post(self, request):
        draft = services.questionnaire_draft_start(user=request.user)
        messages.success(
            request, f"Version {draft.number} is the draft: edit it here, then publish it."
        )
        return _to_version(draft)


def _questions(version):
    return version.questions.order_by("position", "pk")


def _render_draft(request, version, *, formset=None, add_form=None, publish_form=None):
    questions = _questions(version)
    return render(
        request,
        "screening/editor/version_draft.html",
        {
            "version": version,
            "formset": formset or QuestionFormSet(queryset=questions),
            "add_form": add_form or QuestionAddForm(),
            "publish_form": publish_form or PublishForm(),
            "problems": services.version_problems(services.as_spec(q) for q in questions),
            "required_codes": services.REQUIRED_CODES,
        },
    )


class QuestionnaireVersionView(StaffRequiredMixin, View):
    """A published version, read-only; the draft, editable."""

    permissions = (VIEW_VERSIONS,)

    def get_permission_required(self):
        required = super().get_permission_required()
        return (*required, CHANGE_VERSION) if self.request.method == "POST" else required

    def get(self, request, number):
        version = get_object_or_404(QuestionnaireVersion, number=number)
        if not version.is_published:
            return _render_draft(request, version)
        return render(
            request,
            "screening/editor/version_published.html",
            {"version": version, "questions": _questions(version)},
        )

    def post(self, request, number):
        version = get_object_or_404(QuestionnaireVersion, number=number)
        if version.is_published:
            messages.error(request, services.PUBLISHED_NEVER_CHANGES.format(number=number))
            return _to_version(version)
        formset = QuestionFormSet(request.POST, queryset=_questions(version))
        if not formset.is_valid():
            return _render_draft(request, version, formset=formset)
        try:
            saved = services.questionnaire_questions_save(
                version=version, questions=formset.save(commit=False)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _render_draft(request, version, formset=formset)
        messages.success(
            request,
            f"Saved {len(saved)} change{'' if len(saved) == 1 else 's'} to the draft."
            if saved
            else "Nothing had changed.",
        )
        return _to_version(version)


class _DraftActionView(StaffRequiredMixin, View):
    """A POST that changes the draft. A published version is refused before anything else."""

    def post(self, request, number, **kwargs):
        version = get_object_or_404(QuestionnaireVersion, number=number)
        if version.is_published:
            messages.error(request, services.PUBLISHED_NEVER_CHANGES.format(number=number))
            return _to_version(version)
        return self.act(request, version, **kwargs)

    def act(self, request, version, **kwargs):
        raise NotImplementedError


class QuestionnaireQuestionAddView(_DraftActionView):
    permissions = (CHANGE_VERSION,)

    def act(self, request, version):
        form = QuestionAddForm(request.POST)
        if form.is_valid():
            try:
                question = services.questionnaire_question_add(version=version, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Added “{question.code}” to the draft.")
                return _to_version(version)
        return _render_draft(request, version, add_form=form)


class QuestionnaireQuestionRemoveView(_DraftActionView):
    permissions = (CHANGE_VERSION,)

    def act(self, request, version, pk):
        question = get_object_or_404(Question, pk=pk, version=version)
        try:
            services.questionnaire_question_remove(question=question)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Removed “{question.code}” from the draft.")
        return _to_version(version)


class QuestionnairePublishView(_DraftActionView):
    permissions = (PUBLISH_VERSION,)

    def act(self, request, version):
        form = PublishForm(request.POST)
        if form.is_valid():
            try:
                services.questionnaire_publish(
                    version=version,
                    user=request.user,
                    change_note=form.cleaned_data["change_note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    f"Version {version.number} is published: new screenings are answered under it.",
                )
                return redirect("screening:questionnaire_versions")
        return _render_draft(request, version, publish_form=form)


# Drug catalogue ---------------------------------------------------------------------------


def _drugs_matching(*, q: str = "", drug_class: str = ""):
    """Catalogue entries whose generic or brand name contains `q`, ignoring case."""
    drugs = Drug.objects.all()
    if q:
        # brand_names is a JSON list: its text is searched, which is enough for names.
        drugs = drugs.filter(Q(generic_name__icontains=q) | Q(brand_names__icontains=q))
    if drug_class:
        drugs = drugs.filter(drug_class=drug_class)
    return drugs.order_by("generic_name")


class DrugListView(StaffRequiredMixin, ListView):
    permissions = (VIEW_DRUGS,)
    template_name = "screening/editor/drug_list.html"
    context_object_name = "drugs"

    def get_queryset(self):
        self.search = DrugSearchForm(self.request.GET)
        if not self.search.is_valid():
            return _drugs_matching()
        return _drugs_matching(**self.search.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(search=self.search, **kwargs)


class DrugCreateView(StaffRequiredMixin, View):
    permissions = (ADD_DRUG,)
    template_name = "screening/editor/drug_form.html"

    def get_object(self, pk):
        return get_object_or_404(Drug, pk=pk) if pk else None

    def get(self, request, pk=None):
        drug = self.get_object(pk)
        return self._render(DrugForm(instance=drug), drug)

    def post(self, request, pk=None):
        drug = self.get_object(pk)
        form = DrugForm(request.POST, instance=drug)
        if not form.is_valid():
            return self._render(form, drug)
        drug = services.drug_save(form=form, user=request.user)
        messages.success(request, f"Saved “{drug}”.")
        return redirect("screening:drugs")

    def _render(self, form, drug):
        return render(self.request, self.template_name, {"form": form, "drug": drug})


class DrugEditView(DrugCreateView):
    permissions = (CHANGE_DRUG,)


def _shown(field: str, value) -> str:
    if field == "brand_names":
        return ", ".join(value or []) or "—"
    if field == "is_active":
        return "Active" if value else "Inactive"
    choices = dict(Drug._meta.get_field(field).choices or ())
    return str(choices.get(value, value)) if value != "" else "—"


def drug_revisions(drug: Drug) -> list[dict]:
    """Each historical record of `drug`, newest first, with what changed from the one before:
    (field label, old value, new value), or None for the first record."""
    records = list(drug.history.select_related("history_user").order_by("-history_date"))
    order = [f.name for f in Drug._meta.get_fields()]
    revisions = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = None
        if older is not None:
            delta = newer.diff_against(older)
            changes = [
                (
                    str(Drug._meta.get_field(c.field).verbose_name).capitalize(),
                    _shown(c.field, c.old),
                    _shown(c.field, c.new),
                )
                for c in sorted(delta.changes, key=lambda c: order.index(c.field))
            ]
        revisions.append({"record": newer, "changes": changes})
    return revisions


class DrugHistoryView(StaffRequiredMixin, TemplateView):
    permissions = (VIEW_DRUGS,)
    template_name = "screening/editor/drug_history.html"

    def get_context_data(self, **kwargs):
        drug = get_object_or_404(Drug, pk=self.kwargs["pk"])
        return {"drug": drug, "revisions": drug_revisions(drug)}
