"""Treatment plans: a clinician sets one, the planner proposes its times, the desk (or the
patient) books a whole proposal at once, all or none."""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from clinic.locations.models import Chair
from patients.models import Patient

from ..booking.calendar import calendar_load
from ..booking.rules import Held
from ..booking.services import NotEligible, infusion_book
from ..eligibility import infusion_eligibility
from ..models import (
    LIVE_STATUSES,
    OPEN_STATUSES,
    AppointmentType,
    InfusionAppointment,
    TreatmentPlan,
)
from ..models.appointments import Status
from ..reminders.services import reminders_confirm_together
from .planner import (
    ALTERNATIVE_DAYS,
    Kind,
    Minutes,
    PlanShape,
    Proposed,
    Time,
    alternatives_near,
    last_day_needed,
    propose,
)

Active = TreatmentPlan.Status.ACTIVE


@dataclass(frozen=True)
class Progress:
    done: int  # discharged
    booked: int  # booked and not yet over: booked, checked in, in the chair, recovering
    remaining: int  # still to book
    total: int


@dataclass(frozen=True)
class PlanLine:
    """One infusion of a proposal to book, as the desk (or the patient) confirmed it."""

    kind: Kind
    chair: Chair
    starts_at: datetime  # UTC


@dataclass(frozen=True)
class NotKept:
    """A line that could not be booked: which, why, and other free times near its day."""

    index: int  # its place in the lines given
    line: PlanLine
    local: datetime
    message: str
    alternatives: tuple[Time, ...]


@dataclass(frozen=True)
class BookingOutcome:
    booked: list
    not_kept: list[NotKept]

    @property
    def ok(self) -> bool:
        return not self.not_kept


def _minutes(appointment_type: AppointmentType | None) -> Minutes | None:
    if appointment_type is None:
        return None
    return Minutes(
        appointment_type.infusion_minutes,
        appointment_type.recovery_minutes,
        appointment_type.turnover_minutes,
    )


def _weekdays(digits: str) -> frozenset[int]:
    return frozenset(int(d) for d in digits)


@transaction.atomic
def plan_set(
    *,
    patient: Patient,
    by,
    location,
    initial_type: AppointmentType,
    initial_count: int = 6,
    initial_span_days: int = 14,
    allowed_weekdays: str = "01234",
    maintenance_type: AppointmentType | None = None,
    maintenance_interval_weeks: int | None = None,
    maintenance_count: int = 0,
    min_gap_hours: int = 24,
    preferred_weekdays: str = "",
    preferred_earliest: time | None = None,
    preferred_latest: time | None = None,
    dose_min_mg_per_kg: Decimal = Decimal("0.50"),
    dose_max_mg_per_kg: Decimal = Decimal("1.00"),
) -> TreatmentPlan:
    """Set a cleared patient's plan. Their active plan, if any, ends in the same transaction,
    and what is still booked under it moves to the new plan (what was given stays with the
    old one)."""
    # Two clinicians saving at once: the second waits here and then ends the first's plan.
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    eligibility = infusion_eligibility(patient=patient)
    if not eligibility.allowed:
        raise NotEligible(
            "This patient cannot have a treatment plan yet: " + " ".join(eligibility.missing)
        )
    errors = {}
    if not location.is_open_for_booking:
        errors["location"] = "This location is not taking bookings; choose another."
    if initial_type.kind != AppointmentType.Kind.INITIAL or not initial_type.is_active:
        errors["initial_type"] = "Choose an initial-series infusion type in use."
    if maintenance_type is not None:
        if maintenance_type.kind != AppointmentType.Kind.MAINTENANCE or not (
            maintenance_type.is_active
        ):
            errors["maintenance_type"] = "Choose a maintenance infusion type in use."
        if not maintenance_interval_weeks:
            errors["maintenance_interval_weeks"] = (
                "Say how many weeks apart the maintenance infusions are."
            )
    elif maintenance_interval_weeks or maintenance_count:
        errors["maintenance_type"] = (
            "Choose the maintenance infusion type, or leave the weeks and the number empty."
        )
    if preferred_earliest and preferred_latest and preferred_latest < preferred_earliest:
        errors["preferred_latest"] = "The latest start must be after the earliest."
    if dose_max_mg_per_kg < dose_min_mg_per_kg:
        errors["dose_max_mg_per_kg"] = "The highest dose must be at least the lowest."
    if errors:
        raise ValidationError(errors)
    plan = TreatmentPlan(
        patient=patient,
        location=location,
        initial_type=initial_type,
        initial_count=initial_count,
        initial_span_days=initial_span_days,
        allowed_weekdays="".join(sorted(set(allowed_weekdays))),
        maintenance_type=maintenance_type,
        maintenance_interval_weeks=maintenance_interval_weeks if maintenance_type else None,
        maintenance_count=maintenance_count if maintenance_type else 0,
        min_gap_hours=min_gap_hours,
        preferred_weekdays="".join(sorted(set(preferred_weekdays))),
        preferred_earliest=preferred_earliest,
        preferred_latest=preferred_latest,
        dose_min_mg_per_kg=dose_min_mg_per_kg,
        dose_max_mg_per_kg=dose_max_mg_per_kg,
        created_by=by,
    )
    plan.full_clean(exclude=["patient", "created_by"], validate_constraints=False)
    previous = list(TreatmentPlan.objects.filter(patient=patient, status=Active))
    TreatmentPlan.objects.filter(pk__in=[p.pk for p in previous]).update(
        status=TreatmentPlan.Status.ENDED, updated_at=timezone.now()
    )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise ValidationError(
            "Another plan was set for this patient a moment ago; open the plan again."
        ) from None
    if previous:
        InfusionAppointment.objects.filter(plan__in=previous, status__in=OPEN_STATUSES).update(
            plan=plan
        )
    return plan


def plan_progress(plan) -> Progress:
    """How far the plan has come: given, booked ahead, and still to book."""
    counts = plan.appointments.aggregate(
        done=Count("pk", filter=Q(status=Status.DISCHARGED)),
        booked=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
    )
    total = plan.total_count
    return Progress(
        done=counts["done"],
        booked=counts["booked"],
        remaining=max(0, total - counts["done"] - counts["booked"]),
        total=total,
    )


def _held_by_kind(plan) -> tuple[Counter, date | None]:
    """The plan's live appointments counted by kind, and the local day of the last one."""
    live = list(
        plan.appointments.filter(status__in=LIVE_STATUSES)
        .select_related("appointment_type")
        .order_by("starts_at")
    )
    initial = AppointmentType.Kind.INITIAL
    counts = Counter(
        Kind.INITIAL if a.appointment_type.kind == initial else Kind.MAINTENANCE for a in live
    )
    last = plan.location.local_time(live[-1].starts_at).date() if live else None
    return counts, last


def plan_left(plan) -> dict[Kind, int]:
    """How many of each kind are still to book (cancelled ones and no-shows count as left)."""
    held, _ = _held_by_kind(plan)
    maintenance = plan.maintenance_count if plan.maintenance_type_id else 0
    return {
        Kind.INITIAL: max(0, plan.initial_count - held[Kind.INITIAL]),
        Kind.MAINTENANCE: max(0, maintenance - held[Kind.MAINTENANCE]),
    }


def plan_shape(plan) -> PlanShape:
    """What the planner reads of the plan: what is left of it and the patient's preferences."""
    held, last_day = _held_by_kind(plan)
    initial_left = max(0, plan.initial_count - held[Kind.INITIAL])
    maintenance = plan.maintenance_count if plan.maintenance_type_id else 0
    return PlanShape(
        initial_count=initial_left,
        span_days=plan.initial_span_days,
        allowed_weekdays=_weekdays(plan.allowed_weekdays),
        initial_minutes=_minutes(plan.initial_type),
        min_gap=timedelta(hours=plan.min_gap_hours),
        maintenance_count=max(0, maintenance - held[Kind.MAINTENANCE]),
        maintenance_interval_weeks=plan.maintenance_interval_weeks,
        maintenance_minutes=_minutes(plan.maintenance_type),
        preferred_weekdays=_weekdays(plan.preferred_weekdays),
        preferred_earliest=plan.preferred_earliest,
        preferred_latest=plan.preferred_latest,
        maintenance_after=last_day if initial_left == 0 else None,
        first_number=held.total() + 1,
    )


def plan_proposal(plan, first_day: date, *, online: bool = False, now=None) -> list[Proposed]:
    """Times for what is left of the plan from `first_day` on, keeping every booking rule
    (`online`: the patient books them, so the minimum notice applies). Nothing is booked."""
    shape = plan_shape(plan)
    cal = calendar_load(
        plan.location, first_day, last_day_needed(shape, first_day), patient=plan.patient
    )
    return propose(shape, cal, now=now or timezone.now(), first_day=first_day, online=online)


def plan_book_proposal(plan, lines: list[PlanLine], *, by, online: bool = False) -> BookingOutcome:
    """Book every line for the plan's patient, or none: when one cannot be booked, nothing is,
    and the outcome names each line that could not be kept, why, and other free times near
    it. Refuses with a ValidationError (NotEligible when the gate does) before booking
    anything if the plan has ended or the lines are more than the plan has left."""
    booked, failed = [], []
    with transaction.atomic():
        # Two people booking the same plan at once: the second waits, then finds it booked.
        plan = TreatmentPlan.objects.select_for_update().get(pk=plan.pk)
        _refuse_unbookable(plan, lines)
        types = {Kind.INITIAL: plan.initial_type, Kind.MAINTENANCE: plan.maintenance_type}
        for index, line in enumerate(lines):
            if line.chair.location_id != plan.location_id:
                failed.append((index, line, "Choose a chair at the plan's location."))
                continue
            try:
                # A savepoint each, so every line is tried and each failure named.
                with transaction.atomic():
                    booked.append(
                        infusion_book(
                            patient=plan.patient,
                            chair=line.chair,
                            starts_at=line.starts_at,
                            booked_by=by,
                            appointment_type=types[line.kind],
                            plan=plan,
                            online=online,
                        )
                    )
            except NotEligible:
                raise
            except ValidationError as error:
                failed.append((index, line, " ".join(error.messages)))
        if failed:
            transaction.set_rollback(True)
        else:
            reminders_confirm_together(booked)
    if not failed:
        return BookingOutcome(booked=booked, not_kept=[])
    return BookingOutcome(
        booked=[], not_kept=_with_alternatives(plan, lines, failed, online=online)
    )


def _refuse_unbookable(plan, lines: list[PlanLine]) -> None:
    if plan.status != Active:
        raise ValidationError("This plan has ended; open the patient's current plan.")
    left = plan_left(plan)
    asked = Counter(line.kind for line in lines)
    if not lines:
        raise ValidationError("Choose at least one infusion to book.")
    for kind, count in asked.items():
        if count > left[kind]:
            what = "initial-series" if kind == Kind.INITIAL else "maintenance"
            raise ValidationError(
                f"This plan has {left[kind]} {what} infusions left to book, not {count}; "
                "open the proposal again."
            )


def _with_alternatives(plan, lines, failed, *, online) -> list[NotKept]:
    """Each failed line with up to three free times near its day, clear of the other lines."""
    location = plan.location
    days = [location.local_time(line.starts_at).date() for _, line, _ in failed]
    today = location.local_time().date()
    reach = timedelta(days=ALTERNATIVE_DAYS)
    cal = calendar_load(location, min(days) - reach, max(days) + reach, patient=plan.patient)
    shape = plan_shape(plan)
    failed_indexes = {index for index, _, _ in failed}
    types = {Kind.INITIAL: plan.initial_type, Kind.MAINTENANCE: plan.maintenance_type}
    others = [
        _as_held(-n, line, _minutes(types[line.kind]))
        for n, line in enumerate(lines, 1)
        if n - 1 not in failed_indexes
    ]
    cal = replace(cal, patient_held=[*cal.patient_held, *others])
    now = timezone.now()
    return [
        NotKept(
            index=index,
            line=line,
            local=location.local_time(line.starts_at),
            message=message,
            alternatives=alternatives_near(
                shape, cal, target=day, kind=line.kind, now=now, online=online, not_before=today
            ),
        )
        for (index, line, message), day in zip(failed, days, strict=True)
    ]


def _as_held(pk: int, line: PlanLine, minutes: Minutes) -> Held:
    slot = minutes.slot(line.chair.pk, line.starts_at)
    return Held(pk, slot.chair_id, 0, None, slot.starts_at, slot.ends_at, slot.chair_free_at)
