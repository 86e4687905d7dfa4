"""A waitlisted patient's days and times, in the location's wall-clock time."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from infusions.waitlist.preferences import (
    days_label,
    preference_problem,
    times_label,
    weekdays_from,
)

NEW_YORK = ZoneInfo("America/New_York")
MONDAY_10 = datetime(2027, 3, 15, 10, 0, tzinfo=NEW_YORK)


def problem(local_start=MONDAY_10, *, weekdays="", earliest=None, latest=None):
    return preference_problem(
        weekdays=weekdays, earliest=earliest, latest=latest, local_start=local_start
    )


def test_it_suits_someone_who_takes_any_day_and_time():
    assert problem() is None


def test_it_refuses_a_day_the_patient_did_not_pick():
    assert problem(weekdays="24") == "Waiting for Wednesday, Friday only."


def test_it_refuses_a_start_before_the_earliest():
    assert problem(earliest=time(10, 30)) == "Wants to start at 10:30 AM or later."


def test_it_refuses_a_start_after_the_latest_start():
    assert problem(latest=time(9, 45)) == "Wants to start by 9:45 AM."


def test_the_earliest_and_latest_starts_are_included():
    assert problem(weekdays="0", earliest=time(10), latest=time(10)) is None


def test_it_reads_the_wall_clock_on_the_day_the_clocks_go_forward():
    # 2027-03-14: 10:00 in New York is 14:00 UTC that day, 15:00 UTC the day before.
    sunday_10 = datetime(2027, 3, 14, 14, 0, tzinfo=ZoneInfo("UTC")).astimezone(NEW_YORK)

    assert problem(sunday_10, weekdays="6", earliest=time(10), latest=time(10)) is None


@given(
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)),
    start=st.times(),
    picked=st.sets(st.integers(0, 6), min_size=1),
)
def test_a_start_suits_exactly_when_its_day_is_picked_and_it_is_in_the_window(day, start, picked):
    local = datetime.combine(day, start.replace(second=0, microsecond=0), tzinfo=NEW_YORK)
    earliest, latest = time(9), time(14)

    found = problem(local, weekdays=weekdays_from(picked), earliest=earliest, latest=latest)

    suits = day.weekday() in picked and earliest <= local.time() <= latest
    assert (found is None) == suits


def test_the_labels_say_what_was_picked_in_words():
    assert days_label("") == days_label("0123456") == "Any day"
    assert days_label("01234") == "Monday to Friday"
    assert days_label("06") == "Monday, Sunday"
    assert times_label(None, None) == "Any time"
    assert times_label(time(9), time(13, 30)) == "Starting 9:00 AM to 1:30 PM"
    assert times_label(time(14), None) == "Starting 2:00 PM or later"
    assert times_label(None, time(11)) == "Starting by 11:00 AM"
