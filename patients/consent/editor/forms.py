"""Forms of the consent editor: the draft's wording, its sections, and publishing.

They validate and lay out; the rules they show beside the fields are the services' own
(`consent_editor.section_problems`), so the form and the service always agree.
"""

from collections.abc import Collection

from crispy_forms.helper import FormHelper
from django import forms

from ...models import ConsentDocument
from .services import (
    BODY_NEEDED,
    HEADING_NEEDED,
    TITLE_NEEDED,
    section_problems,
    sections_keyed,
)

MAJOR = "major"
MINOR = "minor"
KIND_CHOICES = [
    (MAJOR, "A new major version: every patient signs again before their next infusion"),
    (MINOR, "A minor correction: signatures stay valid"),
]
KIND_NEEDED = "Choose whether patients must sign again."


def _inner_helper() -> FormHelper:
    """For a form the template wraps in its own <form> tag (and CSRF token)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class ConsentDraftForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=ConsentDocument._meta.get_field("title").max_length,
        error_messages={"required": TITLE_NEEDED},
    )
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        help_text="Shown above the sections. Markdown: **bold**, *italic*, lists with “- ”.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _inner_helper()


class ConsentSectionForm(forms.Form):
    """One section. Its key is carried along unseen: it is what patients acknowledge, so
    rewording a section keeps it."""

    key = forms.CharField(required=False, widget=forms.HiddenInput)
    heading = forms.CharField(
        label="Heading",
        max_length=200,
        error_messages={"required": HEADING_NEEDED},
    )
    body = forms.CharField(
        label="Text",
        help_text="Markdown: **bold**, *italic*, lists with “- ”, a blank line between paragraphs.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": BODY_NEEDED},
    )
    position = forms.IntegerField(
        label="Position",
        min_value=1,
        required=False,
        help_text="Sections are shown in this order.",
        widget=forms.NumberInput(attrs={"class": "w-auto"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _inner_helper()


class BaseConsentSectionFormSet(forms.BaseFormSet):
    def __init__(self, *args, stable_keys: Collection[str] = (), **kwargs):
        kwargs.setdefault("prefix", "sections")
        super().__init__(*args, **kwargs)
        self.stable_keys = stable_keys

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this section when saving"

    def kept_forms(self) -> list[forms.Form]:
        """The sections to save, in their new order: neither removed nor a blank new row."""
        kept = [
            (index, form)
            for index, form in enumerate(self.forms)
            if form.has_changed() or index < self.initial_form_count()
            if not self._should_delete_form(form)
        ]

        def order(item):
            # A section moved to a taken position goes before the one already there.
            # The page numbers the sections 1, 2, 3… in the order of its forms.
            index, form = item
            position = form.cleaned_data.get("position")
            position = position if position is not None else index + 1
            return (position, position == index + 1, index)

        return [form for _index, form in sorted(kept, key=order)]

    def sections(self) -> list[dict[str, str]]:
        """What the service saves: {key, heading, body}, in the new order."""
        return [
            {name: form.cleaned_data.get(name) or "" for name in ("key", "heading", "body")}
            for form in self.kept_forms()
        ]

    def clean(self):
        if any(self.errors):
            return
        forms_in_order = self.kept_forms()
        keyed = sections_keyed(self.sections(), stable_keys=self.stable_keys)
        for index, fields in section_problems(keyed).items():
            form = forms_in_order[index]
            for field, message in fields.items():
                if field not in form.errors:
                    form.add_error(field, message)


ConsentSectionFormSet = forms.formset_factory(
    ConsentSectionForm,
    formset=BaseConsentSectionFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


def section_initial(sections) -> list[dict]:
    return [{**section, "position": position} for position, section in enumerate(sections, 1)]


class ConsentPublishForm(forms.Form):
    change_note = forms.CharField(
        label="What changed, and why",
        max_length=ConsentDocument._meta.get_field("change_note").max_length,
        required=False,  # the service says what is missing, in its own words
        help_text="Shown beside the version; staff reading an old signature rely on it.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    major = forms.TypedChoiceField(
        label="Must patients sign again?",
        choices=KIND_CHOICES,
        coerce=lambda value: value == MAJOR,
        widget=forms.RadioSelect,
        error_messages={"required": KIND_NEEDED},
    )

    def __init__(self, *args, **kwargs):
        # Two forms on one page: distinct ids for their fields.
        kwargs.setdefault("auto_id", "id_publish_%s")
        super().__init__(*args, **kwargs)
        self.helper = _inner_helper()
