"""The intake, one form per step. Each validates its own fields and says what is wrong
beside the field, keeping everything typed."""

from datetime import date
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from clinic.lib.forms import LineField, NoteField
from clinic.lib.phone import normalize_phone
from clinic.locations.models import Location

from ..conditions import MOOD, PAIN, ConditionsFields
from ..models import Medication, Patient

ADULT_AGE = 18
ID_PHOTO_MAX_BYTES = 10 * 1024 * 1024
ID_PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
# Room for a full history in the patient's words (some 600 words) and for every allergy with
# what happened, yet short enough for a clinician to read all of it before an infusion.
MEDICAL_HISTORY_MAX_LENGTH = 4000
ALLERGIES_MAX_LENGTH = 2000


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class _StepForm(forms.ModelForm):
    required_fields: tuple[str, ...] = ()
    phone_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required_fields:
            self.fields[name].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        for name in self.phone_fields:
            if cleaned.get(name):
                try:
                    cleaned[name] = normalize_phone(cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class AboutYouForm(_StepForm):
    required_fields = (
        "legal_first_name", "legal_last_name", "date_of_birth", "phone",
        "street_address", "city", "state", "postal_code",
    )  # fmt: skip
    phone_fields = ("phone",)

    class Meta:
        model = Patient
        fields = [
            "legal_first_name", "legal_last_name", "preferred_name", "date_of_birth", "phone",
            "street_address", "city", "state", "postal_code",
        ]  # fmt: skip
        labels = {
            "legal_first_name": "Legal first name",
            "legal_last_name": "Legal last name",
            "preferred_name": "Name you would like us to use (optional)",
            "date_of_birth": "Date of birth",
            "phone": "Mobile phone",
            "street_address": "Street address",
            "postal_code": "ZIP code",
        }
        help_texts = {"legal_first_name": "As on your photo ID."}
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        field_classes = dict.fromkeys(
            ["legal_first_name", "legal_last_name", "preferred_name"], LineField
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].error_messages["invalid"] = (
            "That is not a date we can read, or the day does not exist in that month. "
            "Please check it."
        )

    def clean_date_of_birth(self):
        birth = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if birth > today:
            raise forms.ValidationError("A date of birth cannot be in the future.")
        if birth.year < 1900:
            raise forms.ValidationError("Please check the year of birth.")
        if age_on(birth, today) < ADULT_AGE:
            raise forms.ValidationError(
                "Our clinic treats adults only: patients must be 18 or older. Please call us "
                "if you have questions."
            )
        return birth


class PeopleForm(_StepForm):
    required_fields = (
        "emergency_contact_name", "emergency_contact_phone", "emergency_contact_relationship",
        "escort_name", "escort_phone",
    )  # fmt: skip
    phone_fields = ("emergency_contact_phone", "escort_phone")

    class Meta:
        model = Patient
        fields = [
            "emergency_contact_name", "emergency_contact_phone", "emergency_contact_relationship",
            "escort_name", "escort_phone",
        ]  # fmt: skip
        labels = {
            "emergency_contact_name": "Emergency contact's name",
            "emergency_contact_phone": "Emergency contact's phone",
            "emergency_contact_relationship": "How they are related to you",
            "escort_name": "Driver's name",
            "escort_phone": "Driver's phone",
        }
        help_texts = {
            "escort_name": "You may not drive for the rest of the day after an infusion, so "
            "someone must take you home. You can change this later.",
        }
        field_classes = dict.fromkeys(
            ["emergency_contact_name", "emergency_contact_relationship", "escort_name"], LineField
        )


class CareForm(ConditionsFields, _StepForm):
    required_fields = ("preferred_location",)
    phone_fields = ("referring_clinician_phone",)

    class Meta:
        model = Patient
        fields = ["preferred_location", "referring_clinician", "referring_clinician_phone",
                  "other_condition"]  # fmt: skip
        labels = {
            "preferred_location": "Where would you like to be treated?",
            "referring_clinician": "Referring clinician or practice (optional)",
            "referring_clinician_phone": "Their phone (optional)",
            "other_condition": "Another condition, in your own words",
        }
        field_classes = dict.fromkeys(["referring_clinician", "other_condition"], LineField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_location"].queryset = Location.objects.bookable()
        chosen = set(self.instance.conditions or [])
        self.fields["pain_conditions"].initial = [c for c in chosen if c in PAIN]
        self.fields["mood_conditions"].initial = [c for c in chosen if c in MOOD]

    def clean(self):
        cleaned = super().clean()
        self.instance.conditions = self.chosen_conditions(
            cleaned, message="Tick at least one condition, or describe yours in your own words."
        )
        return cleaned


class HealthForm(_StepForm):
    required_fields = ("medical_history", "allergies")

    medical_history = NoteField(
        label="Your medical history",
        max_length=MEDICAL_HISTORY_MAX_LENGTH,
        help_text="Illnesses, operations, heart or blood-pressure problems, pregnancy, "
        "mental-health history, past use of ketamine. Write “none” if there is nothing to tell.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    allergies = NoteField(
        label="Allergies",
        max_length=ALLERGIES_MAX_LENGTH,
        help_text="To medicines (including anesthetics), foods or latex, and what happened. "
        "Write “none known” if you have none.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Patient
        fields = ["medical_history", "allergies"]


class MedicationRowForm(forms.ModelForm):
    class Meta:
        model = Medication
        fields = ["name", "dose", "frequency", "prescriber"]
        labels = {"name": "Medication", "frequency": "How often"}
        field_classes = {"name": LineField, "prescriber": LineField}

    def clean(self):
        cleaned = super().clean()
        details = any(cleaned.get(f) for f in ("dose", "frequency", "prescriber"))
        if details and not cleaned.get("name") and not cleaned.get("DELETE"):
            self.add_error("name", "Write the medication's name, as on the label.")
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False  # an empty row is simply left out


# The page's hidden row count came back missing, not a number, or beyond any list: the page
# was changed or cut short on the way, so the rows sent cannot be trusted.
LIST_NOT_AS_SENT = (
    "The list did not come back as the page sent it, so nothing was saved. Please open the "
    "step again and write the list once more."
)


class MedicationRows(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": LIST_NOT_AS_SENT,
        "too_many_forms": LIST_NOT_AS_SENT,
    }


MedicationRowFormSet = forms.formset_factory(
    MedicationRowForm, formset=MedicationRows, extra=0, can_delete=True
)


class NoMedicationsForm(forms.Form):
    takes_no_medications = forms.BooleanField(
        label="I take no medications at all, prescribed or over the counter",
        required=False,
    )


class IdentityForm(_StepForm):
    required_fields = ("id_document_type", "id_document_expiry")

    class Meta:
        model = Patient
        fields = ["id_document_type", "id_document_expiry", "id_document_photo"]
        labels = {
            "id_document_type": "Photo ID you will bring",
            "id_document_expiry": "Its expiry date",
            "id_document_photo": "A photo of it (optional)",
        }
        help_texts = {
            "id_document_photo": "JPEG, PNG or WebP, up to 10 MB. Only clinic staff see it; "
            "we check the ID itself when you arrive.",
        }
        widgets = {
            "id_document_expiry": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            # Not ClearableFileInput: it links to the file on file, and private files have no
            # URL. The photo on file is named in the help text instead.
            "id_document_photo": forms.FileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        uploaded = self.instance.id_document_photo_uploaded_at
        if self.instance.id_document_photo and uploaded:
            field = self.fields["id_document_photo"]
            field.label = "Replace the photo (optional)"
            on = date_format(timezone.localtime(uploaded, ZoneInfo(self.instance.time_zone)))
            field.help_text = (
                f"A photo of your ID is on file (uploaded {on}). Choose a new one only to "
                f"replace it. {field.help_text}"
            )

    def clean_id_document_expiry(self):
        expiry = self.cleaned_data["id_document_expiry"]
        if expiry < timezone.localdate():
            raise forms.ValidationError(
                "This ID has expired. Treatment cannot start without a valid photo ID; give "
                "the details of one that is still valid."
            )
        return expiry

    def clean_id_document_photo(self):
        photo = self.cleaned_data.get("id_document_photo")
        if not photo or not hasattr(photo, "image"):
            return photo  # nothing new uploaded
        if photo.size > ID_PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                "That photo is larger than 10 MB; please send a smaller one."
            )
        if getattr(photo.image, "format", None) not in ID_PHOTO_FORMATS:
            raise forms.ValidationError("Please send the photo as a JPEG, PNG or WebP image.")
        return photo
