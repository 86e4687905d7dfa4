"""Which location and local days the reports cover."""

from datetime import date, timedelta

from crispy_forms.helper import FormHelper
from django import forms

from clinic.locations.models import Location

from .selectors import MAX_DAYS

# Beyond this from today a typed year is surely a slip, and would reach the limits of time
# zone arithmetic.
FARTHEST = timedelta(days=10 * 366)
DATE_ERRORS = {
    "required": "Enter a date.",
    "invalid": "Enter a date such as 2026-03-02.",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReportForm(forms.Form):
    location = forms.ModelChoiceField(
        queryset=Location.objects.listed(),
        empty_label=None,
        error_messages={"invalid_choice": "Choose a location from the list."},
    )
    first = forms.DateField(label="From", widget=DateInput(), error_messages=DATE_ERRORS)
    last = forms.DateField(
        label="To",
        widget=DateInput(),
        error_messages=DATE_ERRORS,
        help_text=f"Both days included, at most {MAX_DAYS} days.",
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @classmethod
    def from_query(cls, params, *, today: date, location: Location | None) -> "ReportForm":
        """Bound to the query string, what it leaves out filled in: the first open location
        and the last four weeks to today."""
        data = {
            "location": location.pk if location else "",
            "first": (today - timedelta(days=27)).isoformat(),
            "last": today.isoformat(),
        }
        data |= {key: params[key] for key in data if key in params}
        return cls(data, today=today)

    def _near(self, day: date) -> date:
        if abs(day - self.today) > FARTHEST:
            raise forms.ValidationError("Choose a date within ten years of today.")
        return day

    def clean_first(self):
        return self._near(self.cleaned_data["first"])

    def clean_last(self):
        return self._near(self.cleaned_data["last"])

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last:
            if last < first:
                self.add_error("last", "The last day must be on or after the first.")
            elif (last - first).days + 1 > MAX_DAYS:
                self.add_error(
                    "last",
                    f"Choose at most {MAX_DAYS} days; this period has {(last - first).days + 1}.",
                )
        return cleaned
