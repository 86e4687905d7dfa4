"""Conditions the clinic treats: the choices, and the fields that ask for them on the
consultation form and in the intake."""

from django import forms
from django.db import models


class Condition(models.TextChoices):
    # Pain
    FIBROMYALGIA = "fibromyalgia", "Fibromyalgia"
    MIGRAINE = "migraine", "Migraine"
    NEUROPATHIC_PAIN = "neuropathic_pain", "Neuropathic pain"
    CRPS = "crps", "Complex regional pain syndrome (CRPS/RSD)"
    SPINAL_CORD_INJURY = "spinal_cord_injury", "Spinal cord injury pain"
    NERVE_BACK_PAIN = "nerve_back_pain", "Nerve and back pain"
    CHRONIC_NECK_BACK_JOINT = "chronic_neck_back_joint", "Chronic neck, back or joint pain"
    CANCER_PAIN = "cancer_pain", "Cancer pain syndrome"
    CENTRAL_PAIN = "central_pain", "Central pain syndrome"
    DIABETIC_NEUROPATHY = "diabetic_neuropathy", "Diabetic neuropathy"
    MS_PAIN = "ms_pain", "Multiple sclerosis pain"
    TRIGEMINAL_NEURALGIA = "trigeminal_neuralgia", "Trigeminal neuralgia"
    # Mood and anxiety
    DEPRESSION = "depression", "Severe or treatment-resistant depression"
    BIPOLAR_DEPRESSION = "bipolar_depression", "Bipolar depression"
    POSTPARTUM_DEPRESSION = "postpartum_depression", "Postpartum depression"
    ANXIETY = "anxiety", "Anxiety disorder"
    PTSD = "ptsd", "Post-traumatic stress disorder (PTSD)"
    OCD = "ocd", "Obsessive-compulsive disorder (OCD)"
    SUICIDAL_IDEATION = "suicidal_ideation", "Thoughts of suicide"


PAIN = [c for c in Condition if list(Condition).index(c) < 12]
MOOD = [c for c in Condition if c not in PAIN]

GROUPED_CHOICES = [
    ("Pain", [(c.value, c.label) for c in PAIN]),
    ("Mood and anxiety", [(c.value, c.label) for c in MOOD]),
]


def labels(codes: list[str]) -> list[str]:
    known = dict(Condition.choices)
    return [known.get(code, code) for code in codes]


class ConditionsFields(forms.Form):
    """The conditions someone would like help with: ticked from the clinic's list, in its
    two groups, or described in their own words in the form's `other_condition`."""

    pain_conditions = forms.MultipleChoiceField(
        label="Pain",
        required=False,
        choices=[(c.value, c.label) for c in PAIN],
        widget=forms.CheckboxSelectMultiple,
    )
    mood_conditions = forms.MultipleChoiceField(
        label="Mood and anxiety",
        required=False,
        choices=[(c.value, c.label) for c in MOOD],
        widget=forms.CheckboxSelectMultiple,
    )

    def reports_crisis(self) -> bool:
        """Whether "thoughts of suicide" is ticked in what was sent, valid or not: the crisis
        resources are shown even on a form sent back for another mistake."""
        if not self.is_bound or not hasattr(self.data, "getlist"):
            return False
        ticked = self.data.getlist(self.add_prefix("mood_conditions"))
        return Condition.SUICIDAL_IDEATION.value in ticked

    def chosen_conditions(self, cleaned, *, message: str) -> list[str]:
        chosen = cleaned.get("pain_conditions", []) + cleaned.get("mood_conditions", [])
        if not chosen and not cleaned.get("other_condition"):
            self.add_error("other_condition", message)
        return chosen
