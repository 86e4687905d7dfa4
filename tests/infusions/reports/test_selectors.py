"""The reports' figures against the fortnight in conftest.py, whose answers are worked out by
hand there and below."""

from datetime import date

import pytest

from infusions.reports.selectors import (
    Period,
    attendance,
    chair_use,
    clinic_reports,
    outcomes,
    series,
)
from tests.infusions.reports.conftest import FIRST, LAST

pytestmark = pytest.mark.django_db

WEEK_1, WEEK_2 = date(2026, 3, 2), date(2026, 3, 9)


@pytest.fixture
def period(fortnight):
    return Period(fortnight.location, FIRST, LAST)


def test_chair_use_per_day_counts_held_minutes_inside_opening_hours_of_local_days(period):
    days, _, _ = chair_use(period)

    # (open chair minutes, held chair minutes): two chairs, 8 hours on weekdays, 4 on Sunday.
    assert [(d.start.day, d.open_minutes, d.held_minutes) for d in days] == [
        # a1 120 + a2 (no-show) 120 + a4 60 of its 120 before closing; a3 was cancelled in
        # advance; a0 started at 22:00 on Sunday, New York time, though Monday in UTC.
        (2, 960, 300),
        (3, 960, 120),  # a5, cancelled late: the chair was held
        (4, 960, 0),
        (5, 960, 0),
        (6, 960, 0),
        (7, 0, 0),  # closed on Saturdays
        (8, 480, 240),  # a6 from 9:00 to 13:00, the clocks changed at 2:00
        (9, 960, 120),  # a7
        (10, 960, 0),  # a8 at 20:00, after closing
    ]
    assert [d.share for d in days] == [0.3125, 0.125, 0, 0, 0, None, 0.5, 0.125, 0]


def test_chair_use_per_week_and_over_the_period_sum_the_days(period):
    _, weeks, total = chair_use(period)

    # 5 weekdays of 960 and a Sunday of 480; then Monday and Tuesday.
    assert [(w.start, w.open_minutes, w.held_minutes) for w in weeks] == [
        (WEEK_1, 5280, 660),
        (WEEK_2, 1920, 120),
    ]
    assert [w.share for w in weeks] == [0.125, 0.0625]
    assert (total.open_minutes, total.held_minutes) == (7200, 780)
    assert total.percent == pytest.approx(10.833, abs=0.001)


def test_no_show_and_late_cancel_rates_leave_out_what_was_cancelled_in_advance(period):
    weeks, total = attendance(period)

    # Week 1: a1, a2 (no-show), a4, a5 (late), a6; a3 cancelled in advance is left out.
    # Week 2: a7, a8 (no-show). a0, a9 and the other location's are outside.
    assert [(w.start, w.appointments, w.no_shows, w.late_cancels) for w in weeks] == [
        (WEEK_1, 5, 1, 1),
        (WEEK_2, 2, 1, 0),
    ]
    assert [(w.no_show_rate, w.late_cancel_rate) for w in weeks] == [(0.2, 0.2), (0.5, 0)]
    assert (total.appointments, total.no_shows, total.late_cancels) == (7, 2, 1)
    assert total.no_show_percent == pytest.approx(28.571, abs=0.001)


def test_series_start_on_the_first_discharged_infusion_and_complete_on_the_last(period):
    weeks, total = series(period)

    # Plan 1 (2 infusions): a1 starts it in week 1, a7 completes it in week 2. Plan 2 (3):
    # started on Feb 23, before the period; a6 is its third, completing it in week 1.
    # Plan 3: a2 was a no-show, a9 after the period.
    assert [(w.start, w.started, w.completed) for w in weeks] == [(WEEK_1, 1, 1), (WEEK_2, 0, 1)]
    assert (total.started, total.completed) == (1, 2)


def test_outcome_change_is_the_latest_check_against_the_screening_before_it(period):
    result = outcomes(period)

    # Latest checks: p1 a7 (12, 9, 6), p2 a6 (14, 12, 4), p3 a2 (10, 5, 2), p4 a5.
    # Baselines: p1 (20, 15, 6), p2 (18, 10, 2), not its screening after the checks; p3 (10,
    # none, 4); p4 has none.
    assert (result.patients_checked, result.patients_without_baseline) == (4, 1)
    phq9, gad7, pain = result.measures
    # PHQ-9: -8, -4, 0.
    assert (phq9.measure, phq9.patients, phq9.improved) == ("phq9_total", 3, 2)
    assert (phq9.mean_baseline, phq9.mean_latest, phq9.mean_change) == (16, 12, -4)
    # GAD-7: -6, +2; p3's screening has no GAD-7 score.
    assert (gad7.patients, gad7.improved) == (2, 1)
    assert (gad7.mean_baseline, gad7.mean_latest, gad7.mean_change) == (12.5, 10.5, -2)
    # Pain: 0, +2, -2.
    assert (pain.patients, pain.improved) == (3, 1)
    assert (pain.mean_baseline, pain.mean_latest, pain.mean_change) == (4, 4, 0)
    assert phq9.improved_share == pytest.approx(2 / 3)


def test_a_period_starting_midweek_counts_its_first_week_from_its_first_day(fortnight):
    period = Period(fortnight.location, date(2026, 3, 4), date(2026, 3, 9))

    _, weeks, _ = chair_use(period)

    # Wednesday to Sunday (3 weekdays and a Sunday), then Monday alone.
    assert [(w.start, w.open_minutes, w.held_minutes) for w in weeks] == [
        (date(2026, 3, 4), 3 * 960 + 480, 240),
        (WEEK_2, 960, 120),
    ]


def test_a_period_with_nothing_in_it_has_no_rates(location):
    reports = clinic_reports(location=location, first=FIRST, last=FIRST)

    assert reports.chair_total.open_minutes == 0  # no chairs at all
    assert reports.chair_total.share is None
    assert reports.attendance_total.no_show_rate is None
    assert (reports.series_total.started, reports.series_total.completed) == (0, 0)
    assert [m.mean_change for m in reports.outcomes.measures] == [None, None, None]


def test_every_report_takes_a_few_queries_whatever_the_period_holds(
    fortnight, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        clinic_reports(location=fortnight.location, first=FIRST, last=date(2027, 3, 1))
