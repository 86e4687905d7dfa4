"""The booking forms: a time picked from the free times (the patient's page, the front desk's
list), a chair and a time typed by the front desk, and the driver who takes the patient
home. Whether a time is still free is the booking service's to say."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from django import forms

from clinic.lib.forms import LineField
from clinic.lib.phone import normalize_phone
from clinic.locations.models import Chair

from ..models import AppointmentType

SKIPPED_TIME = "The clocks go forward at that time; choose another."
# The booking service names the start and the chair; a picked free time is both.
PICKED = {"starts_at": "slot", "chair": "slot"}


def date_param(value) -> date | None:
    """A day from a page's query string (YYYY-MM-DD); anything else is no day."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def bookable_chairs():
    return Chair.objects.filter(is_active=True, location__status="open").select_related("location")


def wall_clock_instant(day: date, clock: time, zone_name: str) -> datetime | None:
    """The UTC instant of a wall-clock time at a location, or None for a time the clocks
    skip (it does not survive the trip there and back)."""
    zone = ZoneInfo(zone_name)
    local = datetime.combine(day, clock, tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local.astimezone(UTC)


class ChairChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.location.name}: {obj.name}"


class InfusionBookingForm(forms.Form):
    """A chair and a start time, typed as wall-clock time at the chair's location."""

    chair = ChairChoiceField(
        queryset=bookable_chairs(),
        error_messages={"required": "Choose a chair.", "invalid_choice": "Choose a chair."},
    )
    date = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Choose a day.", "invalid": "Enter a date like 2027-03-14."},
    )
    time = forms.TimeField(
        label="Start time",
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text="Local time at the location. The chair is held for about 90 minutes.",
        error_messages={"required": "Choose a time.", "invalid": "Enter a time like 10:00."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        chair, day, clock = cleaned.get("chair"), cleaned.get("date"), cleaned.get("time")
        if chair and day and clock:
            starts_at = wall_clock_instant(day, clock, chair.location.time_zone)
            if starts_at is None:
                self.add_error("time", SKIPPED_TIME)
            else:
                cleaned["starts_at"] = starts_at
        return cleaned


class DriverFields(forms.Form):
    """Who drives the patient home: optional when booking, asked again at check-in."""

    driver_name = LineField(label="Driver's name", max_length=120, required=False)
    driver_phone = forms.CharField(
        label="Driver's phone",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )

    def clean_driver_phone(self):
        phone = self.cleaned_data["driver_phone"].strip()
        return normalize_phone(phone) if phone else phone


class SlotField(forms.CharField):
    """One of the free times, as radio buttons: `chair/day/HH:MM`, local at the chair's
    location. It reads back into (chair, UTC start) without checking the time is still free:
    a time taken meanwhile gets the booking service's 'taken', not 'invalid choice'."""

    widget = forms.RadioSelect
    offered: list[tuple[str, str]] = []  # (value, label) of each time shown, set by offer()

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Time")
        super().__init__(error_messages={"required": "Pick one of the free times."}, **kwargs)

    def offer(self, times, *, label=lambda free: free.label):
        """Show these free times: (value, label) pairs, which the page's template lays out
        itself (a month of radio buttons through the widget templates is slow)."""
        self.offered = [(free.value, label(free)) for free in times]

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            chair_pk, day, clock = value.split("/")
            day, clock = date.fromisoformat(day), time.fromisoformat(clock)
            chair = bookable_chairs().get(pk=int(chair_pk))
        except (ValueError, Chair.DoesNotExist):
            raise forms.ValidationError("Pick one of the free times shown.") from None
        starts_at = wall_clock_instant(day, clock, chair.location.time_zone)
        if starts_at is None:
            raise forms.ValidationError(SKIPPED_TIME)
        return chair, starts_at


class FreeTimeForm(forms.Form):
    """A time picked from the free times. A post in the typed form's shape (`chair`, `date`,
    `time`) is read as the same pick."""

    slot = SlotField()

    def __init__(self, data=None, *args, **kwargs):
        typed = data is not None and data.get("chair") and not data.get("slot")
        if typed and not kwargs.get("prefix"):
            data = data.copy()
            data["slot"] = "/".join(data.get(name, "") for name in ("chair", "date", "time"))
        super().__init__(data, *args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_slot(self):
        # Kept apart: a refusal by the service later removes it from cleaned_data.
        self.picked = self.cleaned_data["slot"]
        return self.picked

    # The chair and start read from the post, even if the service then refused them.
    picked: tuple[Chair, datetime] | None = None


class PatientBookingForm(FreeTimeForm, DriverFields):
    """The patient's own booking: a free time, and the driver if they know who it is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "driver_name"
        ].help_text = (
            "Optional now: someone must drive you home, and the front desk asks at check-in."
        )


class StaffPickForm(FreeTimeForm, DriverFields):
    """The front desk books one of the free times for a patient; the kind of infusion is
    the one the free times were worked out for."""

    appointment_type = forms.ModelChoiceField(
        queryset=AppointmentType.objects.active(), widget=forms.HiddenInput, required=False
    )


class StaffBookingForm(InfusionBookingForm, DriverFields):
    """The front desk types any day, time and chair (an override: the rules still apply,
    but not the online notice), and the kind of infusion."""

    appointment_type = forms.ModelChoiceField(
        queryset=AppointmentType.objects.active(),
        label="Kind of infusion",
        required=False,
        empty_label="The patient's usual kind",
        error_messages={"invalid_choice": "Choose a kind of infusion."},
    )

    field_order = ["date", "time", "chair", "appointment_type", "driver_name", "driver_phone"]
