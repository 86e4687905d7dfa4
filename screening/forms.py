from crispy_forms.helper import FormHelper
from django import forms

from clinic.lib.forms import NoteField

from . import questions
from .models import Question, ScreeningDecision

ANSWER_REQUIRED = "Please answer this question."


def answer_field(question: Question) -> forms.Field:
    if question.kind == Question.Kind.YES_NO:
        choices, coerce = [("yes", "Yes"), ("no", "No")], str
    elif question.kind == Question.Kind.FREQUENCY:
        choices, coerce = list(questions.FREQUENCY_CHOICES), int
    else:
        choices, coerce = [(n, str(n)) for n in range(11)], int
    return forms.TypedChoiceField(
        label=question.text,
        help_text=question.help_text,
        choices=choices,
        coerce=coerce,
        widget=forms.RadioSelect,
        error_messages={"required": ANSWER_REQUIRED, "invalid_choice": ANSWER_REQUIRED},
    )


class QuestionnaireForm(forms.Form):
    """Every question of one version; the field names are the question codes."""

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.questions = list(version.questions.all())
        for question in self.questions:
            self.fields[question.code] = answer_field(question)

    def sections(self):
        """(title, introduction, fields) for each section, in the questionnaire's order."""
        grouped: dict[str, list] = {}
        for question in self.questions:
            grouped.setdefault(question.section, []).append(self[question.code])
        return [
            (*questions.SECTIONS.get(code, (code, "")), code, fields)
            for code, fields in grouped.items()
        ]

    def typed_answers(self) -> dict:
        """What was answered so far, typed, even when the form as a whole is not valid."""
        answers = {}
        for question in self.questions:
            raw = self.data.get(question.code)
            if raw in (None, ""):
                continue
            try:
                answers[question.code] = self.fields[question.code].clean(raw)
            except forms.ValidationError:
                continue
        return answers


class DecisionForm(forms.Form):
    OUTCOMES = [
        (ScreeningDecision.Outcome.CLEARED, "Clear for infusions"),
        (ScreeningDecision.Outcome.CLEARED_WITH_CONDITIONS, "Clear with conditions"),
        (ScreeningDecision.Outcome.INFO_REQUESTED, "Ask the patient for more information"),
        (ScreeningDecision.Outcome.DECLINED, "Decline"),
    ]
    outcome = forms.ChoiceField(
        label="Decision",
        choices=OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision."},
    )
    note = forms.CharField(
        label="Why",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Your reasoning, for the record. Required for every decision.",
    )
    conditions = forms.CharField(
        label="Conditions",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Only when clearing with conditions, such as a lower starting dose.",
    )
    override_reason = forms.CharField(
        label="Override reason for absolute or urgent flags",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed to clear a screening with an absolute or urgent flag.",
    )
    question_for_patient = forms.CharField(
        label="Question for the patient",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="The patient sees it on their dashboard and answers there.",
    )

    flags_seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_flags_seen(self):
        # Sent by the review page; a request without it is not checked for staleness.
        return self.cleaned_data["flags_seen"] or None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ReplyForm(forms.Form):
    reply = NoteField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": "Please write your answer."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
