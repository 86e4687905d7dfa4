"""What every form shares: the fields people type into (an e-mail address, a line such as a
name, a longer note) and showing a service's refusal on the form the person filled in."""

import re

from django import forms
from django.core.exceptions import ValidationError

# The database column's length, and the longest address mail servers accept. Django's
# validator alone lets up to 320 characters through, which the column then refuses.
EMAIL_MAX_LENGTH = 254

# Characters that change how the text around them is shown while showing nothing themselves:
# the bidi embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069) and marks
# (U+200E, U+200F, U+061C), and the C0 and C1 controls but tab and line breaks. In a name on
# a staff page, U+202E shows what follows backwards. They are removed, not refused: people
# paste them unseen, and could not find what to delete. NUL is left for Django's
# ProhibitNullCharactersValidator to refuse: nobody types it, and the database would not
# store it.
INVISIBLE = re.compile(
    "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


class EmailAddressField(forms.EmailField):
    """An e-mail address that fits the database column, said in words when it does not."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        kwargs.setdefault(
            "error_messages", {"invalid": "Enter an e-mail address like name@example.com."}
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        # Before the validators, so an address of 400 characters gets this message alone.
        if len(value) > self.max_length:
            raise ValidationError(
                f"An e-mail address has at most {self.max_length} characters; this one has "
                f"{len(value):,}. Please check it.",
                code="max_length",
            )


class LineField(forms.CharField):
    """One line a person types for staff to read: a name, a relationship, a condition in
    their own words. Invisible direction and control characters are removed and each run of
    spaces made one."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(INVISIBLE.sub("", value).split()) if value else value


class NoteField(forms.CharField):
    """Free text a patient writes for the clinicians (medical history, allergies): kept as
    typed, line breaks included, without invisible direction and control characters, and no
    longer than `max_length`, which the message says in words."""

    widget = forms.Textarea

    def __init__(self, *, max_length: int, **kwargs):  # a note always has a limit
        super().__init__(max_length=max_length, **kwargs)

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_length:
            raise ValidationError(
                f"Please shorten this to {self.max_length:,} characters or fewer (it has "
                f"{len(value):,}); a clinician goes through the details with you.",
                code="max_length",
            )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # A browser cuts a paste at `maxlength` without a word; the message says it instead.
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        return INVISIBLE.sub("", value) if value else value


def form_add_service_errors(form, error: ValidationError, *, renamed=None) -> None:
    """Each message of a service's ValidationError goes next to its field where the form has
    that field (`renamed` maps a service's name to the form's), else at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        field = (renamed or {}).get(field, field)
        form.add_error(field if field in form.fields else None, errors)
