"""The patient's choice of reminder channels."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms


class ChannelsForm(forms.Form):
    sms = forms.BooleanField(required=False)

    def __init__(self, *args, phone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sms"].label = f"Also send my reminders by text message to {phone}"
        self.fields[
            "sms"
        ].help_text = "Standard message rates may apply. Reply STOP to any text to end them."
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save"))
