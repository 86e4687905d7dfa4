from django import forms

from clinic.lib.forms import LineField


class ConsentSignForm(forms.Form):
    """The patient's acknowledgements, typed name and optional drawn signature. The
    sections come from the consent version being signed."""

    typed_name = LineField(
        label="Your full legal name",
        max_length=200,
        help_text="Type it as it is in your intake; capitals and spacing do not matter.",
        error_messages={"required": "Type your full legal name to sign."},
    )
    drawn_signature = forms.CharField(required=False, widget=forms.HiddenInput)
    shown_sha256 = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.fields["acknowledged"] = forms.MultipleChoiceField(
            label="I have read and understood",
            choices=[(s["key"], s["heading"]) for s in document.sections],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
