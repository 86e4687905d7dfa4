"""The chart's forms. Times are typed as clock times on the infusion's local day and stored
as instants; the service checks the rules that need the plan."""

from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from django import forms

from ..models import InfusionRecord, SideEffect, VitalSigns
from .services import CHART_FIELDS


def _local_instant(day, clock, zone: str):
    return datetime.combine(day, clock, tzinfo=ZoneInfo(zone)) if clock else None


def _clock(instant, zone: str):
    return instant.astimezone(ZoneInfo(zone)).time().replace(second=0, microsecond=0)


class _OnTheDay:
    """A form whose clock-time fields mean times on the appointment's local day."""

    def __init__(self, *args, appointment, **kwargs):
        self.location = appointment.chair.location
        self.day = self.location.local_time(appointment.starts_at).date()
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def instant(self, name):
        return _local_instant(self.day, self.cleaned_data.get(name), self.location.time_zone)


class RecordForm(_OnTheDay, forms.ModelForm):
    started_clock = forms.TimeField(
        label="Infusion started", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    stopped_clock = forms.TimeField(
        label="Infusion stopped", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    side_effects = forms.MultipleChoiceField(
        choices=SideEffect.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label="Why is this amended?",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The record is signed: the change is kept beside the original with this reason.",
    )

    class Meta:
        model = InfusionRecord
        # The chart's fields but its times, typed as clock times above.
        fields = [f for f in CHART_FIELDS if f not in ("started_at", "stopped_at")]
        widgets = {
            "dose_reason": forms.Textarea(attrs={"rows": 2}),
            "side_effect_notes": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.location.time_zone
        for name, instant in (
            ("started_clock", self.instance.started_at),
            ("stopped_clock", self.instance.stopped_at),
        ):
            if instant:
                self.initial[name] = _clock(instant, zone)
        if not self.instance.is_signed:
            del self.fields["reason"]
        self.fields["weight_kg"].widget.attrs["step"] = "0.1"
        self.fields["dose_mg_per_kg"].widget.attrs["step"] = "0.01"

    def changes(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["started_at"] = self.instance_or_kept("started_clock", "started_at")
        data["stopped_at"] = self.instance_or_kept("stopped_clock", "stopped_at")
        return data

    def instance_or_kept(self, clock_field, instant_field):
        """The typed time; the stored instant when the clock time shown was not changed (so a
        start charted at 10:02:37 is not rewritten as 10:02:00)."""
        kept = getattr(self.instance, instant_field)
        if kept and self.cleaned_data.get(clock_field) == _clock(kept, self.location.time_zone):
            return kept
        return self.instant(clock_field)


class VitalsForm(_OnTheDay, forms.ModelForm):
    taken_clock = forms.TimeField(label="Taken at", widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = VitalSigns
        fields = ["systolic", "diastolic", "heart_rate", "spo2"]

    def readings(self) -> dict:
        return {
            "taken_at": self.instant("taken_clock"),
            **{name: self.cleaned_data[name] for name in self.Meta.fields},
        }
