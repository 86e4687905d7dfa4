"""The trend of a patient's outcome measures: the screening's baseline and one point per
infusion, read in two queries."""

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from django.utils import timezone

from clinic.lib.timezones import to_local
from screening.selectors import screening_latest_for_patient

from ..models import InfusionAppointment, OutcomeCheck
from ..models.appointments import Status
from .chart import Chart, trend_charts
from .questions import CRISIS_CODE
from .services import ANSWERABLE, outcome_check_open

# Answers given before an infusion that then did not happen are not part of the series.
NOT_GIVEN = (Status.CANCELLED, Status.LATE_CANCELLED, Status.NO_SHOW)


@dataclass(frozen=True)
class Baseline:
    """The screening's totals; a measure left incomplete at screening is None."""

    day: date
    phq9: int | None
    gad7: int | None
    pain: int | None


@dataclass(frozen=True)
class Point:
    """The answers given before one infusion of the series."""

    number: int  # 1 for the first infusion with answers, and so on
    day: date  # the infusion's day at its location
    appointment_pk: int
    phq9: int
    gad7: int
    pain: int
    # PHQ-9 item 9 answered above "not at all": thoughts of being better off dead or of
    # self-harm, which the clinician should ask about before the infusion.
    self_harm_thoughts: bool


@dataclass
class Trend:
    baseline: Baseline | None
    points: list[Point] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.baseline is None and not self.points

    @cached_property
    def charts(self) -> list[Chart]:
        return trend_charts(self.baseline, self.points)


def _day(instant: datetime, zone_name: str | None) -> date:
    return to_local(instant, zone_name).date() if zone_name else timezone.localdate(instant)


def outcome_trend(patient) -> Trend:
    """The baseline from the patient's latest screening and, in the order of the infusions,
    the answers given before each one."""
    checks = list(
        OutcomeCheck.objects.filter(patient=patient)
        .exclude(appointment__status__in=NOT_GIVEN)
        .select_related("appointment__chair__location")
        .order_by("appointment__starts_at", "pk")
    )
    points = [
        Point(
            number=number,
            day=check.appointment.chair.location.local_time(check.appointment.starts_at).date(),
            appointment_pk=check.appointment_id,
            phq9=check.phq9_total,
            gad7=check.gad7_total,
            pain=check.pain_score,
            self_harm_thoughts=bool(check.answers.get(CRISIS_CODE)),
        )
        for number, check in enumerate(checks, start=1)
    ]
    screening = screening_latest_for_patient(patient=patient)
    baseline = None
    if screening is not None:
        # The screening's day where the patient's infusions are, or the clinic's default zone.
        zone = checks[0].appointment.chair.location.time_zone if checks else None
        baseline = Baseline(
            day=_day(screening.submitted_at, zone),
            phq9=screening.phq9_total,
            gad7=screening.gad7_total,
            pain=screening.pain_score,
        )
    return Trend(baseline=baseline, points=points)


def outcome_next_open(patient) -> InfusionAppointment | None:
    """The patient's next infusion that still takes answers, if one is booked."""
    upcoming = (
        InfusionAppointment.objects.filter(
            patient=patient, status__in=ANSWERABLE, ends_at__gt=timezone.now()
        )
        .select_related("chair__location")
        .order_by("starts_at")
        .first()
    )
    return upcoming if upcoming is not None and outcome_check_open(upcoming) else None
