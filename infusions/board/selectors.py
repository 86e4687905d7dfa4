"""Reads for the board: a location's day or week with every appointment, its status story and
the cautions for it, in a fixed number of queries whatever the number of appointments."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404

from clinic.lib.timezones import local_day_bounds
from clinic.locations.models import Chair, Location
from patients.models import Consultation, Patient

from ..booking.calendar import policy_of
from ..booking.rules import Calendar, Held, Slot, slot_problem
from ..booking.services import DEFAULT_MIN_GAP
from ..eligibility import infusion_eligibility_for_patients, standings_of_patients
from ..models import (
    LIVE_STATUSES,
    AppointmentType,
    InfusionAppointment,
    PreparationChecklist,
    StatusChange,
)
from ..models.appointments import Status
from ..record.services import CHARTED
from ..roster.duty import duty_by_day
from ..statuses.flow import NEXT_STEP
from .grid import ROW, DayGrid, Row, day_grid, day_rows, week_days
from .readiness import Caution, cautions_for

# The words on the next-step button.
NEXT_STEP_ACTIONS = {Status.IN_CHAIR: "Into the chair"}


@dataclass
class Entry:
    """One appointment as the board shows it."""

    appointment: InfusionAppointment
    cautions: list[Caution] = field(default_factory=list)
    status_since: datetime | None = None  # when it entered its present status
    last_change: StatusChange | None = None  # the latest move (a move of time counts)

    # What the grid reads.
    @property
    def chair_id(self):
        return self.appointment.chair_id

    @property
    def starts_at(self):
        return self.appointment.starts_at

    @property
    def chair_free_at(self):
        return self.appointment.chair_free_at

    @property
    def patient_name(self) -> str:
        patient = self.appointment.patient
        return patient.legal_name or patient.display_name

    @property
    def goes_by(self) -> str:
        """The name to greet them by, when it is not their legal first name."""
        patient = self.appointment.patient
        if patient.preferred_name and patient.preferred_name != patient.legal_first_name:
            return patient.preferred_name
        return ""

    @property
    def short_name(self) -> str:
        """For the week view's narrow cells: first name and last initial."""
        patient = self.appointment.patient
        if patient.legal_first_name and patient.legal_last_name:
            return f"{patient.legal_first_name} {patient.legal_last_name[0]}."
        return self.patient_name

    @property
    def confirmed_by_patient(self) -> str:
        """What the patient confirmed from their preparation checklist, in a few words."""
        a = self.appointment
        done = [
            words
            for words, field in (
                ("driver", "confirmed_driver_at"),
                ("fasting", "confirmed_fasting_at"),
                ("photo ID", "confirmed_photo_id_at"),
            )
            if getattr(a, field, None)
        ]
        return ", ".join(done) or "nothing yet"

    @property
    def is_charted(self) -> bool:
        """The patient has arrived, so a clinician keeps the infusion's record."""
        return self.appointment.status in CHARTED

    @property
    def next_step(self) -> str | None:
        return NEXT_STEP.get(self.appointment.status)

    @property
    def next_step_action(self) -> str:
        return NEXT_STEP_ACTIONS.get(self.next_step, "")


def board_locations() -> list[Location]:
    """Every location, the open ones first."""
    return list(Location.objects.listed())


def appointment_get_for_staff(*, pk: int) -> InfusionAppointment:
    """Any appointment, for staff who may see the schedule (the view has checked that)."""
    return get_object_or_404(
        InfusionAppointment.objects.select_related(
            "patient__user", "chair__location", "appointment_type", "supervisor"
        ).annotate(**_CONFIRMED),
        pk=pk,
    )


def _appointments(location, first_day: date, last_day: date) -> list[InfusionAppointment]:
    starts, _ = local_day_bounds(first_day, location.time_zone)
    _, ends = local_day_bounds(last_day, location.time_zone)
    return list(
        InfusionAppointment.objects.filter(
            chair__location=location, starts_at__lt=ends, chair_free_at__gt=starts
        )
        .select_related("patient__user", "chair", "appointment_type", "supervisor")
        .annotate(**_CONFIRMED)
        .order_by("starts_at", "chair__name", "pk")
    )


def _confirmed(field: str) -> Subquery:
    """When the patient confirmed `field` on the checklist of the appointment's current time."""
    return Subquery(
        PreparationChecklist.objects.filter(
            appointment=OuterRef("pk"), for_starts_at=OuterRef("starts_at")
        ).values(field)[:1]
    )


# The checklist read with the appointments themselves: no query more for the board.
_CONFIRMED = {
    "confirmed_driver_at": _confirmed("driver_confirmed_at"),
    "confirmed_fasting_at": _confirmed("fasting_confirmed_at"),
    "confirmed_photo_id_at": _confirmed("photo_id_confirmed_at"),
}


def entries_of(
    appointments: list[InfusionAppointment], *, with_history: bool = True
) -> list[Entry]:
    """Each appointment with its cautions (and its status story): a handful of queries for
    any number of appointments."""
    patients = {a.patient_id: a.patient for a in appointments}.values()
    standings = standings_of_patients(patients)
    entries = [Entry(a, cautions_for(a, standings.get(a.patient_id))) for a in appointments]
    if with_history and appointments:
        by_pk = {e.appointment.pk: e for e in entries}
        for change in (
            StatusChange.objects.filter(appointment_id__in=by_pk)
            .select_related("changed_by")
            .order_by("changed_at", "pk")
        ):
            entry = by_pk[change.appointment_id]
            entry.last_change = change
            if change.from_status != change.to_status:
                entry.status_since = change.changed_at
    return entries


def _columns(location, appointments) -> list[Chair]:
    """The active chairs, and an inactive one only while it still holds an appointment."""
    used = {a.chair_id for a in appointments}
    return [
        chair
        for chair in Chair.objects.filter(location=location).order_by("name", "pk")
        if chair.is_active or chair.pk in used
    ]


def _shortest_type() -> AppointmentType | None:
    return min(AppointmentType.objects.active(), key=lambda t: t.chair_minutes, default=None)


@dataclass
class DayBoard:
    location: Location
    day: date
    chairs: list[Chair]
    grid: DayGrid
    entries: list[Entry]
    consultations: list[Consultation]
    not_coming: list[Entry]  # cancelled and no-shows, for the desk to see (and call)
    nobody_on_duty: bool = False
    now_row: Row | None = None  # the row now falls in, on today's board

    @property
    def previous_day(self) -> date:
        return self.day - timedelta(days=1)

    @property
    def next_day(self) -> date:
        return self.day + timedelta(days=1)


def board_day(*, location: Location, day: date, now: datetime, with_booking: bool) -> DayBoard:
    """A location's day: its chairs as columns, a row every 15 minutes of its opening hours,
    every appointment with what to watch for, and its consultations. `with_booking`: work out
    which free cells can take an infusion (for those who may book)."""
    hours = location.hour_intervals()
    appointments = _appointments(location, day, day)
    live = [a for a in appointments if a.status in LIVE_STATUSES]
    gone = [a for a in appointments if a.status not in LIVE_STATUSES]
    entries = entries_of(appointments, with_history=True)
    chairs = _columns(location, live)
    by_pk = {e.appointment.pk: e for e in entries}

    is_bookable = _never
    nobody_on_duty = False
    if with_booking:
        duty = duty_by_day(location, [day])
        nobody_on_duty = not duty.get(day)
        shortest = _shortest_type()
        if shortest is not None and not nobody_on_duty:
            is_bookable = _bookable_rule(location, hours, chairs, duty, live, shortest, now)

    day_start, day_end = local_day_bounds(day, location.time_zone)
    grid = day_grid(
        day_rows(day, location.time_zone, hours),
        chairs,
        [by_pk[a.pk] for a in live],
        cancelled=[a for a in gone if a.status != Status.NO_SHOW],
        is_bookable=is_bookable,
        now=now,
    )
    consultations = list(
        Consultation.objects.booked()
        .filter(location=location, starts_at__lt=day_end, ends_at__gt=day_start)
        .select_related("consultant")
        .order_by("starts_at")
    )
    return DayBoard(
        location=location,
        day=day,
        chairs=chairs,
        grid=grid,
        entries=[by_pk[a.pk] for a in live],
        consultations=consultations,
        not_coming=[by_pk[a.pk] for a in gone],
        nobody_on_duty=nobody_on_duty,
        now_row=next((r for r in grid.rows if r.starts_at <= now < r.starts_at + ROW), None),
    )


def _never(chair_id, starts_at) -> bool:
    return False


def _bookable_rule(location, hours, chairs, duty, live, shortest, now):
    """Whether the shortest kind of infusion could start on a chair at a moment, by the
    booking rules themselves over the day already loaded (the service asks them again)."""
    calendar = Calendar(
        policy=policy_of(location),
        hours=hours,
        chair_ids=[c.pk for c in chairs if c.is_active],
        duty=duty,
        held=[
            Held(
                a.pk,
                a.chair_id,
                a.patient_id,
                a.supervisor_id,
                a.starts_at,
                a.ends_at,
                a.chair_free_at,
            )
            for a in live
        ],
    )

    def is_bookable(chair_id, starts_at) -> bool:
        slot = Slot.for_minutes(
            chair_id,
            starts_at,
            infusion=shortest.infusion_minutes,
            recovery=shortest.recovery_minutes,
            turnover=shortest.turnover_minutes,
        )
        return slot_problem(calendar, slot, now=now, online=False, min_gap=DEFAULT_MIN_GAP) is None

    return is_bookable


@dataclass
class WeekDay:
    day: date
    is_open: bool
    consultations: int = 0
    not_coming: int = 0


@dataclass
class WeekBoard:
    location: Location
    days: list[WeekDay]
    rows: list[tuple[Chair, list[tuple[WeekDay, list[Entry]]]]]  # per chair and day

    @property
    def first_day(self) -> date:
        return self.days[0].day

    @property
    def previous_week(self) -> date:
        return self.first_day - timedelta(days=7)

    @property
    def next_week(self) -> date:
        return self.first_day + timedelta(days=7)


def board_week(*, location: Location, day: date) -> WeekBoard:
    """The Monday-to-Sunday week holding `day`: per chair and day, the live appointments
    (with their cautions); per day, the consultations and who is not coming."""
    days = week_days(day)
    zone = location.time_zone
    open_weekdays = {i.weekday for i in location.hour_intervals()}
    appointments = _appointments(location, days[0], days[-1])
    entries = entries_of(appointments, with_history=False)
    live = [e for e in entries if e.appointment.status in LIVE_STATUSES]
    chairs = _columns(location, [e.appointment for e in live])
    week = {d: WeekDay(d, d.weekday() in open_weekdays) for d in days}
    cells: dict[tuple[int, date], list[Entry]] = defaultdict(list)
    for entry in entries:
        local_day = location.local_time(entry.starts_at).date()
        if local_day not in week:
            continue
        if entry.appointment.status in LIVE_STATUSES:
            cells[(entry.chair_id, local_day)].append(entry)
        else:
            week[local_day].not_coming += 1
    starts, _ = local_day_bounds(days[0], zone)
    _, ends = local_day_bounds(days[-1], zone)
    for starts_at in (
        Consultation.objects.booked()
        .filter(location=location, starts_at__gte=starts, starts_at__lt=ends)
        .values_list("starts_at", flat=True)
    ):
        week[location.local_time(starts_at).date()].consultations += 1
    rows = [(chair, [(week[d], cells[(chair.pk, d)]) for d in days]) for chair in chairs]
    return WeekBoard(location=location, days=list(week.values()), rows=rows)


def cleared_patient_ids() -> list[int]:
    """The patients the gate allows to be booked now (a few queries for all of them)."""
    patients = Patient.objects.filter(intake_completed_at__isnull=False)
    eligibility = infusion_eligibility_for_patients(patients)
    return [pk for pk, e in eligibility.items() if e.allowed]
