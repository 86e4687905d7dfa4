"""The consent editor: clinic admins write a new version of the informed consent, preview it
as patients will read it, and publish it as a major or a minor version. The permissions say
who may, not the role."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin

from ...models import ConsentDocument
from ...permissions import (
    ADD_CONSENT_VERSION,
    CHANGE_CONSENT_VERSION,
    PUBLISH_CONSENT_VERSION,
    VIEW_CONSENT_VERSIONS,
)
from ..document import consent_html
from . import services
from .forms import (
    MINOR,
    ConsentDraftForm,
    ConsentPublishForm,
    ConsentSectionFormSet,
    section_initial,
)


def _to_version(document: ConsentDocument):
    return redirect("patients:consent_version", pk=document.pk)


def _numbers(current: ConsentDocument | None) -> tuple[int, int] | None:
    return (current.major, current.minor) if current is not None else None


def _stable_keys(current: ConsentDocument | None) -> set[str]:
    """The section keys patients have acknowledged: a reworded section keeps its key."""
    return {s["key"] for s in current.sections} if current is not None else set()


def _current_and_next(current: ConsentDocument | None) -> dict:
    """The current version and the labels a draft would take, for the page's wording."""
    labels = {}
    for kind, major in (("major", True), ("minor", False)):
        number = services.next_version(_numbers(current), major=major)
        labels[kind] = f"{number[0]}.{number[1]}" if number else None
    return {"current": current, "next_labels": labels}


def _render_draft(request, document, *, form=None, formset=None, publish_form=None):
    current = ConsentDocument.objects.current()
    return render(
        request,
        "patients/consent/editor/version_draft.html",
        {
            "document": document,
            "form": form
            or ConsentDraftForm(
                initial={"title": document.title, "introduction": document.introduction}
            ),
            "formset": formset
            or ConsentSectionFormSet(
                initial=section_initial(document.sections), stable_keys=_stable_keys(current)
            ),
            "publish_form": publish_form or ConsentPublishForm(),
            "problems": services.consent_problems(document.sections),
            "changes": services.section_changes(
                current.sections if current else [], document.sections
            ),
            **_current_and_next(current),
        },
    )


class ConsentVersionListView(StaffRequiredMixin, TemplateView):
    permissions = (VIEW_CONSENT_VERSIONS,)
    template_name = "patients/consent/editor/version_list.html"

    def get_context_data(self, **kwargs):
        documents = list(
            ConsentDocument.objects.select_related("published_by").order_by("-major", "-minor")
        )
        return super().get_context_data(
            draft=next((d for d in documents if not d.is_published), None),
            versions=[d for d in documents if d.is_published],
            current=ConsentDocument.objects.current(),
            **kwargs,
        )


class ConsentDraftStartView(StaffRequiredMixin, View):
    permissions = (ADD_CONSENT_VERSION,)

    def post(self, request):
        draft = services.consent_draft_start(user=request.user)
        messages.success(request, "This is the draft: edit it here, preview it, then publish it.")
        return _to_version(draft)


class ConsentVersionView(StaffRequiredMixin, View):
    """A published version, read-only; the draft, editable."""

    permissions = (VIEW_CONSENT_VERSIONS,)

    def get_permission_required(self):
        required = super().get_permission_required()
        return (*required, CHANGE_CONSENT_VERSION) if self.request.method == "POST" else required

    def get(self, request, pk):
        document = get_object_or_404(ConsentDocument, pk=pk)
        if not document.is_published:
            return _render_draft(request, document)
        return render(
            request,
            "patients/consent/editor/version_published.html",
            {"document": document, "html": consent_html(document)},
        )

    def post(self, request, pk):
        document = get_object_or_404(ConsentDocument, pk=pk)
        if document.is_published:
            messages.error(
                request, services.PUBLISHED_NEVER_CHANGES.format(label=document.version_label)
            )
            return _to_version(document)
        current = ConsentDocument.objects.current()
        form = ConsentDraftForm(request.POST)
        formset = ConsentSectionFormSet(request.POST, stable_keys=_stable_keys(current))
        if not (form.is_valid() and formset.is_valid()):
            return _render_draft(request, document, form=form, formset=formset)
        try:
            services.consent_draft_save(
                document=document,
                title=form.cleaned_data["title"],
                introduction=form.cleaned_data["introduction"],
                sections=formset.sections(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return _render_draft(request, document, form=form, formset=formset)
        messages.success(request, "Saved the draft.")
        return _to_version(document)


class ConsentPreviewView(StaffRequiredMixin, View):
    """The consent exactly as patients will read it, numbered as it would be published."""

    permissions = (VIEW_CONSENT_VERSIONS,)

    def get(self, request, pk):
        document = get_object_or_404(ConsentDocument, pk=pk)
        context = {"document": document}
        shown = document
        if not document.is_published:
            current = ConsentDocument.objects.current()
            context.update(_current_and_next(current))
            # Shown as a major version unless asked otherwise (or nothing is published yet).
            as_minor = request.GET.get("as") == MINOR and context["next_labels"]["minor"]
            number = services.next_version(_numbers(current), major=not as_minor)
            # A copy, never saved: the draft keeps its placeholder number until published.
            shown = copy.copy(document)
            shown.major, shown.minor = number
            context["as_minor"] = bool(as_minor)
        context["shown"] = shown
        context["html"] = consent_html(shown)
        return render(request, "patients/consent/editor/preview.html", context)


class ConsentPublishView(StaffRequiredMixin, View):
    permissions = (PUBLISH_CONSENT_VERSION,)

    def post(self, request, pk):
        document = get_object_or_404(ConsentDocument, pk=pk)
        if document.is_published:
            messages.error(
                request, services.PUBLISHED_NEVER_CHANGES.format(label=document.version_label)
            )
            return _to_version(document)
        form = ConsentPublishForm(request.POST)
        if form.is_valid():
            try:
                published = services.consent_publish(
                    document=document,
                    user=request.user,
                    change_note=form.cleaned_data["change_note"],
                    major=form.cleaned_data["major"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _published_message(published))
                return redirect("patients:consent_versions")
        return _render_draft(request, document, publish_form=form)


def _published_message(document: ConsentDocument) -> str:
    if document.minor == 0:
        return (
            f"Version {document.version_label} is published: every patient signs it before "
            "their next infusion."
        )
    return (
        f"Version {document.version_label} is published: earlier signatures of version "
        f"{document.major} stay valid."
    )
