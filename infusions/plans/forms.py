"""The plan's form for clinicians, and the proposal's lines the desk may change before booking."""

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms

from clinic.locations.hours import WEEKDAY_NAMES
from clinic.locations.models import Location

from ..models import AppointmentType
from .planner import Kind

WEEKDAY_CHOICES = [(str(n), name) for n, name in enumerate(WEEKDAY_NAMES)]
MAX_LINES = 24  # a plan has at most 12 initial and 12 maintenance infusions


def _whole_number(label: str, low: int, high: int, **kwargs) -> forms.IntegerField:
    message = f"Enter a whole number from {low} to {high}."
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        error_messages={
            "required": message,
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
        **kwargs,
    )


def _dose(label: str, initial: str, **kwargs) -> forms.DecimalField:
    message = "Enter a dose from 0.05 to 5 mg/kg, like 0.5."
    return forms.DecimalField(
        label=label,
        initial=Decimal(initial),
        required=False,
        min_value=Decimal("0.05"),
        max_value=Decimal("5"),
        max_digits=4,
        decimal_places=2,
        error_messages={
            key: message
            for key in (
                "required",
                "invalid",
                "min_value",
                "max_value",
                "max_digits",
                "max_decimal_places",
                "max_whole_digits",
            )
        },
        **kwargs,
    )


class WeekdaysField(forms.MultipleChoiceField):
    """Check boxes for the days of the week, kept as digits: '024' is Monday, Wednesday, Friday."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=WEEKDAY_CHOICES, **kwargs)

    def clean(self, value):
        return "".join(sorted(super().clean(value)))


class PlanForm(forms.Form):
    location = forms.ModelChoiceField(
        queryset=Location.objects.bookable().order_by("name"),
        empty_label="Choose a location",
        error_messages={
            "required": "Choose a location.",
            "invalid_choice": "Choose a location taking bookings.",
        },
    )
    initial_type = forms.ModelChoiceField(
        label="Kind of infusion",
        empty_label="Choose a kind",
        queryset=AppointmentType.objects.active().filter(kind=AppointmentType.Kind.INITIAL),
        error_messages={
            "required": "Choose the kind of infusion for the series.",
            "invalid_choice": "Choose the kind of infusion for the series.",
        },
    )
    initial_count = _whole_number("How many infusions", 1, 12, initial=6)
    initial_span_days = _whole_number(
        "Over how many days",
        1,
        60,
        initial=14,
        help_text="The series fits in this many days from its first infusion.",
    )
    allowed_weekdays = WeekdaysField(
        label="Days the series may use",
        initial=list("01234"),
        error_messages={"required": "Pick at least one day."},
    )
    maintenance_type = forms.ModelChoiceField(
        label="Kind of infusion",
        required=False,
        empty_label="No maintenance planned yet",
        queryset=AppointmentType.objects.active().filter(kind=AppointmentType.Kind.MAINTENANCE),
        error_messages={"invalid_choice": "Choose a maintenance infusion, or none yet."},
    )
    maintenance_interval_weeks = _whole_number(
        "Every how many weeks", 1, 26, required=False, help_text="For example 4."
    )
    maintenance_count = _whole_number(
        "How many to book ahead",
        0,
        12,
        required=False,
        help_text="Leave empty to book none yet.",
    )
    min_gap_hours = _whole_number(
        "Hours between two infusions at least",
        1,
        24 * 14,
        initial=24,
        help_text="From the start of one infusion to the start of the next.",
    )
    preferred_weekdays = WeekdaysField(
        label="Days the patient prefers",
        required=False,
        help_text="Leave all unticked if any day suits.",
    )
    preferred_earliest = forms.TimeField(
        label="Earliest start",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Local time at the location.",
        error_messages={"invalid": "Enter a time like 10:00."},
    )
    preferred_latest = forms.TimeField(
        label="Latest start",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Local time at the location.",
        error_messages={"invalid": "Enter a time like 15:30."},
    )

    dose_min_mg_per_kg = _dose("Lowest dose (mg/kg)", "0.50")
    dose_max_mg_per_kg = _dose(
        "Highest dose (mg/kg)", "1.00", help_text="A dose charted outside the range needs a reason."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form has its token
        self.helper.layout = Layout(
            "location",
            Fieldset(
                "The initial series",
                "initial_type",
                "initial_count",
                "initial_span_days",
                "allowed_weekdays",
            ),
            Fieldset(
                "Maintenance after the series",
                "maintenance_type",
                "maintenance_interval_weeks",
                "maintenance_count",
            ),
            Fieldset(
                "Spacing and the patient's preferences",
                "min_gap_hours",
                "preferred_weekdays",
                "preferred_earliest",
                "preferred_latest",
            ),
            Fieldset("Dose range", "dose_min_mg_per_kg", "dose_max_mg_per_kg"),
        )

    def clean_dose_min_mg_per_kg(self):
        # Left empty: the clinic's usual range.
        return self.cleaned_data["dose_min_mg_per_kg"] or Decimal("0.50")

    def clean_dose_max_mg_per_kg(self):
        return self.cleaned_data["dose_max_mg_per_kg"] or Decimal("1.00")

    def clean_maintenance_count(self):
        return self.cleaned_data["maintenance_count"] or 0


class FirstDayForm(forms.Form):
    first_day = forms.DateField(
        label="First day",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The proposal starts on this day or the next good one.",
        error_messages={"required": "Choose a day.", "invalid": "Enter a date like 2027-03-14."},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_first_day(self):
        day = self.cleaned_data["first_day"]
        if day < self.today:
            raise forms.ValidationError("Choose today or a later day.")
        return day


def local_start(day, wall_time, zone_name: str) -> datetime | None:
    """The UTC instant of a local wall-clock time, or None for a time skipped when the clocks
    go forward."""
    zone = ZoneInfo(zone_name)
    local = datetime.combine(day, wall_time, tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local.astimezone(UTC)


def time_token(chair_id: int, starts_at: datetime) -> str:
    """A free time as a choice's value: the chair and the UTC start."""
    return f"{chair_id}@{starts_at.astimezone(UTC).isoformat()}"


def read_time_token(token: str) -> tuple[int, datetime] | None:
    chair, _, instant = token.partition("@")
    try:
        starts_at = datetime.fromisoformat(instant)
        chair_id = int(chair)
    except ValueError:
        return None
    if starts_at.tzinfo is None:
        return None
    return chair_id, starts_at.astimezone(UTC)


class ProposalLineForm(forms.Form):
    """One infusion of a proposal: book it as proposed, at another day, time or chair, or at
    one of the free times offered when it could not be kept; or leave it out."""

    include = forms.BooleanField(label="Book this one", required=False, initial=True)
    kind = forms.ChoiceField(choices=[(k.value, k.value) for k in Kind], widget=forms.HiddenInput)
    number = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    date = forms.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a date like 2027-03-14."},
    )
    time = forms.TimeField(
        label="Start time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Enter a time like 10:00."},
    )
    chair = forms.TypedChoiceField(label="Chair", coerce=int, required=False, empty_value=None)
    # The free times shown for this line, carried with the form so a refused form shows them
    # again; the booking service checks whichever is chosen, like any typed time.
    offered = forms.CharField(required=False, widget=forms.HiddenInput)
    alternative = forms.ChoiceField(
        label="Or one of these free times", required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, location, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.location, self.chairs = location, {chair.pk: chair for chair in chairs}
        self.fields["chair"].choices = [("", "Choose a chair")] + [
            (chair.pk, chair.name) for chair in chairs
        ]
        self.fields["chair"].error_messages["invalid_choice"] = "Choose a chair."
        self.fields["alternative"].error_messages["invalid_choice"] = (
            "Choose one of the free times shown."
        )
        self.note = ""  # why the planner could not keep this one, shown above the fields
        self.offer(self["offered"].value() or "")

    def offer(self, tokens: str) -> None:
        """Show these free times (space-separated tokens) as choices for this line."""
        choices = [("", "None of these: book the day and time above")]
        for token in tokens.split():
            parsed = read_time_token(token)
            if parsed is None or parsed[0] not in self.chairs:
                continue
            chair_id, starts_at = parsed
            local = self.location.local_time(starts_at)
            choices.append(
                (token, f"{local:%A, %B %-d at %-I:%M %p}, {self.chairs[chair_id].name}")
            )
        self.fields["alternative"].choices = choices

    @property
    def alternatives_shown(self) -> bool:
        return len(self.fields["alternative"].choices) > 1

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("include"):
            return cleaned
        if cleaned.get("alternative"):
            chair_id, starts_at = read_time_token(cleaned["alternative"])
            cleaned["starts_at"], cleaned["chair_obj"] = starts_at, self.chairs[chair_id]
            return cleaned
        day, wall_time, chair_id = cleaned.get("date"), cleaned.get("time"), cleaned.get("chair")
        if day is None and "date" not in self.errors:
            self.add_error("date", "Choose a day, pick a free time below, or leave this one out.")
        if wall_time is None and "time" not in self.errors:
            self.add_error("time", "Choose a time, pick a free time below, or leave this one out.")
        if chair_id is None and "chair" not in self.errors:
            self.add_error("chair", "Choose a chair.")
        if day and wall_time and chair_id:
            starts_at = local_start(day, wall_time, self.location.time_zone)
            if starts_at is None:
                self.add_error("time", "The clocks go forward at that time; choose another.")
            else:
                cleaned["starts_at"], cleaned["chair_obj"] = starts_at, self.chairs[chair_id]
        return cleaned


class BaseProposalFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": "This page is out of date; open the proposal again.",
        "too_many_forms": "A proposal has at most %(num)d infusions; open the proposal again.",
        "too_few_forms": "Open the proposal again.",
    }

    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("include") for form in self.forms):
            raise forms.ValidationError("Tick at least one infusion to book.")


ProposalFormSet = forms.formset_factory(
    ProposalLineForm,
    formset=BaseProposalFormSet,
    extra=0,
    max_num=MAX_LINES,
    absolute_max=MAX_LINES,
    validate_max=True,
)
