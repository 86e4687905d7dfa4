"""Setting a plan, its progress, and booking a proposal all or none, against the database."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from infusions.booking.services import NotEligible, infusion_book
from infusions.models import InfusionAppointment, TreatmentPlan
from infusions.models.appointments import Status
from infusions.plans.planner import Kind
from infusions.plans.services import (
    PlanLine,
    plan_book_proposal,
    plan_progress,
    plan_proposal,
    plan_set,
)
from tests.infusions.booking import MONDAY, SUNDAY, at, local_day, next_clock_change

pytestmark = pytest.mark.django_db


def lines_of(proposal, chair):
    return [PlanLine(p.kind, chair, p.time.starts_at) for p in proposal]


def book_proposal(plan, chair, front_desk, first_day=None):
    proposal = plan_proposal(plan, first_day or local_day(MONDAY))
    return plan_book_proposal(plan, lines_of(proposal, chair), by=front_desk)


# Setting a plan -----------------------------------------------------------------------------


def test_a_clinician_sets_a_plan_with_the_defaults(cleared, location, clinician, initial_type):
    plan = plan_set(patient=cleared, by=clinician, location=location, initial_type=initial_type)

    assert plan.status == TreatmentPlan.Status.ACTIVE
    assert (plan.initial_count, plan.initial_span_days, plan.min_gap_hours) == (6, 14, 24)
    assert plan.allowed_weekdays == "01234"
    assert plan.total_count == 6
    assert plan.created_by == clinician


def test_a_new_plan_ends_the_old_one_and_takes_over_what_is_still_booked(
    plan, chair, front_desk, clinician, location, initial_type
):
    book_proposal(plan, chair, front_desk)
    given = plan.appointments.first()
    InfusionAppointment.objects.filter(pk=given.pk).update(status=Status.DISCHARGED)

    new = plan_set(
        patient=plan.patient,
        by=clinician,
        location=location,
        initial_type=initial_type,
        initial_count=8,
    )

    plan.refresh_from_db()
    assert plan.status == TreatmentPlan.Status.ENDED
    assert TreatmentPlan.objects.filter(patient=plan.patient, status="active").get() == new
    assert list(plan.appointments.all()) == [given]
    assert new.appointments.count() == 8  # five of the series and three maintenance
    assert plan_progress(new).booked == 8


def test_a_plan_needs_a_cleared_patient(screened, location, clinician, initial_type):
    pending = screened()

    with pytest.raises(NotEligible, match="not cleared the screening yet"):
        plan_set(patient=pending, by=clinician, location=location, initial_type=initial_type)

    assert not TreatmentPlan.objects.exists()


def test_maintenance_needs_its_interval_and_a_window_runs_forward(
    cleared, location, clinician, initial_type, maintenance_type
):
    with pytest.raises(ValidationError) as refusal:
        plan_set(
            patient=cleared,
            by=clinician,
            location=location,
            initial_type=initial_type,
            maintenance_type=maintenance_type,
            preferred_earliest=time(15),
            preferred_latest=time(10),
        )

    assert set(refusal.value.message_dict) == {"maintenance_interval_weeks", "preferred_latest"}
    assert not TreatmentPlan.objects.exists()


def test_the_initial_type_must_be_an_initial_series_type(
    cleared, location, clinician, maintenance_type
):
    with pytest.raises(ValidationError) as refusal:
        plan_set(patient=cleared, by=clinician, location=location, initial_type=maintenance_type)

    assert list(refusal.value.message_dict) == ["initial_type"]


# Proposing and booking ----------------------------------------------------------------------


def test_the_proposal_reads_the_clinic_from_the_database(plan, chair):
    monday = local_day(MONDAY)

    proposal = plan_proposal(plan, monday)

    assert len(proposal) == 9 and all(p.kept for p in proposal)
    days = [p.time.local.date() for p in proposal]
    assert [(d - monday).days for d in days[:6]] == [0, 2, 4, 7, 9, 11]
    assert days[6:] == [days[5] + timedelta(weeks=4 * n) for n in (1, 2, 3)]
    assert {p.time.chair_id for p in proposal} == {chair.pk}


def test_booking_a_proposal_books_every_line_for_the_plan(
    plan, chair, front_desk, maintenance_type
):
    outcome = book_proposal(plan, chair, front_desk)

    assert outcome.ok and len(outcome.booked) == 9
    booked = list(plan.appointments.order_by("starts_at"))
    assert len(booked) == 9
    assert all(a.status == Status.BOOKED and a.booked_by == front_desk for a in booked)
    assert [a.appointment_type for a in booked[6:]] == [maintenance_type] * 3
    assert booked[0].appointment_type == plan.initial_type


def test_one_line_that_cannot_be_kept_books_nothing_and_is_named(
    plan, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    proposal = plan_proposal(plan, monday)
    wednesday = proposal[1].time.local.date()
    # Meanwhile the desk books the patient on Wednesday afternoon, outside the plan.
    infusion_book(
        patient=plan.patient, chair=other_chair, starts_at=at(wednesday, 14), booked_by=front_desk
    )

    outcome = plan_book_proposal(plan, lines_of(proposal, chair), by=front_desk)

    assert not outcome.ok
    assert not plan.appointments.exists()
    assert InfusionAppointment.objects.count() == 1
    [not_kept] = outcome.not_kept
    assert not_kept.index == 1
    assert not_kept.local.date() == wednesday
    assert "already has an infusion that day" in not_kept.message
    # Free times near it, clear of Wednesday and of the proposal's other days.
    others = {p.time.local.date() for n, p in enumerate(proposal) if n != 1}
    assert 1 <= len(not_kept.alternatives) <= 3
    assert all(a.local.date() not in others | {wednesday} for a in not_kept.alternatives)


def test_two_lines_on_one_day_name_the_second(plan, chair, front_desk):
    monday = local_day(MONDAY)
    lines = [
        PlanLine(Kind.INITIAL, chair, at(monday, 9)),
        PlanLine(Kind.INITIAL, chair, at(monday, 14)),
    ]

    outcome = plan_book_proposal(plan, lines, by=front_desk)

    assert [n.index for n in outcome.not_kept] == [1]
    assert not InfusionAppointment.objects.exists()


def test_more_lines_than_the_plan_has_left_are_refused(plan, chair, front_desk):
    book_proposal(plan, chair, front_desk)
    later = local_day(MONDAY) + timedelta(weeks=30)

    with pytest.raises(ValidationError, match="0 initial-series infusions left"):
        plan_book_proposal(plan, [PlanLine(Kind.INITIAL, chair, at(later, 9))], by=front_desk)

    assert plan.appointments.count() == 9


def test_an_ended_plan_books_nothing(plan, chair, front_desk):
    TreatmentPlan.objects.filter(pk=plan.pk).update(status=TreatmentPlan.Status.ENDED)

    with pytest.raises(ValidationError, match="ended"):
        book_proposal(plan, chair, front_desk)

    assert not InfusionAppointment.objects.exists()


def test_what_is_left_is_proposed_after_what_is_held(plan, chair, front_desk):
    outcome = book_proposal(plan, chair, front_desk)
    cancelled = outcome.booked[4]
    InfusionAppointment.objects.filter(pk=cancelled.pk).update(status=Status.CANCELLED)

    proposal = plan_proposal(plan, local_day(MONDAY))

    assert [(p.number, p.kind) for p in proposal] == [(9, Kind.INITIAL)]
    assert proposal[0].kept


def test_progress_counts_given_booked_and_still_to_book(plan, chair, front_desk):
    booked = book_proposal(plan, chair, front_desk).booked
    InfusionAppointment.objects.filter(pk__in=[booked[0].pk, booked[1].pk]).update(
        status=Status.DISCHARGED
    )
    InfusionAppointment.objects.filter(pk=booked[2].pk).update(status=Status.NO_SHOW)
    InfusionAppointment.objects.filter(pk=booked[3].pk).update(status=Status.CANCELLED)
    InfusionAppointment.objects.filter(pk=booked[4].pk).update(status=Status.CHECKED_IN)

    progress = plan_progress(plan)

    assert (progress.done, progress.booked, progress.remaining, progress.total) == (2, 5, 2, 9)


def test_a_proposal_on_the_day_the_clocks_go_forward_is_booked_at_local_time(
    cleared, location, chair, clinician, front_desk, initial_type
):
    day = next_clock_change(forward=True)
    plan = plan_set(
        patient=cleared,
        by=clinician,
        location=location,
        initial_type=initial_type,
        initial_count=1,
        initial_span_days=1,
        allowed_weekdays=str(SUNDAY),
        preferred_earliest=time(10),
    )

    outcome = book_proposal(plan, chair, front_desk, first_day=day)

    [appointment] = outcome.booked
    assert location.local_time(appointment.starts_at).time() == time(10)
    assert appointment.starts_at == at(day, 10)
    assert appointment.starts_at.utcoffset() == timedelta(0)
    assert appointment.starts_at.hour == 14  # EDT, UTC-4
