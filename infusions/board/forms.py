"""The board's forms: which location and day to show, and the desk's actions. Each action's
rules live in its service; these only read what was typed and lay it out."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from crispy_forms.helper import FormHelper
from django import forms

from clinic.lib.forms import LineField
from clinic.lib.phone import normalize_phone
from clinic.locations.models import Chair, Location
from patients.models import Patient

from ..booking.forms import InfusionBookingForm
from ..booking.services import default_type
from ..models import AppointmentType

# How far from today a board may be asked for: beyond it a typed year is surely a slip.
FARTHEST = timedelta(days=3 * 366)


@dataclass
class BoardPlace:
    """The location and local day a board shows, and what was wrong with what was asked."""

    location: Location | None
    day: date | None
    problems: list[str] = field(default_factory=list)


def board_place(params, locations: list[Location]) -> BoardPlace:
    """Read `location` (a pk) and `day` (YYYY-MM-DD, the location's local date) from the
    query string. Anything unreadable falls back to the first open location and its today,
    with a word saying so; nothing here raises."""
    problems = []
    default = next((loc for loc in locations if loc.is_open_for_booking), None)
    location = default or (locations[0] if locations else None)
    raw_location = params.get("location", "").strip()
    if raw_location:
        chosen = next((loc for loc in locations if str(loc.pk) == raw_location), None)
        if chosen is None:
            problems.append("That location was not found, so the board shows the first one.")
        else:
            location = chosen
    if location is None:
        return BoardPlace(None, None, problems)
    today = location.local_time().date()
    day = today
    raw_day = params.get("day", "").strip()
    if raw_day:
        try:
            asked = date.fromisoformat(raw_day)
        except ValueError:
            problems.append("That date could not be read, so the board shows today.")
        else:
            if abs(asked - today) > FARTHEST:
                problems.append("That date is too far away, so the board shows today.")
            else:
                day = asked
    return BoardPlace(location, day, problems)


class BoardSlotForm(InfusionBookingForm):
    """A chair of this location, a day and a start time on its clocks (the booking form's
    reading of wall-clock time, daylight-saving gaps included)."""

    def __init__(self, *args, location: Location, **kwargs):
        super().__init__(*args, **kwargs)
        chair = self.fields["chair"]
        chair.queryset = Chair.objects.filter(location=location, is_active=True).select_related(
            "location"
        )
        chair.label_from_instance = lambda obj: obj.name
        chair.empty_label = None
        self.fields["time"].help_text = f"{location.time_zone_name} at {location.name}."
        self.fields["time"].widget.format = "%H:%M"
        self.today = location.local_time().date()

    def clean_date(self):
        day = self.cleaned_data["date"]
        # A year typed wrong would reach the limits of time zone arithmetic.
        if abs(day - self.today) > FARTHEST:
            raise forms.ValidationError("Choose a day within the next few months.")
        return day


def _optional_phone(value: str) -> str:
    return normalize_phone(value) if value else value


class DriverFields(forms.Form):
    driver_name = LineField(label="Driver's name", max_length=120, required=False)
    driver_phone = forms.CharField(label="Driver's phone", max_length=30, required=False)

    def clean_driver_phone(self):
        return _optional_phone(self.cleaned_data["driver_phone"].strip())


class PatientChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.legal_name or obj.display_name
        if obj.preferred_name and obj.preferred_name != obj.legal_first_name:
            name += f" ({obj.preferred_name})"
        if obj.date_of_birth:
            name += f", born {obj.date_of_birth:%b %-d, %Y}"
        return name


class BoardBookForm(BoardSlotForm, DriverFields):
    """Book a cleared patient into a free chair: `cleared_ids` are the patients the gate
    allows, the only ones offered."""

    patient = PatientChoiceField(
        queryset=Patient.objects.none(),
        empty_label="Choose a patient",
        error_messages={
            "required": "Choose the patient to book.",
            "invalid_choice": "Choose a patient from the list of those cleared for infusions.",
        },
    )
    appointment_type = forms.ModelChoiceField(
        queryset=AppointmentType.objects.active(),
        label="Kind of infusion",
        empty_label=None,
        error_messages={
            "required": "Choose a kind of infusion.",
            "invalid_choice": "Choose a kind of infusion.",
        },
    )

    field_order = [
        "patient",
        "appointment_type",
        "chair",
        "date",
        "time",
        "driver_name",
        "driver_phone",
    ]

    def __init__(self, *args, cleared_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient"].queryset = (
            Patient.objects.filter(pk__in=cleared_ids)
            .select_related("user")
            .order_by("legal_last_name", "legal_first_name", "pk")
        )
        self.fields["driver_name"].help_text = "Optional now: asked again at check-in."
        self.fields["appointment_type"].initial = default_type()


class CancelForm(forms.Form):
    reason = LineField(
        label="Why is it cancelled?",
        max_length=300,
        error_messages={"required": "Say why the appointment is cancelled."},
        help_text="For example: the patient called, unwell.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class CheckInForm(DriverFields):
    """The patient is at the desk. What is required is the check-in service's to say, so its
    refusals come back next to these fields."""

    id_seen = forms.BooleanField(label="I have seen the patient's photo ID", required=False)

    field_order = ["id_seen", "driver_name", "driver_phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
