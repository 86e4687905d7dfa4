"""The booking rules over a calendar built by hand: no database, no clock but the one given.

The location is in New York, open 9 to 5 every weekday and 9 to 1 on Sundays; chairs 1 to 3;
infusions of 45 minutes, 30 of recovery and 10 of turnover (75 minutes in the chair for the
patient, 85 for the chair).
"""

from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic.locations.hours import Interval
from infusions.booking.rules import (
    Calendar,
    Held,
    Policy,
    Slot,
    most_at_once,
    slot_problem,
    supervisor_for,
)
from infusions.models import DutyException, DutyShift
from infusions.roster.duty import duty_by_day
from tests.factories import LocationFactory

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = date(2027, 2, 1)
SATURDAY = MONDAY + timedelta(days=5)
NOW = datetime(2027, 1, 25, 12, tzinfo=UTC)  # the Monday a week before
DR_ADA, DR_BO = 101, 102
CHAIRS = [1, 2, 3]
GAP = timedelta(hours=24)
HOURS = [Interval(d, time(9), time(17)) for d in range(5)] + [Interval(6, time(9), time(13))]
_pks = count(1)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK)


def slot(chair, starts_at):
    return Slot.for_minutes(chair, starts_at, infusion=45, recovery=30, turnover=10)


def held(chair, starts_at, *, supervisor=DR_ADA, patient=None):
    s = slot(chair, starts_at)
    return Held(
        next(_pks),
        chair,
        patient or next(_pks),
        supervisor,
        s.starts_at,
        s.ends_at,
        s.chair_free_at,
    )


def policy(**changes):
    settings = {
        "is_open_for_booking": True,
        "time_zone": "America/New_York",
        "infusions_per_clinician": 2,
        "notice": timedelta(hours=12),
        "horizon": timedelta(days=90),
    }
    return Policy(**(settings | changes))


def calendar(*, held=(), patient_held=(), duty=None, days=(MONDAY,), hours=HOURS, **policy_changes):
    """On duty by default: Dr Ada all day on each of `days`."""
    if duty is None:
        duty = {day: {DR_ADA: [(time(9), time(17))]} for day in days}
    return Calendar(
        policy=policy(**policy_changes),
        hours=hours,
        chair_ids=CHAIRS,
        duty=duty,
        held=list(held),
        patient_held=list(patient_held),
    )


def problem(cal, s, *, now=NOW, online=False):
    found = slot_problem(cal, s, now=now, online=online, min_gap=GAP)
    return found.message if found else None


def free_starts(cal, day):
    """Every start on the quarter hour that day, on any chair, that the rules allow."""
    starts = [at(day, 0) + timedelta(minutes=15 * n) for n in range(24 * 4)]
    return [(c, s) for s in starts for c in CHAIRS if problem(cal, slot(c, s)) is None]


# A clinician supervises so many at once -------------------------------------------------


def test_a_clinician_with_two_infusions_running_takes_no_third():
    busy = [held(1, at(MONDAY, 10)), held(2, at(MONDAY, 10, 30))]

    assert problem(calendar(held=busy), slot(3, at(MONDAY, 10, 45))) == (
        "Every clinician on duty is supervising as many infusions as they can at that time."
    )


def test_a_second_clinician_on_duty_takes_the_third():
    busy = [held(1, at(MONDAY, 10)), held(2, at(MONDAY, 10, 30))]
    both = {MONDAY: {DR_ADA: [(time(9), time(17))], DR_BO: [(time(9), time(17))]}}
    cal = calendar(held=busy, duty=both)
    third = slot(3, at(MONDAY, 10, 45))

    assert problem(cal, third) is None
    assert supervisor_for(cal, third) == DR_BO


def test_the_third_may_start_once_the_first_patient_has_left():
    # The first patient leaves at 11:15; the chair's turnover needs no clinician.
    busy = [held(1, at(MONDAY, 10)), held(2, at(MONDAY, 10, 30))]

    assert problem(calendar(held=busy), slot(3, at(MONDAY, 11, 15))) is None


def test_a_location_that_lets_a_clinician_supervise_three_takes_the_third():
    busy = [held(1, at(MONDAY, 10)), held(2, at(MONDAY, 10, 30))]

    cal = calendar(held=busy, infusions_per_clinician=3)

    assert problem(cal, slot(3, at(MONDAY, 10, 45))) is None


def test_the_least_busy_clinician_supervises():
    both = {MONDAY: {DR_ADA: [(time(9), time(17))], DR_BO: [(time(9), time(17))]}}
    cal = calendar(held=[held(1, at(MONDAY, 10), supervisor=DR_ADA)], duty=both)

    assert supervisor_for(cal, slot(2, at(MONDAY, 10, 30))) == DR_BO


def test_a_clinician_must_be_on_duty_for_the_whole_infusion_and_recovery():
    until_eleven = {MONDAY: {DR_ADA: [(time(9), time(11))]}}

    cal = calendar(duty=until_eleven)

    assert problem(cal, slot(1, at(MONDAY, 9, 45))) is None  # leaves at 11:00
    assert problem(cal, slot(1, at(MONDAY, 10))) == (
        "No clinician is on duty to supervise an infusion at that time."
    )


def test_most_at_once_counts_the_peak_not_the_total():
    # Three in the window, never more than two at one moment.
    appointments = [
        held(1, at(MONDAY, 9)),
        held(2, at(MONDAY, 10)),
        held(3, at(MONDAY, 10, 15)),
    ]

    assert most_at_once(appointments, at(MONDAY, 9), at(MONDAY, 12)) == 2


# The chair and its turnover -----------------------------------------------------------


def test_the_turnover_keeps_the_chair_after_the_patient_leaves():
    cal = calendar(held=[held(1, at(MONDAY, 10))])  # leaves 11:15, chair ready 11:25

    assert problem(cal, slot(1, at(MONDAY, 11, 15))) == "That chair is taken at that time."
    assert problem(cal, slot(1, at(MONDAY, 11, 20))) == "That chair is taken at that time."
    assert problem(cal, slot(1, at(MONDAY, 11, 25))) is None
    assert problem(cal, slot(2, at(MONDAY, 11, 15))) is None


def test_a_booking_must_end_its_turnover_before_the_next_one_starts():
    cal = calendar(held=[held(1, at(MONDAY, 11, 25))])

    assert problem(cal, slot(1, at(MONDAY, 10, 5))) == "That chair is taken at that time."
    assert problem(cal, slot(1, at(MONDAY, 10))) is None  # chair ready at 11:25 exactly


def test_moving_an_appointment_does_not_collide_with_itself():
    mine = held(1, at(MONDAY, 10))
    cal = calendar(held=[mine])

    found = slot_problem(
        cal, slot(1, at(MONDAY, 10, 30)), now=NOW, online=False, min_gap=GAP, ignore_pk=mine.pk
    )

    assert found is None


def test_an_inactive_chair_takes_no_booking():
    assert problem(calendar(), slot(9, at(MONDAY, 10))) == "This chair is not taking bookings."


# The duty roster's exceptions (the roster read from the database) ------------------------


@pytest.fixture
def roster(db, clinician):
    """Dr Ada's weekly roster: weekdays 9 to 5 at a location."""
    location = LocationFactory(time_zone="America/New_York")
    for weekday in range(5):
        DutyShift.objects.create(
            location=location, clinician=clinician, weekday=weekday, starts=time(9), ends=time(17)
        )
    return location


def test_a_day_away_offers_no_time_at_all(roster, clinician):
    DutyException.objects.create(location=roster, clinician=clinician, day=MONDAY, note="Away")
    next_monday = MONDAY + timedelta(days=7)

    duty = duty_by_day(roster, [MONDAY, next_monday])
    cal = calendar(duty=duty)

    assert free_starts(cal, MONDAY) == []
    assert problem(cal, slot(1, at(MONDAY, 10))) == (
        "No clinician is on duty to supervise an infusion at that time."
    )
    assert free_starts(cal, next_monday)  # the week after, the roster holds again


def test_an_exception_with_hours_puts_a_clinician_on_duty_on_a_day_off(roster, clinician):
    DutyException.objects.create(
        location=roster, clinician=clinician, day=SATURDAY, starts=time(10), ends=time(14)
    )
    open_on_saturday = [*HOURS, Interval(5, time(9), time(17))]

    cal = calendar(duty=duty_by_day(roster, [SATURDAY]), hours=open_on_saturday)

    assert problem(cal, slot(1, at(SATURDAY, 10))) is None
    assert problem(cal, slot(1, at(SATURDAY, 12, 45))) is None  # leaves at 14:00
    assert problem(cal, slot(1, at(SATURDAY, 9, 30))) == (
        "No clinician is on duty to supervise an infusion at that time."
    )
    assert problem(cal, slot(1, at(SATURDAY, 13))) == (
        "No clinician is on duty to supervise an infusion at that time."
    )


def test_an_exception_with_hours_replaces_the_days_roster(roster, clinician):
    DutyException.objects.create(
        location=roster, clinician=clinician, day=MONDAY, starts=time(13), ends=time(17)
    )

    cal = calendar(duty=duty_by_day(roster, [MONDAY]))

    assert problem(cal, slot(1, at(MONDAY, 10))) == (
        "No clinician is on duty to supervise an infusion at that time."
    )
    assert problem(cal, slot(1, at(MONDAY, 13))) is None


# Notice and horizon ---------------------------------------------------------------------


def test_the_notice_applies_to_a_patient_booking_online_only():
    starts_at = at(MONDAY, 10)
    six_hours_before = starts_at - timedelta(hours=6)
    cal = calendar()

    assert problem(cal, slot(1, starts_at), now=six_hours_before, online=True) == (
        "Online bookings need at least 12 hours' notice; call the clinic for a sooner time."
    )
    assert problem(cal, slot(1, starts_at), now=six_hours_before, online=False) is None
    assert (
        problem(cal, slot(1, starts_at), now=starts_at - timedelta(hours=12), online=True) is None
    )


def test_nobody_books_a_time_that_has_passed():
    starts_at = at(MONDAY, 10)

    assert problem(calendar(), slot(1, starts_at), now=starts_at) == "Choose a time in the future."


def test_bookings_open_only_as_far_ahead_as_the_horizon():
    far_monday = MONDAY + timedelta(weeks=13)
    cal = calendar(days=(MONDAY, far_monday), horizon=timedelta(days=90))

    assert (far_monday - NOW.date()).days > 90
    assert problem(cal, slot(1, at(far_monday, 10))) == (
        "Bookings open 90 days ahead; choose an earlier day."
    )
    assert problem(cal, slot(1, at(MONDAY, 10)), online=True) is None


def test_a_location_not_open_yet_takes_no_booking():
    cal = calendar(is_open_for_booking=False)

    assert problem(cal, slot(1, at(MONDAY, 10))) == "This location is not taking bookings yet."


# Opening hours across the clock changes --------------------------------------------------

SPRING_FORWARD, FALL_BACK = date(2027, 3, 14), date(2027, 11, 7)  # Sundays, open 9 to 1


@pytest.mark.parametrize("day", [SPRING_FORWARD, FALL_BACK], ids=["spring", "fall"])
def test_opening_hours_stay_in_local_time_on_the_day_the_clocks_change(day):
    assert day.weekday() == 6
    assert at(day, 0).utcoffset() != at(day, 12).utcoffset()
    cal = calendar(duty={day: {DR_ADA: [(time(9), time(13))]}}, horizon=timedelta(days=400))

    # 9:00 local is 13:00 UTC in spring (EDT), 14:00 UTC in the fall (EST): open either way.
    assert problem(cal, slot(1, at(day, 9))) is None
    assert problem(cal, slot(1, at(day, 11, 45))) is None  # leaves at 1:00 pm, closing
    assert problem(cal, slot(1, at(day, 8, 45))) == (
        "The location is closed for part of that time; choose another."
    )
    assert problem(cal, slot(1, at(day, 12))) == (
        "The location is closed for part of that time; choose another."
    )


def test_the_same_utc_hour_is_open_on_one_side_of_the_change_and_closed_on_the_other():
    # 13:00 UTC is 8:00 EST the Sunday before spring forward (closed), 9:00 EDT on the day.
    week_before = SPRING_FORWARD - timedelta(days=7)
    cal = calendar(duty={d: {DR_ADA: [(time(9), time(13))]} for d in (week_before, SPRING_FORWARD)})

    before = datetime.combine(week_before, time(13), tzinfo=UTC)
    on_the_day = datetime.combine(SPRING_FORWARD, time(13), tzinfo=UTC)

    assert problem(cal, slot(1, before)) == (
        "The location is closed for part of that time; choose another."
    )
    assert problem(cal, slot(1, on_the_day)) is None


# The patient's own rules ------------------------------------------------------------------


def test_a_patient_has_one_infusion_a_local_day():
    mine = held(1, at(MONDAY, 9), patient=7)

    cal = calendar(patient_held=[mine])

    assert problem(cal, slot(2, at(MONDAY, 15))) == (
        "This patient already has an infusion that day; choose another day."
    )


# Whatever is booked through the rules, no chair and no clinician is overbooked ----------

starts_on_monday = st.builds(
    lambda minutes: at(MONDAY, 9) + timedelta(minutes=5 * minutes), st.integers(0, 8 * 12)
)


@given(st.lists(st.tuples(st.sampled_from(CHAIRS), starts_on_monday), max_size=25))
def test_slots_the_rules_accept_never_overlap_on_a_chair_or_overload_a_clinician(wanted):
    both = {MONDAY: {DR_ADA: [(time(9), time(17))], DR_BO: [(time(9), time(13))]}}
    accepted: list[Held] = []
    for chair, starts_at in wanted:
        cal = calendar(held=accepted, duty=both)
        s = slot(chair, starts_at)
        if problem(cal, s) is None:
            accepted.append(held(chair, starts_at, supervisor=supervisor_for(cal, s)))

    for a in accepted:
        for b in accepted:
            if a is not b and a.chair_id == b.chair_id:
                assert a.chair_free_at <= b.starts_at or b.chair_free_at <= a.starts_at
    for clinician in (DR_ADA, DR_BO):
        theirs = [a for a in accepted if a.supervisor_id == clinician]
        assert most_at_once(theirs, at(MONDAY, 0), at(MONDAY, 23)) <= 2
