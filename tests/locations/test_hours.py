"""Opening hours are local wall-clock times, so they must hold across daylight-saving changes."""

from datetime import UTC, datetime, time

import pytest

from clinic.locations import hours
from clinic.locations.hours import Interval
from tests.factories import LocationFactory, OpeningHoursFactory


@pytest.fixture
def new_york_clinic(db):
    """Open 9:00 to 17:00 local time, every day of the week."""
    location = LocationFactory(time_zone="America/New_York")
    for weekday in range(7):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    return location


def utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("instant", "local_clock", "is_open"),
    [
        # Saturday 7 March, still on EST (UTC-5).
        ("2026-03-07T13:30", "08:30", False),
        ("2026-03-07T14:30", "09:30", True),
        # Sunday 8 March: clocks go forward at 02:00; EDT (UTC-4) from then on.
        ("2026-03-08T12:30", "08:30", False),
        ("2026-03-08T13:30", "09:30", True),  # the same UTC time as 08:30 the day before
        ("2026-03-08T17:30", "13:30", True),
        ("2026-03-08T20:59", "16:59", True),
        ("2026-03-08T21:00", "17:00", False),
        # Saturday 31 October, still on EDT.
        ("2026-10-31T13:30", "09:30", True),
        # Sunday 1 November: clocks go back at 02:00; EST (UTC-5) from then on.
        ("2026-11-01T13:30", "08:30", False),  # the same UTC time as 09:30 the day before
        ("2026-11-01T14:30", "09:30", True),
        ("2026-11-01T18:30", "13:30", True),
        ("2026-11-01T21:59", "16:59", True),
        ("2026-11-01T22:00", "17:00", False),
    ],
)
def test_a_location_is_open_by_its_own_clock_on_both_sides_of_a_daylight_saving_change(
    new_york_clinic, instant, local_clock, is_open
):
    local = new_york_clinic.local_time(utc(instant))

    assert local.strftime("%H:%M") == local_clock
    assert hours.is_open_at(new_york_clinic.hour_intervals(), local) is is_open


def test_local_time_keeps_the_instant_and_only_changes_the_clock(new_york_clinic):
    instant = utc("2026-11-01T05:30")  # 01:30 EDT, the first of the two 01:30s that night

    local = new_york_clinic.local_time(instant)

    # (Compared as timestamps: Python never calls an ambiguous local time equal to another zone's.)
    assert local.timestamp() == instant.timestamp()
    assert local.strftime("%H:%M %Z") == "01:30 EDT"
    assert new_york_clinic.local_time(utc("2026-11-01T06:30")).strftime("%H:%M %Z") == "01:30 EST"


def test_hours_are_read_on_the_local_weekday_not_the_utc_one():
    # Monday 03:00 UTC is still Sunday evening in Los Angeles.
    sunday_evening = [Interval(weekday=6, opens=time(18), closes=time(21))]
    location = LocationFactory.build(time_zone="America/Los_Angeles")

    local = location.local_time(utc("2026-06-08T03:00"))

    assert local.strftime("%A %H:%M") == "Sunday 20:00"
    assert hours.is_open_at(sunday_evening, local)


def test_opening_time_is_inclusive_and_closing_time_exclusive():
    monday = [Interval(weekday=0, opens=time(9), closes=time(17))]

    assert hours.is_open_at(monday, datetime(2026, 6, 1, 9, 0))  # noqa: DTZ001 - wall clock
    assert not hours.is_open_at(monday, datetime(2026, 6, 1, 17, 0))  # noqa: DTZ001
    assert not hours.is_open_at(monday, datetime(2026, 6, 1, 8, 59, 59))  # noqa: DTZ001


def test_a_split_day_is_closed_over_lunch():
    tuesday = [
        Interval(weekday=1, opens=time(8), closes=time(12)),
        Interval(weekday=1, opens=time(13), closes=time(18)),
    ]

    assert hours.is_open_at(tuesday, datetime(2026, 6, 2, 11, 30))  # noqa: DTZ001
    assert not hours.is_open_at(tuesday, datetime(2026, 6, 2, 12, 30))  # noqa: DTZ001
    assert hours.is_open_at(tuesday, datetime(2026, 6, 2, 13, 30))  # noqa: DTZ001


def test_a_location_with_no_hours_is_never_open():
    assert not hours.is_open_at([], datetime(2026, 6, 2, 12, 0))  # noqa: DTZ001


# The week at a glance --------------------------------------------------------------------


def test_week_schedule_lists_every_day_from_monday_with_its_hours_in_order():
    intervals = [
        Interval(weekday=2, opens=time(14), closes=time(18)),
        Interval(weekday=0, opens=time(9), closes=time(17)),
        Interval(weekday=2, opens=time(8), closes=time(12)),
    ]

    schedule = hours.week_schedule(intervals)

    assert schedule == [
        ("Monday", [Interval(0, time(9), time(17))]),
        ("Tuesday", []),
        ("Wednesday", [Interval(2, time(8), time(12)), Interval(2, time(14), time(18))]),
        ("Thursday", []),
        ("Friday", []),
        ("Saturday", []),
        ("Sunday", []),
    ]


def test_week_schedule_of_a_location_without_hours_is_closed_every_day():
    schedule = hours.week_schedule([])

    assert [day for day, _ in schedule][0] == "Monday"
    assert len(schedule) == 7
    assert all(intervals == [] for _, intervals in schedule)


# Spotting data-entry mistakes ------------------------------------------------------------


def test_overlapping_finds_two_intervals_that_overlap_on_the_same_day():
    morning = Interval(weekday=0, opens=time(9), closes=time(13))
    afternoon = Interval(weekday=0, opens=time(12), closes=time(17))

    assert hours.overlapping([afternoon, morning]) == [(morning, afternoon)]


def test_back_to_back_intervals_do_not_overlap():
    assert (
        hours.overlapping([Interval(0, time(9), time(12)), Interval(0, time(12), time(17))]) == []
    )


def test_the_same_hours_on_different_days_do_not_overlap():
    assert hours.overlapping([Interval(0, time(9), time(17)), Interval(1, time(9), time(17))]) == []


def test_overlapping_reports_every_overlapping_pair_not_just_neighbours():
    all_day = Interval(weekday=0, opens=time(9), closes=time(17))
    early = Interval(weekday=0, opens=time(10), closes=time(11))
    late = Interval(weekday=0, opens=time(14), closes=time(15))

    assert set(hours.overlapping([all_day, early, late])) == {(all_day, early), (all_day, late)}


# One rule for "the whole span is inside the hours" (consultations and infusions both use it).


def test_a_span_must_fit_inside_one_interval():
    tuesday = [
        Interval(weekday=1, opens=time(8), closes=time(12)),
        Interval(weekday=1, opens=time(13), closes=time(18)),
    ]

    assert hours.covers(tuesday, 1, time(10, 30), time(12))  # ends as the morning closes
    assert not hours.covers(tuesday, 1, time(11, 30), time(13, 30))  # across lunch
    assert not hours.covers(tuesday, 2, time(9), time(10))  # a Wednesday


def test_a_span_past_midnight_is_never_inside_the_hours():
    all_day = [Interval(weekday=day, opens=time(0), closes=time(23, 59)) for day in range(7)]

    start = datetime(2026, 6, 2, 23, 30)  # noqa: DTZ001 - wall clock
    end = datetime(2026, 6, 3, 0, 30)  # noqa: DTZ001

    assert not hours.covers_span(all_day, start, end)


def test_a_span_on_the_spring_forward_day_is_judged_in_local_time(new_york_clinic):
    # Sunday 8 March 2026: clocks go from 2:00 to 3:00 in New York. 13:30 UTC is 9:30 EDT;
    # the same instant a day earlier was 8:30 EST, before opening.
    spring = new_york_clinic.local_time(utc("2026-03-08T13:30"))
    winter = new_york_clinic.local_time(utc("2026-03-07T13:30"))
    intervals = new_york_clinic.hour_intervals()

    assert hours.covers_span(intervals, spring, spring.replace(hour=11))
    assert not hours.covers_span(intervals, winter, winter.replace(hour=10))
