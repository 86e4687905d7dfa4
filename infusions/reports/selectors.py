"""The reports' figures for one location and a run of its local days, in a few queries
whatever the period holds. Each figure is a plain row (a dataclass) a page, a chart and a CSV
all read; no patient's name or id leaves this module.

Days are the location's local calendar days: times are stored in UTC, opening hours are
local clock times, so a day when the clocks change is 23 or 25 hours long but its opening
hours are not. A week runs Monday to Sunday and holds only its days inside the period.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from clinic.lib.timezones import local_day_bounds
from clinic.locations.models import Chair, Location
from screening.models import Screening

from ..models import InfusionAppointment, OutcomeCheck, TreatmentPlan
from ..models.appointments import Status

# The longest period one report covers: a year, leap day included.
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    """A location and its local days from `first` to `last`, both included."""

    location: Location
    first: date
    last: date

    def __post_init__(self):
        if self.last < self.first:
            raise ValueError("A period ends on or after its first day.")

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        """The UTC instants the first day starts and the day after the last starts."""
        starts, _ = local_day_bounds(self.first, self.location.time_zone)
        _, ends = local_day_bounds(self.last, self.location.time_zone)
        return starts, ends

    def local_day(self, instant: datetime) -> date:
        return instant.astimezone(ZoneInfo(self.location.time_zone)).date()

    def week_of(self, day: date) -> date:
        """The first day of the day's week inside the period: its Monday, or the period's
        first day for a week the period starts in the middle of."""
        return max(day - timedelta(days=day.weekday()), self.first)

    @property
    def weeks(self) -> list[date]:
        return sorted({self.week_of(day) for day in self.days})


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100


# Chair use ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChairUse:
    """Chair minutes held by appointments against chair minutes open, for a day or a week
    (`start` is its first day)."""

    start: date
    open_minutes: int
    held_minutes: int

    @property
    def share(self) -> float | None:
        return _share(self.held_minutes, self.open_minutes)

    @property
    def percent(self) -> float | None:
        return _percent(self.share)


def _open_spans(period: Period) -> dict[date, list[tuple[datetime, datetime]]]:
    """Each local day's opening hours as UTC spans. Subtracting two aware times of one zone
    would count wall-clock minutes, so the spans are turned into UTC first."""
    zone = ZoneInfo(period.location.time_zone)
    intervals = period.location.hour_intervals()
    spans: dict[date, list[tuple[datetime, datetime]]] = {}
    for day in period.days:
        spans[day] = [
            (
                datetime.combine(day, i.opens, tzinfo=zone).astimezone(UTC),
                datetime.combine(day, i.closes, tzinfo=zone).astimezone(UTC),
            )
            for i in intervals
            if i.weekday == day.weekday()
        ]
    return spans


def _minutes(seconds: float) -> int:
    return round(seconds / 60)


def _appointments(period: Period) -> list[tuple[datetime, datetime, str]]:
    """(starts_at, chair_free_at, status) of every appointment starting in the period."""
    starts, ends = period.bounds
    return list(
        InfusionAppointment.objects.filter(
            chair__location=period.location, starts_at__gte=starts, starts_at__lt=ends
        )
        .order_by("starts_at", "pk")
        .values_list("starts_at", "chair_free_at", "status")
    )


def chair_use(
    period: Period, appointments: list[tuple[datetime, datetime, str]] | None = None
) -> tuple[list[ChairUse], list[ChairUse], ChairUse]:
    """Chair use per day, per week and over the period.

    1. Open minutes of a day: its opening hours (local clock times) times the location's
       active chairs.
    2. Held minutes: each appointment not cancelled in advance holds its chair from its
       start until the chair is free again after recovery and turnover; only the part
       inside that day's opening hours counts, so a day is at most 100% used.
    3. A week and the period sum their days' minutes.
    """
    if appointments is None:
        appointments = _appointments(period)
    chairs = Chair.objects.filter(location=period.location, is_active=True).count()
    spans = _open_spans(period)
    held: dict[date, float] = defaultdict(float)
    for starts_at, chair_free_at, status in appointments:
        if status == Status.CANCELLED:
            continue
        day = period.local_day(starts_at)
        for opens, closes in spans.get(day, []):
            overlap = (min(chair_free_at, closes) - max(starts_at, opens)).total_seconds()
            held[day] += max(overlap, 0)
    days = [
        ChairUse(
            start=day,
            open_minutes=chairs * sum(_minutes((c - o).total_seconds()) for o, c in spans[day]),
            held_minutes=_minutes(held[day]),
        )
        for day in period.days
    ]
    weeks = [
        ChairUse(
            start=week,
            open_minutes=sum(d.open_minutes for d in days if period.week_of(d.start) == week),
            held_minutes=sum(d.held_minutes for d in days if period.week_of(d.start) == week),
        )
        for week in period.weeks
    ]
    total = ChairUse(
        start=period.first,
        open_minutes=sum(d.open_minutes for d in days),
        held_minutes=sum(d.held_minutes for d in days),
    )
    return days, weeks, total


# No-shows and late cancellations ------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    """Of the appointments starting in a week (or the period) that were not cancelled in
    advance, how many were no-shows and how many were cancelled late."""

    start: date
    appointments: int
    no_shows: int
    late_cancels: int

    @property
    def no_show_rate(self) -> float | None:
        return _share(self.no_shows, self.appointments)

    @property
    def late_cancel_rate(self) -> float | None:
        return _share(self.late_cancels, self.appointments)

    @property
    def no_show_percent(self) -> float | None:
        return _percent(self.no_show_rate)

    @property
    def late_cancel_percent(self) -> float | None:
        return _percent(self.late_cancel_rate)


def attendance(
    period: Period, appointments: list[tuple[datetime, datetime, str]] | None = None
) -> tuple[list[Attendance], Attendance]:
    """No-shows and late cancellations per week and over the period."""
    if appointments is None:
        appointments = _appointments(period)
    counts: dict[date, list[int]] = {week: [0, 0, 0] for week in period.weeks}
    for starts_at, _, status in appointments:
        if status == Status.CANCELLED:
            continue
        count = counts[period.week_of(period.local_day(starts_at))]
        count[0] += 1
        count[1] += status == Status.NO_SHOW
        count[2] += status == Status.LATE_CANCELLED
    weeks = [Attendance(week, *count) for week, count in counts.items()]
    total = Attendance(
        period.first,
        sum(w.appointments for w in weeks),
        sum(w.no_shows for w in weeks),
        sum(w.late_cancels for w in weeks),
    )
    return weeks, total


# Series started and completed ---------------------------------------------------------------


@dataclass(frozen=True)
class SeriesCount:
    """Treatment plans whose initial series started, and whose initial series was completed,
    in a week (or the period)."""

    start: date
    started: int
    completed: int


def series(period: Period) -> tuple[list[SeriesCount], SeriesCount]:
    """A plan's series starts on the day of its first discharged infusion and is completed on
    the day of its discharged infusion number `initial_count`; both at the plan's location.
    One query: the discharged infusions, up to the period's end, of the plans with one
    discharged in the period."""
    starts, ends = period.bounds
    in_period = TreatmentPlan.objects.filter(
        location=period.location,
        appointments__status=Status.DISCHARGED,
        appointments__starts_at__gte=starts,
        appointments__starts_at__lt=ends,
    )
    given = (
        InfusionAppointment.objects.filter(
            plan__in=in_period, status=Status.DISCHARGED, starts_at__lt=ends
        )
        .order_by("plan_id", "starts_at", "pk")
        .values_list("plan_id", "starts_at", "plan__initial_count")
    )
    by_plan: dict[int, list[datetime]] = defaultdict(list)
    initial_count: dict[int, int] = {}
    for plan_id, starts_at, count in given:
        by_plan[plan_id].append(starts_at)
        initial_count[plan_id] = count
    counts: dict[date, list[int]] = {week: [0, 0] for week in period.weeks}
    for plan_id, infusions in by_plan.items():
        if infusions[0] >= starts:
            counts[period.week_of(period.local_day(infusions[0]))][0] += 1
        nth = initial_count[plan_id] - 1
        if nth < len(infusions) and infusions[nth] >= starts:
            counts[period.week_of(period.local_day(infusions[nth]))][1] += 1
    weeks = [SeriesCount(week, *count) for week, count in counts.items()]
    total = SeriesCount(
        period.first, sum(w.started for w in weeks), sum(w.completed for w in weeks)
    )
    return weeks, total


# Outcome change from baseline ---------------------------------------------------------------

MEASURES = (
    ("phq9_total", "PHQ-9 (depression, 0-27)"),
    ("gad7_total", "GAD-7 (anxiety, 0-21)"),
    ("pain_score", "Pain (0-10)"),
)


@dataclass(frozen=True)
class OutcomeChange:
    """For one measure: the patients with a baseline and a check in the period, their mean
    baseline, mean latest score and mean change (negative: better), and how many improved."""

    measure: str
    label: str
    patients: int
    mean_baseline: float | None
    mean_latest: float | None
    mean_change: float | None
    improved: int

    @property
    def improved_share(self) -> float | None:
        return _share(self.improved, self.patients)

    @property
    def improved_percent(self) -> float | None:
        return _percent(self.improved_share)


@dataclass(frozen=True)
class Outcomes:
    measures: list[OutcomeChange]
    patients_checked: int
    patients_without_baseline: int


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def outcomes(period: Period) -> Outcomes:
    """Per patient with an outcome check before an infusion at the location in the period:
    their latest such check against their baseline, the latest screening they submitted
    before that check. A measure the baseline lacks leaves the patient out of that measure.
    Two queries: the checks, then the screenings of those patients."""
    starts, ends = period.bounds
    latest: dict[int, tuple] = {}
    for row in (
        OutcomeCheck.objects.filter(
            appointment__chair__location=period.location,
            appointment__starts_at__gte=starts,
            appointment__starts_at__lt=ends,
        )
        .order_by("answered_at", "pk")
        .values_list("patient_id", "answered_at", *(m for m, _ in MEASURES))
    ):
        latest[row[0]] = row  # ordered by time, so the last one stays
    baselines: dict[int, tuple] = {}
    for row in (
        Screening.objects.filter(patient_id__in=latest)
        .order_by("submitted_at", "pk")
        .values_list("patient_id", "submitted_at", *(m for m, _ in MEASURES))
    ):
        if row[1] <= latest[row[0]][1]:
            baselines[row[0]] = row
    measures = []
    for n, (measure, label) in enumerate(MEASURES, start=2):
        pairs = [
            (baselines[patient][n], check[n])
            for patient, check in latest.items()
            if patient in baselines and baselines[patient][n] is not None
        ]
        measures.append(
            OutcomeChange(
                measure=measure,
                label=label,
                patients=len(pairs),
                mean_baseline=_mean([b for b, _ in pairs]),
                mean_latest=_mean([c for _, c in pairs]),
                mean_change=_mean([c - b for b, c in pairs]),
                improved=sum(c < b for b, c in pairs),
            )
        )
    return Outcomes(
        measures=measures,
        patients_checked=len(latest),
        patients_without_baseline=len(latest.keys() - baselines.keys()),
    )


# All of them --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reports:
    period: Period
    chair_days: list[ChairUse]
    chair_weeks: list[ChairUse]
    chair_total: ChairUse
    attendance_weeks: list[Attendance]
    attendance_total: Attendance
    series_weeks: list[SeriesCount]
    series_total: SeriesCount
    outcomes: Outcomes


def clinic_reports(*, location: Location, first: date, last: date) -> Reports:
    """Every report for the location from `first` to `last` (local days, both included)."""
    period = Period(location, first, last)
    appointments = _appointments(period)
    chair_days, chair_weeks, chair_total = chair_use(period, appointments)
    attendance_weeks, attendance_total = attendance(period, appointments)
    series_weeks, series_total = series(period)
    return Reports(
        period=period,
        chair_days=chair_days,
        chair_weeks=chair_weeks,
        chair_total=chair_total,
        attendance_weeks=attendance_weeks,
        attendance_total=attendance_total,
        series_weeks=series_weeks,
        series_total=series_total,
        outcomes=outcomes(period),
    )
