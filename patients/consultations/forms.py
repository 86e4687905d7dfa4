"""Forms of the consultation booking: the public form, a new time, and the desk's outcome."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import dateformat
from django.utils.dateparse import parse_datetime

from clinic.lib.forms import EmailAddressField, LineField
from clinic.lib.phone import normalize_phone

from ..conditions import ConditionsFields
from ..models import Consultation


def slot_label(slot, zone_name: str, *, with_date: bool) -> str:
    return dateformat.format(slot.local_start(zone_name), "l, F j, g:i A" if with_date else "g:i A")


class SlotField(forms.CharField):
    """A start time offered as radio buttons. Whether it is still free is for the booking
    service to say, so a slot taken meanwhile gets 'just taken', not 'invalid choice'."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(
            label="Time",
            error_messages={"required": "Pick a time for your consultation."},
            **kwargs,
        )

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        starts_at = parse_datetime(value)
        if starts_at is None or starts_at.tzinfo is None:
            raise forms.ValidationError("Pick one of the times shown.")
        return starts_at

    def offer(self, slots, zone_name: str, *, with_date: bool = False):
        self.widget.choices = [
            (s.starts_at.isoformat(), slot_label(s, zone_name, with_date=with_date)) for s in slots
        ]


class ConsultationForm(ConditionsFields):
    kind = forms.ChoiceField(
        label="How would you like to talk?",
        choices=Consultation.Kind.choices,
        widget=forms.RadioSelect,
        initial=Consultation.Kind.PHONE,
    )
    slot = SlotField()
    full_name = LineField(label="Your name", max_length=150)
    email = EmailAddressField(label="E-mail address", help_text="We send your confirmation here.")
    phone = forms.CharField(label="Phone number", max_length=30)
    other_condition = LineField(
        label="Something else, in your own words", max_length=200, required=False
    )
    preferred_contact_time = forms.ChoiceField(
        label="When is it best to reach you?",
        choices=Consultation.ContactTime.choices,
        widget=forms.RadioSelect,
        initial=Consultation.ContactTime.ANY,
    )
    # A field people never see: forms that fill it in are robots.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, slots=(), zone_name="UTC", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].offer(slots, zone_name)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        cleaned["conditions"] = self.chosen_conditions(
            cleaned,
            message="Tick at least one condition, or tell us in your own words what you would "
            "like to talk about.",
        )
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class RescheduleForm(forms.Form):
    slot = SlotField()

    def __init__(self, *args, slots=(), zone_name="UTC", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].offer(slots, zone_name)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[c for c in Consultation.Outcome.choices if c[0] != Consultation.Outcome.NEW]
    )
