"""PHQ-9, GAD-7 and pain, asked again before an infusion.

The questions come from the screening's shipped questionnaire, so they keep the instruments'
published wording: a total is only comparable with the baseline when asked as written."""

from django import forms

from screening.questions import FREQUENCY_CHOICES, PAIN

from .questions import OUTCOME_QUESTIONS, OUTCOME_SECTIONS, TITLES

ANSWER_REQUIRED = "Please answer this question."
PAIN_CHOICES = [(n, str(n)) for n in range(11)]


def _field(question) -> forms.TypedChoiceField:
    choices = PAIN_CHOICES if question.section == PAIN else list(FREQUENCY_CHOICES)
    return forms.TypedChoiceField(
        label=question.text,
        help_text=question.help_text,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": ANSWER_REQUIRED, "invalid_choice": ANSWER_REQUIRED},
    )


class OutcomeCheckForm(forms.Form):
    """Every item required; the field names are the screening's question codes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in OUTCOME_QUESTIONS:
            self.fields[question.code] = _field(question)

    def sections(self):
        """(title, introduction, code, bound fields) for PHQ-9, GAD-7 and pain, in order."""
        return [
            (
                *TITLES[section],
                section,
                [self[q.code] for q in OUTCOME_QUESTIONS if q.section == section],
            )
            for section in OUTCOME_SECTIONS
        ]
