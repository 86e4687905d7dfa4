"""Forms of the staff editors: the questionnaire draft and the drug catalogue.

They validate and lay out; the rules they show beside the fields are the services' own
(`editor.services.question_problems`), so the form and the service always agree.
"""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from ..models import Drug, Question
from ..questions import YES_NO
from .services import question_problems

MAOI_MUST_BE_ABSOLUTE = next(
    c.violation_error_message for c in Drug._meta.constraints if c.name == "drug_maoi_is_absolute"
)


def _inner_helper() -> FormHelper:
    """For a form the template wraps in its own <form> tag (and CSRF token)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


# Questionnaire ----------------------------------------------------------------------------

QUESTION_LABELS = {
    "text": "Question, as the patient reads it",
    "help_text": "Help shown under the question (optional)",
    "flag_severity": "What a “yes” means",
    "flag_reason": "Reason the clinician reads on the flag",
    "position": "Position",
}


class QuestionForm(forms.ModelForm):
    """One question of the draft. The code, section and kind never change: the rules and
    old screenings read answers by code."""

    class Meta:
        model = Question
        fields = ["text", "help_text", "flag_severity", "flag_reason", "position"]
        labels = QUESTION_LABELS
        help_texts = {"position": "Questions are asked in this order."}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": "Write the question as the patient will read it."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind != YES_NO:
            # Only a yes/no answer raises a flag (a database constraint says so too).
            del self.fields["flag_severity"]
            del self.fields["flag_reason"]
        self.helper = _inner_helper()

    def clean(self):
        cleaned = super().clean()
        if self.instance.kind == YES_NO:
            problems = question_problems(
                code=self.instance.code,
                kind=self.instance.kind,
                flag_severity=cleaned.get("flag_severity") or "",
                flag_reason=cleaned.get("flag_reason") or "",
            )
            for field, message in problems.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


# edit_only: a formset never creates questions (adding one goes through its own form).
QuestionFormSet = forms.modelformset_factory(Question, form=QuestionForm, extra=0, edit_only=True)


class QuestionAddForm(forms.Form):
    code = forms.CharField(
        max_length=40,
        label="Code",
        help_text=(
            "How the screening finds the answer: lowercase letters, digits and underscores, "
            "such as “seizure_history”. It never changes and is never reused for another "
            "meaning."
        ),
    )
    text = forms.CharField(
        label=QUESTION_LABELS["text"],
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write the question as the patient will read it."},
    )
    help_text = forms.CharField(label=QUESTION_LABELS["help_text"], max_length=300, required=False)
    flag_severity = forms.ChoiceField(
        label=QUESTION_LABELS["flag_severity"],
        choices=Question.FlagSeverity.choices,
        required=False,
    )
    flag_reason = forms.CharField(
        label=QUESTION_LABELS["flag_reason"], max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        # Three forms on one page: distinct ids for their fields.
        kwargs.setdefault("auto_id", "id_add_%s")
        super().__init__(*args, **kwargs)
        self.helper = _inner_helper()


class PublishForm(forms.Form):
    change_note = forms.CharField(
        label="What changed, and why",
        max_length=300,
        required=False,  # the service says what is missing, in its own words
        help_text="Shown beside the version; clinicians reading an old screening rely on it.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_publish_%s")
        super().__init__(*args, **kwargs)
        self.helper = _inner_helper()


# Drug catalogue ---------------------------------------------------------------------------


class BrandNamesField(forms.CharField):
    """Brand names as clinicians write them: one a line, or separated by commas."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        names = (name.strip() for name in re.split(r"[\n,]", super().to_python(value)))
        # Matching ignores case, so "Xanax" and "XANAX" are one name: keep the first typed.
        unique = {}
        for name in names:
            if name:
                unique.setdefault(name.casefold(), name)
        return list(unique.values())

    def run_validators(self, value):
        # On each name: on the list, a NUL would show as the four characters "\x00" and
        # pass, and PostgreSQL's jsonb cannot store it.
        for name in value:
            super().run_validators(name)


class DrugForm(forms.ModelForm):
    brand_names = BrandNamesField(
        required=False,
        label="Brand names",
        help_text=(
            "One a line, or separated by commas. " + Drug._meta.get_field("brand_names").help_text
        ),
    )

    class Meta:
        model = Drug
        fields = ["generic_name", "brand_names", "drug_class", "severity", "notes", "is_active"]
        labels = {"drug_class": "Class", "is_active": "Active (matched in screenings)"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "generic_name": {
                "unique": "This drug is already in the catalogue: search for it and edit it."
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save"))

    def clean_generic_name(self):
        return " ".join(self.cleaned_data["generic_name"].lower().split())

    def clean(self):
        cleaned = super().clean()
        # The database refuses it too; saying it here puts the message beside the field.
        severity = cleaned.get("severity")
        if (
            cleaned.get("drug_class") == Drug.DrugClass.MAOI
            and severity
            and severity != Drug.Severity.ABSOLUTE
        ):
            self.add_error("severity", MAOI_MUST_BE_ABSOLUTE)
        was_maoi = self.instance.pk and self.instance.drug_class == Drug.DrugClass.MAOI
        if was_maoi and cleaned.get("drug_class") not in (None, Drug.DrugClass.MAOI):
            self.add_error("drug_class", MAOI_STAYS)
        if was_maoi and cleaned.get("is_active") is False:
            self.add_error("is_active", MAOI_STAYS)
        return cleaned


# An MAOI missing from the catalogue would turn a reason never to infuse into an
# "unrecognized medication"; the clinic admin can still correct one in the Django admin.
MAOI_STAYS = (
    "An MAOI stays in the catalogue as an MAOI, so screening always recognises it. If this "
    "entry is wrong, ask a clinic admin to correct it."
)


class DrugSearchForm(forms.Form):
    q = forms.CharField(label="Generic or brand name", required=False, max_length=100)
    drug_class = forms.ChoiceField(
        label="Class", choices=[("", "All classes"), *Drug.DrugClass.choices], required=False
    )
