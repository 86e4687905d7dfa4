from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from ..booking.forms import DriverFields


class ChecklistForm(DriverFields):
    """What the patient can confirm now; the rest can wait for a later visit to the page."""

    fasting = forms.BooleanField(required=False)
    photo_id = forms.BooleanField(label="I will bring a valid photo ID", required=False)

    def __init__(self, *args, stop_eating_words: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fasting"].label = f"I will stop eating {stop_eating_words}"
        self.fields["driver_name"].help_text = "Who drives you home afterwards."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("confirm", "Confirm"))

    def clean(self):
        data = super().clean()
        name, phone = data.get("driver_name"), data.get("driver_phone")
        if name and not phone and "driver_phone" not in self.errors:
            self.add_error("driver_phone", "Give your driver's phone number too.")
        if phone and not name and "driver_name" not in self.errors:
            self.add_error("driver_name", "Give your driver's name too.")
        if not self.errors and not (name or data.get("fasting") or data.get("photo_id")):
            raise forms.ValidationError("Fill in or tick what you can confirm now.")
        return data
