"""The day board's grid, as pure functions: rows in the location's own time (daylight-saving
days included) and appointments placed on them."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from clinic.locations.hours import Interval
from infusions.board.grid import day_grid, day_rows, week_days

NEW_YORK = ZoneInfo("America/New_York")
# New York's clocks: forward at 2:00 on 2027-03-14 (a Sunday), back at 2:00 on 2027-11-07.
SPRING_FORWARD, FALL_BACK = date(2027, 3, 14), date(2027, 11, 7)
SUNDAY = 6


@dataclass
class Chair:
    pk: int
    name: str = ""


@dataclass
class Held:
    chair_id: int
    starts_at: datetime
    chair_free_at: datetime


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


def labels(rows):
    return [f"{r.local:%H:%M}" for r in rows]


def test_it_makes_a_row_every_quarter_hour_from_opening_to_closing():
    monday = date(2027, 5, 3)

    rows = day_rows(monday, "America/New_York", [Interval(0, time(9), time(10, 30))])

    assert labels(rows) == ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"]
    assert all(r.is_open for r in rows)


def test_it_has_no_rows_on_a_day_the_location_is_closed():
    assert day_rows(date(2027, 5, 1), "America/New_York", [Interval(0, time(9), time(17))]) == []


def test_the_hour_the_clocks_skip_in_spring_is_not_shown():
    hours = [Interval(SUNDAY, time(1), time(4))]

    rows = day_rows(SPRING_FORWARD, "America/New_York", hours)

    assert labels(rows) == ["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30", "03:45"]
    assert rows[4].starts_at - rows[3].starts_at == timedelta(minutes=15)


def test_the_hour_the_clocks_repeat_in_autumn_is_shown_twice():
    hours = [Interval(SUNDAY, time(1), time(2))]

    rows = day_rows(FALL_BACK, "America/New_York", hours)

    assert labels(rows) == ["01:00", "01:15", "01:30", "01:45"] * 2
    assert [r.local.utcoffset() for r in rows[3:5]] == [timedelta(hours=-4), timedelta(hours=-5)]


def test_rows_between_two_opening_spans_are_marked_closed():
    hours = [Interval(0, time(9), time(9, 30)), Interval(0, time(10), time(10, 30))]

    rows = day_rows(date(2027, 5, 3), "America/New_York", hours)

    assert [r.is_open for r in rows] == [True, True, False, False, True, True]


def test_an_appointment_spans_the_rows_its_chair_is_held():
    monday = date(2027, 5, 3)
    rows = day_rows(monday, "America/New_York", [Interval(0, time(9), time(12))])
    chair = Chair(1)
    held = Held(1, at(monday, 9, 30), at(monday, 10, 55))  # 85 minutes

    grid = day_grid(rows, [chair], [held])

    cell = grid.cells[2][0]
    assert (cell.kind, cell.row, cell.rowspan, cell.appointments) == ("booked", 2, 6, [held])
    assert [len(cells) for cells in grid.cells] == [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1]


def test_an_appointment_starting_inside_another_joins_its_cell():
    monday = date(2027, 5, 3)
    rows = day_rows(monday, "America/New_York", [Interval(0, time(9), time(12))])
    first = Held(1, at(monday, 9), at(monday, 10))
    second = Held(1, at(monday, 9, 45), at(monday, 11))

    grid = day_grid(rows, [Chair(1)], [second, first])

    cell = grid.cells[0][0]
    assert (cell.rowspan, cell.appointments) == (8, [first, second])


def test_appointments_outside_the_rows_are_listed_apart():
    monday = date(2027, 5, 3)
    rows = day_rows(monday, "America/New_York", [Interval(0, time(9), time(12))])
    early = Held(1, at(monday, 7), at(monday, 8, 30))
    other_chair = Held(2, at(monday, 9), at(monday, 10))

    grid = day_grid(rows, [Chair(1)], [early, other_chair])

    assert grid.outside == [early, other_chair]
    assert all(cell.kind == "free" for cells in grid.cells for cell in cells)


def test_free_cells_say_whether_they_can_be_booked_and_what_was_cancelled_there():
    monday = date(2027, 5, 3)
    rows = day_rows(monday, "America/New_York", [Interval(0, time(9), time(10))])
    cancelled = Held(1, at(monday, 9, 15), at(monday, 10))

    grid = day_grid(
        rows,
        [Chair(1)],
        [],
        cancelled=[cancelled],
        is_bookable=lambda chair_id, starts_at: starts_at >= at(monday, 9, 30),
        now=at(monday, 9, 10),
    )

    cells = [cells[0] for cells in grid.cells]
    assert [c.bookable for c in cells] == [False, False, True, True]
    assert [c.freed for c in cells] == [None, cancelled, None, None]
    assert [c.is_future for c in cells] == [False, True, True, True]


def test_a_week_runs_from_monday_to_sunday():
    days = week_days(date(2027, 5, 6))  # a Thursday

    assert days[0] == date(2027, 5, 3)
    assert days[-1] == date(2027, 5, 9)
    assert len(days) == 7
