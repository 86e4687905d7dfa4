from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from django import forms

from clinic.locations.models import Chair


class ChairChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.location.name}: {obj.name}"


class InfusionBookingForm(forms.Form):
    """A chair and a start time, typed as wall-clock time at the chair's location."""

    chair = ChairChoiceField(
        queryset=Chair.objects.filter(is_active=True, location__status="open").select_related(
            "location"
        ),
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
        chair, day, time = cleaned.get("chair"), cleaned.get("date"), cleaned.get("time")
        if chair and day and time:
            zone = ZoneInfo(chair.location.time_zone)
            local = datetime.combine(day, time, tzinfo=zone)
            # A wall-clock time skipped when the clocks go forward does not survive the trip.
            if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(
                tzinfo=None
            ):
                self.add_error("time", "The clocks go forward at that time; choose another.")
            else:
                cleaned["starts_at"] = local.astimezone(UTC)
        return cleaned
