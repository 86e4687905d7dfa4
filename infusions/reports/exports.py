"""Each report as a CSV table: aggregates only, never a patient. Rates are percentages with
one decimal; an empty cell is a rate of nothing (no open hours, no appointments)."""

import csv
import io

from .selectors import Reports

# The address of each CSV (staff/reports/<name>.csv) and what it holds.
EXPORTS = {
    "chair-use-by-day": "Chair use per day",
    "chair-use-by-week": "Chair use per week",
    "no-shows-and-late-cancellations": "No-shows and late cancellations per week",
    "series": "Series started and completed per week",
    "outcomes": "Outcome change from baseline",
}


def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}"


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def table(name: str, reports: Reports) -> list[list[str]]:
    """The rows of the named export, its header first; the period's total last."""
    if name in ("chair-use-by-day", "chair-use-by-week"):
        rows = reports.chair_days if name == "chair-use-by-day" else reports.chair_weeks
        first = "day" if name == "chair-use-by-day" else "week_from"
        return [
            [first, "open_chair_minutes", "held_chair_minutes", "chair_use_percent"],
            *[
                [
                    "total" if r is reports.chair_total else r.start.isoformat(),
                    r.open_minutes,
                    r.held_minutes,
                    percent(r.share),
                ]
                for r in [*rows, reports.chair_total]
            ],
        ]
    if name == "no-shows-and-late-cancellations":
        return [
            [
                "week_from",
                "appointments",
                "no_shows",
                "late_cancellations",
                "no_show_percent",
                "late_cancel_percent",
            ],
            *[
                [
                    "total" if r is reports.attendance_total else r.start.isoformat(),
                    r.appointments,
                    r.no_shows,
                    r.late_cancels,
                    percent(r.no_show_rate),
                    percent(r.late_cancel_rate),
                ]
                for r in [*reports.attendance_weeks, reports.attendance_total]
            ],
        ]
    if name == "series":
        return [
            ["week_from", "series_started", "series_completed"],
            *[
                [
                    "total" if r is reports.series_total else r.start.isoformat(),
                    r.started,
                    r.completed,
                ]
                for r in [*reports.series_weeks, reports.series_total]
            ],
        ]
    if name == "outcomes":
        return [
            [
                "measure",
                "patients",
                "mean_baseline",
                "mean_latest",
                "mean_change",
                "improved",
                "improved_percent",
            ],
            *[
                [
                    m.measure,
                    m.patients,
                    number(m.mean_baseline),
                    number(m.mean_latest),
                    number(m.mean_change),
                    m.improved,
                    percent(m.improved_share),
                ]
                for m in reports.outcomes.measures
            ],
        ]
    raise KeyError(name)


def as_csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
