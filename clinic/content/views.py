from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import ListView, TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.page_cache import cached_for_visitors
from clinic.locations.models import Location

from . import services
from .forms import FAQEntryForm, FAQSearchForm, PageForm
from .models import FAQEntry, Page
from .selectors import faq_by_category

# Public pages ---------------------------------------------------------------------------


@login_not_required
@cached_for_visitors
def home(request):
    return render(
        request,
        "content/home.html",
        {"locations": Location.objects.listed()},
    )


@login_not_required
@cached_for_visitors
def page_detail(request, slug):
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(
        request,
        "content/page.html",
        {
            "title": page.published_title,
            "summary": page.published_summary,
            "body_html": page.published_html(),
            "page": page,
        },
    )


@login_not_required
@cached_for_visitors
def faq(request):
    form = FAQSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "content/faq.html",
        {"form": form, "query": query, "categories": faq_by_category(query=query)},
    )


# Staff editor ---------------------------------------------------------------------------


class PageListView(StaffRequiredMixin, ListView):
    permissions = ("content.view_page",)
    template_name = "content/staff/page_list.html"
    queryset = Page.objects.all()


class _EditorView(StaffRequiredMixin, View):
    """Create or edit one object; 'Preview' renders the unsaved text as patients will see it."""

    model = None
    form_class = None
    template_name = None
    success_url_name = None

    def get_object(self, pk):
        return get_object_or_404(self.model, pk=pk) if pk else None

    def get(self, request, pk=None):
        obj = self.get_object(pk)
        return self._render(self.form_class(instance=obj), obj)

    def post(self, request, pk=None):
        obj = self.get_object(pk)
        form = self.form_class(request.POST, instance=obj)
        if not form.is_valid():
            return self._render(form, obj)
        if "preview" in request.POST:
            return self._render(form, obj, preview=form.save(commit=False))
        obj = form.save()
        messages.success(request, f"Saved “{obj}”.")
        return redirect(self.success_url_name)

    def _render(self, form, obj, preview=None):
        return render(
            self.request, self.template_name, {"form": form, "object": obj, "preview": preview}
        )


class PageCreateView(_EditorView):
    permissions = ("content.add_page",)
    model, form_class = Page, PageForm
    template_name = "content/staff/page_form.html"
    success_url_name = "content:staff_pages"


class PageEditView(PageCreateView):
    permissions = ("content.change_page",)


class PagePreviewView(StaffRequiredMixin, View):
    """The saved draft, exactly as the public page will show it once published."""

    permissions = ("content.view_page",)

    def get(self, request, pk):
        page = get_object_or_404(Page, pk=pk)
        return render(
            request,
            "content/page.html",
            {
                "title": page.title,
                "summary": page.summary,
                "body_html": page.draft_html(),
                "page": page,
                "is_preview": True,
            },
        )


class PagePublishView(StaffRequiredMixin, View):
    permissions = ("content.publish_page",)

    def post(self, request, pk):
        page = get_object_or_404(Page, pk=pk)
        if request.POST.get("action") == "unpublish":
            services.page_unpublish(page=page)
            messages.success(request, f"“{page}” is no longer on the site.")
        else:
            services.page_publish(page=page)
            messages.success(request, f"“{page}” is published.")
        return redirect("content:staff_pages")


class PageHistoryView(StaffRequiredMixin, TemplateView):
    permissions = ("content.view_page",)
    template_name = "content/staff/page_history.html"

    def get_context_data(self, **kwargs):
        page = get_object_or_404(Page, pk=self.kwargs["pk"])
        return {"page": page, "revisions": revisions_with_changes(page)}


def revisions_with_changes(obj):
    """Each historical record, newest first, with the fields changed from the one before
    (None for the first record)."""
    records = list(obj.history.select_related("history_user").order_by("-history_date"))
    result = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        # Every tracked field, publishing's own included (diff_against skips non-editable).
        changed = (
            [
                f.name
                for f in newer.tracked_fields
                if getattr(newer, f.attname) != getattr(older, f.attname)
            ]
            if older
            else None
        )
        result.append({"record": newer, "changed_fields": changed})
    return result


class FAQListView(StaffRequiredMixin, ListView):
    permissions = ("content.view_faqentry",)
    template_name = "content/staff/faq_list.html"
    queryset = FAQEntry.objects.select_related("category")


class FAQCreateView(_EditorView):
    permissions = ("content.add_faqentry",)
    model, form_class = FAQEntry, FAQEntryForm
    template_name = "content/staff/faq_form.html"
    success_url_name = "content:staff_faq"


class FAQEditView(FAQCreateView):
    permissions = ("content.change_faqentry",)
