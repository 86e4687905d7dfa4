"""Bar charts drawn on the server: the geometry is worked out here, in SVG user units, and
`templates/infusions/reports/_chart.html` only draws it. No script, nothing from elsewhere;
the table beside each chart holds the same figures for a screen reader and for copying."""

import math
from dataclasses import dataclass

# SVG user units: room for the value axis on the left and the category labels below.
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 44
PLOT_HEIGHT = 200
GROUP_WIDTH = {1: 56, 2: 64, 3: 80}
MAX_PLOT_WIDTH = 960
LABEL_EVERY_UNITS = 52  # at least this far apart, or labels overlap
LEGEND_WIDTH = 200


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str  # shown as the bar's tooltip


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Legend:
    x: float
    name: str
    series: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: float
    height: float
    plot_left: float
    plot_right: float
    zero_y: float
    bars: list[Bar]
    ticks: list[Tick]
    labels: list[Label]
    legend: list[Legend]
    label_y: float
    legend_y: float


def _nice_step(span: float, most: int = 5) -> float:
    """The smallest of 1, 2, 5 times a power of ten that splits `span` in at most `most`."""
    if span <= 0:
        return 1
    power = 10 ** math.floor(math.log10(span / most))
    return next(power * m for m in (1, 2, 5, 10) if span / (power * m) <= most)


def _format(value: float, unit: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{'-' if text.startswith('-') else ''}{text.lstrip('-')}{unit}"


def bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    unit: str = "",
    top: float | None = None,
    whole: bool = False,
) -> BarChart:
    """Bars for each category, one per series, from zero (below it for a negative value).

    1. The value axis runs from the lowest value or zero to the highest or zero (`top` at
       least), rounded out to a tick step of 1, 2 or 5 times a power of ten.
    2. Each category gets a group as wide as its series need, narrower when there are many
       categories, so the chart never grows past MAX_PLOT_WIDTH; only some groups are
       labelled then.
    3. A missing value (None) draws no bar. `whole`: counts, so ticks a whole number apart.
    """
    values = [v for _, vs in series for v in vs if v is not None]
    low, high = min([0, *values]), max([0, *values, top or 0])
    step = max(_nice_step(high - low), 1) if whole else _nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if high == low:
        high = low + step

    def y_of(value: float) -> float:
        return TOP + (high - value) / (high - low) * PLOT_HEIGHT

    n = max(len(categories), 1)
    group = min(GROUP_WIDTH.get(len(series), 96), MAX_PLOT_WIDTH / n)
    gap = group * 0.2
    bar_width = (group - gap) / max(len(series), 1)
    plot_width = group * n
    bars = []
    for s, (name, series_values) in enumerate(series):
        for c, value in enumerate(series_values):
            if value is None:
                continue
            y0, y1 = y_of(max(value, 0)), y_of(min(value, 0))
            bars.append(
                Bar(
                    x=round(LEFT + c * group + gap / 2 + s * bar_width, 2),
                    y=round(y0, 2),
                    width=round(bar_width, 2),
                    height=round(y1 - y0, 2),
                    series=s,
                    title=f"{categories[c]}, {name}: {_format(value, unit)}",
                )
            )
    ticks = []
    for k in range(round((high - low) / step) + 1):
        value = low + k * step
        ticks.append(Tick(y=round(y_of(value), 2), label=_format(value, unit)))
    every = max(1, math.ceil(LABEL_EVERY_UNITS / group))
    labels = [
        Label(x=round(LEFT + c * group + group / 2, 2), text=text)
        for c, text in enumerate(categories)
        if c % every == 0
    ]
    legend = [
        Legend(x=LEFT + s * LEGEND_WIDTH, name=name, series=s) for s, (name, _) in enumerate(series)
    ]
    return BarChart(
        id=id,
        title=title,
        description=description,
        width=max(LEFT + plot_width + RIGHT, LEFT + LEGEND_WIDTH * len(series)),
        height=TOP + PLOT_HEIGHT + BOTTOM + (24 if len(series) > 1 else 0),
        plot_left=LEFT,
        plot_right=LEFT + plot_width,
        zero_y=round(y_of(0), 2),
        bars=bars,
        ticks=ticks,
        labels=labels,
        legend=legend if len(series) > 1 else [],
        label_y=TOP + PLOT_HEIGHT + 18,
        legend_y=TOP + PLOT_HEIGHT + BOTTOM + 4,
    )


def _pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _day(day) -> str:
    return f"{day:%b} {day.day}"


def report_charts(reports) -> dict[str, BarChart]:
    """The chart of each report, by the name the page gives it."""
    location = reports.period.location.name
    return {
        "chair_days": bar_chart(
            id="chart-chair-days",
            title=f"Chair use per day at {location}",
            description="Share of open chair minutes held by appointments, each day.",
            categories=[_day(d.start) for d in reports.chair_days],
            series=[("Chair use", [_pct(d.share) for d in reports.chair_days])],
            unit="%",
            top=100,
        ),
        "chair_weeks": bar_chart(
            id="chart-chair-weeks",
            title=f"Chair use per week at {location}",
            description="Share of open chair minutes held by appointments, each week.",
            categories=[_day(w.start) for w in reports.chair_weeks],
            series=[("Chair use", [_pct(w.share) for w in reports.chair_weeks])],
            unit="%",
            top=100,
        ),
        "attendance": bar_chart(
            id="chart-attendance",
            title=f"No-shows and late cancellations per week at {location}",
            description="Share of the week's appointments, not cancelled in advance, that "
            "were no-shows and that were cancelled late.",
            categories=[_day(w.start) for w in reports.attendance_weeks],
            series=[
                ("No-shows", [_pct(w.no_show_rate) for w in reports.attendance_weeks]),
                (
                    "Late cancellations",
                    [_pct(w.late_cancel_rate) for w in reports.attendance_weeks],
                ),
            ],
            unit="%",
        ),
        "series": bar_chart(
            id="chart-series",
            title=f"Series started and completed per week at {location}",
            description="Treatment plans whose initial series started and was completed, "
            "each week.",
            categories=[_day(w.start) for w in reports.series_weeks],
            series=[
                ("Started", [w.started for w in reports.series_weeks]),
                ("Completed", [w.completed for w in reports.series_weeks]),
            ],
            whole=True,
        ),
        "outcomes": bar_chart(
            id="chart-outcomes",
            title=f"Mean change from baseline at {location}",
            description="Mean of each patient's latest score minus their screening score; "
            "below zero is better.",
            categories=[m.label.split(" (")[0] for m in reports.outcomes.measures],
            series=[
                (
                    "Mean change",
                    [
                        None if m.mean_change is None else round(m.mean_change, 1)
                        for m in reports.outcomes.measures
                    ],
                )
            ],
        ),
    }
