"""The planner, without a database: a series spread over its span on good days only, the
patient's preferences, their own appointments, the plan's gap and the clocks changing."""

from dataclasses import replace
from datetime import UTC, date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from infusions.booking.rules import slot_problem
from infusions.plans.planner import (
    ALL_TAKEN,
    Kind,
    Minutes,
    alternatives_near,
    propose,
    spread,
)
from tests.infusions.plans.planning import (
    CHAIRS,
    FALL_BACK,
    MONDAY,
    NOW,
    SPRING_FORWARD,
    STANDARD,
    at,
    calendar,
    held,
    shape,
)

SATURDAY, SUNDAY = 5, 6


def days_of(proposal):
    return [p.time.local.date() for p in proposal]


def test_it_spreads_six_infusions_over_two_weeks_of_weekdays():
    proposal = propose(shape(), calendar(), now=NOW, first_day=MONDAY)

    assert [p.number for p in proposal] == [1, 2, 3, 4, 5, 6]
    assert all(p.kept and p.kind == Kind.INITIAL for p in proposal)
    # Monday, Wednesday, Friday, twice: every two or three days.
    assert [(d - MONDAY).days for d in days_of(proposal)] == [0, 2, 4, 7, 9, 11]
    assert all(p.time.local.time() == time(9) for p in proposal)
    assert all(p.time.chair_id == CHAIRS[0] for p in proposal)


def test_each_proposed_time_carries_its_utc_start_and_local_time():
    first = propose(shape(initial_count=1), calendar(), now=NOW, first_day=MONDAY)[0]

    assert first.time.starts_at == at(MONDAY, 9)
    assert first.time.starts_at.tzinfo == UTC
    assert first.time.local.utcoffset() == timedelta(hours=-5)
    assert first.time.local.replace(tzinfo=None).isoformat() == "2027-03-01T09:00:00"


def test_closed_days_and_days_without_a_clinician_are_not_counted_as_used():
    wednesday = MONDAY + timedelta(days=2)
    plan = shape(initial_count=5, span_days=7, allowed_weekdays=frozenset(range(7)))

    proposal = propose(plan, calendar(away={wednesday}), now=NOW, first_day=MONDAY)

    # Closed on Saturday, nobody on duty on Wednesday: the five good days of the week are used.
    assert all(p.kept for p in proposal)
    assert days_of(proposal) == [MONDAY + timedelta(days=n) for n in (0, 1, 3, 4, 6)]


def test_a_series_starting_on_a_closed_day_begins_on_the_next_good_day():
    saturday = MONDAY + timedelta(days=5)

    proposal = propose(shape(initial_count=3, span_days=7), calendar(), now=NOW, first_day=saturday)

    assert days_of(proposal)[0] == MONDAY + timedelta(days=7)
    assert all(p.kept for p in proposal)


def test_infusions_the_span_has_no_good_day_for_go_on_the_next_good_days_not_dropped():
    plan = shape(initial_count=6, span_days=7)  # five weekdays in the week

    proposal = propose(plan, calendar(), now=NOW, first_day=MONDAY)

    assert len(proposal) == 6
    assert all(p.kept for p in proposal)
    assert days_of(proposal)[-1] == MONDAY + timedelta(days=7)


def test_the_patients_preferred_times_are_honoured():
    plan = shape(preferred_earliest=time(13), preferred_latest=time(15))

    proposal = propose(plan, calendar(), now=NOW, first_day=MONDAY)

    assert all(p.time.local.time() == time(13) for p in proposal)


def test_a_taken_preferred_time_gives_way_to_another_inside_the_window():
    # Both chairs taken at 1 PM on the first Monday (another patient's infusions).
    others = [held(100 + n, at(MONDAY, 13), chair_id=c, patient_id=2) for n, c in enumerate(CHAIRS)]
    plan = shape(initial_count=1, preferred_earliest=time(13), preferred_latest=time(15))

    first = propose(plan, calendar(held=others), now=NOW, first_day=MONDAY)[0]

    assert first.time.local.date() == MONDAY
    # 1 PM plus 75 minutes and the chair's 10 of turnover: 2:30 PM is the first free time.
    assert first.time.local.time() == time(14, 30)


def test_the_patients_preferred_weekdays_are_used_when_the_span_has_enough_of_them():
    plan = shape(initial_count=4, preferred_weekdays=frozenset({1, 3}))  # Tuesdays, Thursdays

    proposal = propose(plan, calendar(), now=NOW, first_day=MONDAY)

    assert [d.weekday() for d in days_of(proposal)] == [1, 3, 1, 3]


def test_it_keeps_clear_of_the_patients_existing_booking():
    wednesday = MONDAY + timedelta(days=2)
    booked = held(1, at(wednesday, 10))

    proposal = propose(shape(), calendar(patient_held=[booked]), now=NOW, first_day=MONDAY)

    assert len(proposal) == 6 and all(p.kept for p in proposal)
    assert wednesday not in days_of(proposal)
    assert all(abs(p.time.starts_at - booked.starts_at) >= timedelta(hours=24) for p in proposal)


def test_the_first_infusion_after_a_booking_waits_the_plans_gap():
    tuesday = MONDAY + timedelta(days=1)
    booked = held(1, at(tuesday, 15))
    plan = shape(initial_count=1, span_days=1)
    wednesday = tuesday + timedelta(days=1)

    first = propose(plan, calendar(patient_held=[booked]), now=NOW, first_day=wednesday)[0]

    # 9 AM on Wednesday would be 18 hours after Tuesday's 3 PM start.
    assert first.time.local.time() == time(15)
    assert first.time.starts_at - booked.starts_at == timedelta(hours=24)


def test_the_plans_gap_holds_between_the_proposals_own_infusions():
    plan = shape(min_gap=timedelta(hours=72))

    proposal = propose(plan, calendar(), now=NOW, first_day=MONDAY)

    starts = [p.time.starts_at for p in proposal]
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 6
    assert all(gap >= timedelta(hours=72) for gap in gaps)


def test_times_on_the_day_the_clocks_go_forward_are_local_wall_clock_times():
    plan = shape(initial_count=1, span_days=1, allowed_weekdays=frozenset({SUNDAY}))

    first = propose(plan, calendar(first_day=SPRING_FORWARD), now=NOW, first_day=SPRING_FORWARD)[0]

    # 9 AM in New York is 13:00 UTC from that morning (EDT), not 14:00 as the day before.
    assert first.time.starts_at == at(SPRING_FORWARD, 9)
    assert first.time.starts_at.time() == time(13)
    assert first.time.local.time() == time(9)


def test_times_on_the_day_the_clocks_go_back_are_local_wall_clock_times():
    plan = shape(initial_count=1, span_days=1, allowed_weekdays=frozenset({SUNDAY}))
    plan = replace(plan, preferred_earliest=time(12))

    first = propose(plan, calendar(first_day=FALL_BACK), now=NOW, first_day=FALL_BACK)[0]

    # Noon would end at 1:15 PM, past the Sunday closing: 11:45 AM is the nearest start.
    assert first.time.local.time() == time(11, 45)
    assert first.time.starts_at.time() == time(16, 45)  # EST, UTC-5


def test_a_series_over_the_clock_change_keeps_its_local_time():
    friday = SPRING_FORWARD - timedelta(days=2)
    plan = shape(initial_count=2, span_days=4, preferred_earliest=time(10))

    proposal = propose(plan, calendar(first_day=friday), now=NOW, first_day=friday)

    assert [p.time.local.time() for p in proposal] == [time(10), time(10)]
    assert [p.time.starts_at.time() for p in proposal] == [time(15), time(14)]


def test_maintenance_follows_the_series_every_interval_weeks():
    maintenance = Minutes(infusion=40, recovery=20, turnover=10)
    plan = shape(maintenance_count=3, maintenance_interval_weeks=4, maintenance_minutes=maintenance)

    proposal = propose(plan, calendar(), now=NOW, first_day=MONDAY)

    last_initial = days_of(proposal)[5]
    assert [p.kind for p in proposal[6:]] == [Kind.MAINTENANCE] * 3
    assert days_of(proposal)[6:] == [last_initial + timedelta(weeks=4 * n) for n in (1, 2, 3)]
    assert [p.number for p in proposal[6:]] == [7, 8, 9]


def test_maintenance_beyond_the_booking_horizon_is_marked_not_kept_with_the_reason():
    plan = shape(maintenance_count=3, maintenance_interval_weeks=4, maintenance_minutes=STANDARD)

    proposal = propose(plan, calendar(horizon_days=60), now=NOW, first_day=MONDAY)

    assert all(p.kept for p in proposal[:7])
    late = proposal[8]
    assert not late.kept
    assert late.reason == "Bookings open 60 days ahead; choose an earlier day."
    assert late.alternatives == ()


def test_a_full_day_is_not_kept_and_offers_free_times_near_it():
    # Both chairs taken all day on the Monday; the plan allows Mondays only.
    others = [
        held(1000 * c + h, at(MONDAY, h, 0), chair_id=c, patient_id=2)
        for c in CHAIRS
        for h in (9, 10, 12, 13, 15)
    ] + [held(1000 * c + 99, at(MONDAY, 11, 25), chair_id=c, patient_id=2) for c in CHAIRS]
    plan = shape(initial_count=1, span_days=1, allowed_weekdays=frozenset({0}))

    first = propose(plan, calendar(held=others), now=NOW, first_day=MONDAY)[0]

    assert not first.kept
    assert first.target == MONDAY
    assert first.reason == ALL_TAKEN
    assert [a.local.date() for a in first.alternatives] == [MONDAY + timedelta(days=7)]


def test_alternatives_near_a_day_start_with_that_day():
    found = alternatives_near(
        shape(), calendar(), target=MONDAY, kind=Kind.INITIAL, now=NOW, not_before=MONDAY
    )

    assert [a.local.date() for a in found] == [MONDAY + timedelta(days=n) for n in (0, 1, 2)]


def test_online_proposals_keep_the_minimum_notice():
    now = at(MONDAY, 8)

    first = propose(shape(initial_count=1), calendar(), now=now, first_day=MONDAY, online=True)[0]

    assert first.time.starts_at >= now + timedelta(hours=12)
    assert first.time.local.date() == MONDAY + timedelta(days=1)


def test_every_kept_time_keeps_the_booking_rules_with_the_others():
    booked = held(1, at(MONDAY + timedelta(days=3), 9))
    cal = calendar(patient_held=[booked])
    plan = shape(maintenance_count=2, maintenance_interval_weeks=2, maintenance_minutes=STANDARD)

    proposal = propose(plan, cal, now=NOW, first_day=MONDAY)

    for n, item in enumerate(proposal):
        others = [held(-m, p.time.starts_at) for m, p in enumerate(proposal) if m != n]
        check = calendar(patient_held=[booked, *others])
        slot = STANDARD.slot(item.time.chair_id, item.time.starts_at)
        assert slot_problem(check, slot, now=NOW, online=False, min_gap=plan.min_gap) is None


def test_spread_keeps_the_first_and_last_and_never_repeats_a_day():
    days = [date(2027, 1, 1) + timedelta(days=n) for n in range(10)]

    assert spread(days, 6) == [days[n] for n in (0, 2, 4, 5, 7, 9)]
    assert spread(days, 1) == days[:1]
    assert spread(days[:3], 5) == days[:3]
    for count in range(2, 11):
        assert len(set(spread(days, count))) == count


@settings(max_examples=60)
@given(
    count=st.integers(1, 12),
    span=st.integers(1, 30),
    weekdays=st.sets(st.integers(0, 6), min_size=1),
    gap_hours=st.sampled_from([1, 24, 36, 48, 72]),
    start=st.integers(0, 13),
    busy=st.lists(st.tuples(st.integers(0, 40), st.integers(9, 15), st.sampled_from(CHAIRS))),
)
def test_any_plan_gets_every_infusion_once_each_keeping_the_rules(
    count, span, weekdays, gap_hours, start, busy
):
    first_day = MONDAY + timedelta(days=start)
    others = [
        held(500 + n, at(MONDAY + timedelta(days=d), h), chair_id=c, patient_id=2)
        for n, (d, h, c) in enumerate(busy)
    ]
    plan = shape(
        initial_count=count,
        span_days=span,
        allowed_weekdays=frozenset(weekdays),
        min_gap=timedelta(hours=gap_hours),
    )
    cal = calendar(held=others)

    proposal = propose(plan, cal, now=NOW, first_day=first_day)

    assert [p.number for p in proposal] == list(range(1, count + 1))
    kept = [p for p in proposal if p.kept]
    assert len({p.time.local.date() for p in kept}) == len(kept)
    for item in kept:
        assert item.time.local.weekday() in weekdays
        mine = [held(-n, p.time.starts_at) for n, p in enumerate(kept, 1) if p is not item]
        slot = STANDARD.slot(item.time.chair_id, item.time.starts_at)
        check = calendar(held=others, patient_held=mine)
        assert slot_problem(check, slot, now=NOW, online=False, min_gap=plan.min_gap) is None


def test_online_a_day_that_closes_within_the_notice_is_not_counted_as_used():
    now = at(MONDAY, 10)  # 12 hours' notice: nothing more on Monday
    plan = shape(initial_count=5, span_days=5)

    proposal = propose(plan, calendar(), now=now, first_day=MONDAY, online=True)

    assert all(p.kept for p in proposal)
    assert [(d - MONDAY).days for d in days_of(proposal)] == [1, 2, 3, 4, 7]
