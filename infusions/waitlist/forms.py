import re
from datetime import UTC, datetime

from crispy_forms.helper import FormHelper
from django import forms

from clinic.locations.models import Chair, Location
from patients.models import Patient

from ..models import AppointmentType
from .preferences import WEEKDAY_NAMES, weekdays_from
from .selectors import cleared_patients


class PatientChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.legal_name or obj.display_name
        return f"{name}, born {obj.date_of_birth:%b %-d, %Y}" if obj.date_of_birth else name


class PreferencesForm(forms.Form):
    """Where, which days and what times: the part of a waitlist entry a patient chooses."""

    location = forms.ModelChoiceField(
        queryset=Location.objects.bookable().order_by("name"),
        error_messages={"required": "Choose a location.", "invalid_choice": "Choose a location."},
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="Days that suit",
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one day.",
            "invalid_choice": "Tick days from the list.",
        },
    )
    earliest = forms.TimeField(
        label="Earliest start",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text="Local time at the location. Leave empty for any time from opening.",
        error_messages={"invalid": "Enter a time like 09:30."},
    )
    latest = forms.TimeField(
        label="Latest start",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text="Local time at the location. Leave empty for any time until closing.",
        error_messages={"invalid": "Enter a time like 14:00."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        earliest, latest = cleaned.get("earliest"), cleaned.get("latest")
        if earliest and latest and latest < earliest:
            self.add_error("latest", "The latest start must be after the earliest start.")
        if "weekdays" in cleaned:
            cleaned["preferred_weekdays"] = weekdays_from(cleaned["weekdays"])
        return cleaned


class StaffEntryForm(PreferencesForm):
    """The front desk puts a cleared patient on a location's waitlist."""

    field_order = ["patient", "location", "appointment_type"]

    patient = PatientChoiceField(
        queryset=Patient.objects.none(),
        help_text="Only patients who may be booked for an infusion are listed.",
        error_messages={"required": "Choose a patient.", "invalid_choice": "Choose a patient."},
    )
    appointment_type = forms.ModelChoiceField(
        label="Kind of infusion",
        queryset=AppointmentType.objects.active(),
        error_messages={
            "required": "Choose a kind of infusion.",
            "invalid_choice": "Choose a kind of infusion.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient"].queryset = Patient.objects.filter(
            pk__in=[p.pk for p in cleared_patients()]
        ).order_by("legal_last_name", "legal_first_name", "pk")


MIN_YEAR, MAX_YEAR = 2000, 9000


class FreedTimeForm(forms.Form):
    """The chair and time the day board links to, as query parameters."""

    chair = forms.ModelChoiceField(
        queryset=Chair.objects.filter(is_active=True).select_related("location"),
        error_messages={
            "required": "No chair was given. Open this page from a free time on the day board.",
            "invalid_choice": "That chair is not taking bookings. Go back to the day board and "
            "choose the time again.",
        },
    )
    starts_at = forms.CharField(
        error_messages={
            "required": "No time was given. Open this page from a free time on the day board."
        },
    )

    def clean_starts_at(self):
        # A "+00:00" offset pasted into an address unencoded arrives as " 00:00".
        value = re.sub(r" (\d\d:\d\d)$", r"+\1", self.cleaned_data["starts_at"])
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(
                "That time could not be read. Go back to the day board and choose it again."
            ) from None
        if instant.tzinfo is None:
            raise forms.ValidationError(
                "That time has no time zone. Go back to the day board and choose it again."
            )
        # Nothing is booked this far off, and a day around year 1 or 9999 cannot be computed.
        if not MIN_YEAR <= instant.year <= MAX_YEAR:
            raise forms.ValidationError(
                "That time is too far from today. Go back to the day board and choose it again."
            )
        return instant.astimezone(UTC)


class OfferForm(forms.Form):
    """The waiting patients the desk offers the freed time to."""

    entries = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": "Tick at least one patient to offer the time to.",
            "invalid_choice": "Some of the patients you ticked can no longer be offered this "
            "time. The list is up to date now; tick them again.",
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {c.entry.pk: c for c in candidates if c.offerable}
        self.fields["entries"].choices = [(pk, pk) for pk in self.candidates]

    def clean_entries(self):
        return [self.candidates[pk].entry for pk in self.cleaned_data["entries"]]
