from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError

from .models import FAQEntry, Page
from .stemmed_search import search_terms


class OutlineSubmit(Submit):
    """A second submit button, drawn as an outline so the main action stands out."""

    field_classes = "btn btn-outline-primary"


class _EditorForm(forms.ModelForm):
    """Editor forms offer 'Preview' (renders without saving) beside 'Save'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(OutlineSubmit("preview", "Preview"))
        self.helper.add_input(Submit("save", "Save"))


class PageForm(_EditorForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_published:
            # Links and search engines point at a published address; it moves only by
            # unpublishing first, never as a side effect of saving a draft.
            self.fields["slug"].disabled = True
            self.fields[
                "slug"
            ].help_text = "A published page keeps its address. Unpublish the page to change it."

    class Meta:
        model = Page
        fields = ["title", "slug", "summary", "body", "nav_order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}


class FAQEntryForm(_EditorForm):
    class Meta:
        model = FAQEntry
        fields = ["category", "question", "answer", "order", "is_published"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 6})}


class FAQSearchForm(forms.Form):
    q = forms.CharField(label="Search the questions", required=False, max_length=100)

    def clean_q(self):
        q = self.cleaned_data["q"]
        if q and not search_terms(q):
            # Refused rather than matched against nothing: the page then shows every question,
            # and this message says why.
            raise ValidationError(
                "There is no word to search for in “%(q)s”: very common words such as “the” or "
                "“can” are left out. Try a word from your question, such as “drive” or “cost”. "
                "Every question is shown below.",
                code="nothing_to_search",
                params={"q": q},
            )
        return q
