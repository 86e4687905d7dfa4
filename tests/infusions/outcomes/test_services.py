"""Keeping the answers given before an infusion: totals worked out by the screening's engine,
one check per infusion, and none once it has started or is no longer booked."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infusions.booking.services import infusion_cancel
from infusions.models import InfusionAppointment, InfusionRecord, OutcomeCheck
from infusions.outcomes.services import NOT_ANSWERABLE, outcome_check_open, outcome_check_save
from infusions.statuses.services import appointment_check_in, appointment_set_status

from .conftest import answers

pytestmark = pytest.mark.django_db
Status = InfusionAppointment.Status


def test_it_keeps_the_answers_with_the_totals(booked):
    check = outcome_check_save(booked, answers=answers(phq9=2, gad7=1, pain=6, phq9_9=0))

    check.refresh_from_db()
    assert (check.phq9_total, check.gad7_total, check.pain_score) == (16, 7, 6)
    assert check.patient == booked.patient
    assert check.answers["phq9_1"] == 2 and check.answers["pain_score"] == 6


def test_answering_again_before_the_infusion_replaces_the_answers(booked):
    first = outcome_check_save(booked, answers=answers(phq9=3, gad7=3, pain=9))
    second = outcome_check_save(booked, answers=answers(phq9=0, gad7=1, pain=2))

    assert second.pk == first.pk
    assert OutcomeCheck.objects.filter(appointment=booked).count() == 1
    second.refresh_from_db()
    assert (second.phq9_total, second.gad7_total, second.pain_score) == (0, 7, 2)


@pytest.mark.parametrize("missing", ["phq9_4", "gad7_7", "pain_score"])
def test_it_refuses_answers_with_an_item_missing(booked, missing):
    given = answers()
    del given[missing]

    with pytest.raises(ValidationError):
        outcome_check_save(booked, answers=given)
    assert not OutcomeCheck.objects.exists()


@pytest.mark.parametrize("item", [{"phq9_1": 4}, {"pain_score": 11}, {"gad7_2": "2"}])
def test_it_refuses_an_answer_outside_the_scale(booked, item):
    with pytest.raises(ValidationError):
        outcome_check_save(booked, answers=answers(**item))


def test_it_refuses_a_cancelled_infusion(booked, front_desk):
    infusion_cancel(booked, by=front_desk, reason="The patient called.")

    with pytest.raises(ValidationError, match=NOT_ANSWERABLE):
        outcome_check_save(booked, answers=answers())
    assert not OutcomeCheck.objects.exists()


def test_it_takes_answers_at_check_in_and_refuses_them_once_in_the_chair(
    booked, on_its_day, front_desk, clinician
):
    on_its_day(booked)
    appointment_check_in(
        booked, by=front_desk, id_seen=True, driver_name="Ann Lee", driver_phone="(212) 555-0100"
    )
    booked.refresh_from_db()
    assert outcome_check_save(booked, answers=answers(pain=3)).pain_score == 3

    appointment_set_status(booked, to_status=Status.IN_CHAIR, by=clinician)

    with pytest.raises(ValidationError, match=NOT_ANSWERABLE):
        outcome_check_save(booked, answers=answers(pain=8))
    assert OutcomeCheck.objects.get(appointment=booked).pain_score == 3


def test_it_refuses_a_no_show(booked, on_its_day, front_desk):
    on_its_day(booked)
    appointment_set_status(booked, to_status=Status.NO_SHOW, by=front_desk)

    with pytest.raises(ValidationError, match=NOT_ANSWERABLE):
        outcome_check_save(booked, answers=answers())


def test_a_chart_with_a_start_time_closes_the_questions(booked, clinician):
    assert outcome_check_open(booked)
    InfusionRecord.objects.create(
        appointment=booked, opened_by=clinician, started_at=timezone.now()
    )

    assert not outcome_check_open(booked)
