"""The trend: the latest screening's totals as the baseline, then the answers given before
each infusion in the order of the infusions, in two queries."""

from datetime import timedelta

import pytest

from infusions.booking.services import infusion_cancel
from infusions.outcomes.selectors import outcome_next_open, outcome_trend
from infusions.outcomes.services import outcome_check_save
from tests.screening.factories import PatientFactory

from .conftest import answers

pytestmark = pytest.mark.django_db


def test_the_baseline_is_the_screening_and_the_points_follow_the_infusions(
    book, cleared, monday, django_assert_num_queries
):
    first, second = book(monday), book(monday + timedelta(days=7))
    # Answered out of order: the series still follows the infusions.
    outcome_check_save(second, answers=answers(phq9=1, gad7=1, pain=3, phq9_9=1))
    outcome_check_save(first, answers=answers(phq9=2, gad7=2, pain=5, phq9_9=0))

    with django_assert_num_queries(2):
        trend = outcome_trend(cleared)

    screening = cleared.screenings.get()
    baseline = trend.baseline
    assert (baseline.phq9, baseline.gad7, baseline.pain) == (16, 14, 7)
    assert baseline.day == first.chair.location.local_time(screening.submitted_at).date()
    assert [(p.number, p.appointment_pk) for p in trend.points] == [(1, first.pk), (2, second.pk)]
    assert [(p.phq9, p.gad7, p.pain) for p in trend.points] == [(16, 14, 5), (9, 7, 3)]
    assert [p.day for p in trend.points] == [monday, monday + timedelta(days=7)]
    assert [p.self_harm_thoughts for p in trend.points] == [False, True]


def test_answers_before_an_infusion_that_was_cancelled_are_not_in_the_series(
    book, cleared, monday, front_desk
):
    first, second = book(monday), book(monday + timedelta(days=7))
    outcome_check_save(first, answers=answers())
    outcome_check_save(second, answers=answers())
    infusion_cancel(first, by=front_desk, reason="The patient called.")

    assert [p.appointment_pk for p in outcome_trend(cleared).points] == [second.pk]


def test_a_patient_never_screened_has_an_empty_trend(db):
    trend = outcome_trend(PatientFactory())

    assert trend.baseline is None and trend.points == [] and trend.is_empty


def test_the_next_open_infusion_is_the_earliest_still_booked(book, cleared, monday, front_desk):
    first, second = book(monday), book(monday + timedelta(days=7))
    assert outcome_next_open(cleared) == first

    infusion_cancel(first, by=front_desk, reason="The patient called.")

    assert outcome_next_open(cleared) == second
