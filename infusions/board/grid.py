"""The day board's grid, as pure functions over plain data: rows every quarter of an hour in
the location's own time, one column per chair, each live appointment in the row it starts
and spanning the rows its chair is held; the week view's days.

Rows are counted in UTC instants and labelled in local time, so a day the clocks change
shows the times people see on the wall (01:45 is followed by 03:00 in spring).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from math import ceil
from typing import Any
from zoneinfo import ZoneInfo

from clinic.locations.hours import Interval, is_open_at

ROW = timedelta(minutes=15)


@dataclass(frozen=True)
class Row:
    starts_at: datetime  # UTC
    local: datetime  # the same instant on the location's clocks
    is_open: bool  # inside the opening hours (a day open 9-12 and 13-17 has a gap)


def day_rows(day: date, zone_name: str, hours: Iterable[Interval]) -> list[Row]:
    """A row every 15 minutes from the day's first opening to its last closing; none on a
    day the location is closed."""
    today = [i for i in hours if i.weekday == day.weekday()]
    if not today:
        return []
    zone = ZoneInfo(zone_name)
    first = _instant(day, min(i.opens for i in today), zone)
    last = _instant(day, max(i.closes for i in today), zone)
    rows, moment = [], first
    while moment < last:
        local = moment.astimezone(zone)
        rows.append(Row(moment, local, is_open_at(today, local)))
        moment += ROW
    return rows


def _instant(day: date, wall: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, wall, tzinfo=zone).astimezone(UTC)


@dataclass
class Booked:
    """A cell holding one live appointment (two, should a chair ever hold two at once)."""

    chair: Any
    row: int
    rowspan: int
    appointments: list[Any]
    kind: str = "booked"


@dataclass
class Free:
    """A free quarter of an hour on a chair."""

    chair: Any
    row: Row
    bookable: bool = False  # an infusion may start here (future, room, a clinician free)
    freed: Any = None  # the cancelled appointment that started here, if any
    is_future: bool = True
    kind: str = "free"


@dataclass
class DayGrid:
    rows: list[Row]
    chairs: list[Any]
    # One list per row: the cells that start in that row, in the chairs' order (a chair whose
    # appointment spans from an earlier row has no cell here: the rowspan covers it).
    cells: list[list[Booked | Free]]
    outside: list[Any] = field(default_factory=list)  # live, but not inside any row

    @property
    def lines(self) -> list[tuple[Row, list[Booked | Free]]]:
        return list(zip(self.rows, self.cells, strict=True))


def _row_index(rows: Sequence[Row], instant: datetime) -> int:
    return int((instant - rows[0].starts_at) // ROW)


def day_grid(
    rows: list[Row],
    chairs: list[Any],
    appointments: Iterable[Any],
    *,
    cancelled: Iterable[Any] = (),
    is_bookable: Callable[[int, datetime], bool] = lambda chair_id, starts_at: False,
    now: datetime | None = None,
) -> DayGrid:
    """Place `appointments` (live ones: each has chair_id, starts_at, chair_free_at) on the
    rows, a column for each of `chairs` (anything with a pk). `cancelled` ones mark the free
    cell where each started; `is_bookable(chair_id, starts_at)` says whether a free cell
    offers a booking.

    1. Each appointment covers the rows from the one it starts in to the one its chair is
       free in; one that starts inside another's rows joins that cell (and stretches it).
    2. Every row and chair no cell covers is a free cell.
    """
    grid = DayGrid(rows, chairs, [[] for _ in rows])
    columns = {chair.pk: chair for chair in chairs}
    by_chair = defaultdict(list)
    for appointment in sorted(appointments, key=lambda a: a.starts_at):
        if not rows or appointment.chair_id not in columns:
            grid.outside.append(appointment)
            continue
        first = max(_row_index(rows, appointment.starts_at), 0)
        last = min(ceil((appointment.chair_free_at - rows[0].starts_at) / ROW), len(rows)) - 1
        if appointment.chair_free_at <= rows[0].starts_at or first >= len(rows):
            grid.outside.append(appointment)
            continue
        cells = by_chair[appointment.chair_id]
        if cells and first < cells[-1].row + cells[-1].rowspan:
            cell = cells[-1]
            cell.appointments.append(appointment)
            cell.rowspan = max(cell.rowspan, last - cell.row + 1)
        else:
            cells.append(
                Booked(columns[appointment.chair_id], first, last - first + 1, [appointment])
            )

    freed_at = {}
    for appointment in cancelled:
        if rows and rows[0].starts_at <= appointment.starts_at <= rows[-1].starts_at:
            key = (appointment.chair_id, _row_index(rows, appointment.starts_at))
            freed_at.setdefault(key, appointment)

    covered = {
        (cell.chair.pk, n): cell
        for cells in by_chair.values()
        for cell in cells
        for n in range(cell.row, cell.row + cell.rowspan)
    }
    for n, row in enumerate(rows):
        for chair in chairs:
            cell = covered.get((chair.pk, n))
            if cell is None:
                grid.cells[n].append(
                    Free(
                        chair,
                        row,
                        bookable=row.is_open and is_bookable(chair.pk, row.starts_at),
                        freed=freed_at.get((chair.pk, n)),
                        is_future=now is None or row.starts_at > now,
                    )
                )
            elif cell.row == n:
                grid.cells[n].append(cell)
    return grid


def week_days(day: date) -> list[date]:
    """The Monday-to-Sunday week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=n) for n in range(7)]
