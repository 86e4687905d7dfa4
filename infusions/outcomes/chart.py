"""The trend drawn as small line charts, one per measure: geometry worked out here, in plain
Python, so the page draws an inline SVG with no script and no CDN, and prints as it shows.

1. Each measure has its own scale (PHQ-9 0-27, GAD-7 0-21, pain 0-10), so each gets a chart.
2. The points are spread evenly across the plot, first infusion on the left; one point sits in
   the middle.
3. A value maps to y linearly, 0 at the bottom of the plot and the scale's top at its top.
4. The screening's baseline is a dashed horizontal line across the plot, labelled.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# The drawing's size in SVG units, and the room left around the plot for the labels.
WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30


@dataclass(frozen=True)
class Measure:
    key: str  # the attribute of a baseline and of a point
    name: str
    top: int
    ticks: tuple[int, ...]  # the severity bands' floors, where the scale has them


PHQ9 = Measure("phq9", "PHQ-9 (depression)", 27, (0, 5, 10, 15, 20, 27))
GAD7 = Measure("gad7", "GAD-7 (anxiety)", 21, (0, 5, 10, 15, 21))
PAIN = Measure("pain", "Pain (0-10)", 10, (0, 5, 10))
MEASURES = (PHQ9, GAD7, PAIN)


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: int
    label: str  # what the x axis says under it, e.g. "1"
    label_y: float  # where that label's baseline sits, under the plot


@dataclass(frozen=True)
class Tick:
    y: float
    value: int
    text_y: float  # the label's baseline, so that it reads centred on the grid line


@dataclass(frozen=True)
class Chart:
    measure: Measure
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    dots: tuple[Dot, ...]
    path: str  # the line through the dots, as an SVG path's "d"; empty with no dots
    ticks: tuple[Tick, ...]
    baseline_value: int | None
    baseline_y: float | None
    description: str  # the same figures in words, for the SVG's <desc>

    @property
    def slug(self) -> str:
        return self.measure.key

    @property
    def middle_x(self) -> float:
        return _round((self.left + self.right) / 2)

    @property
    def tick_text_x(self) -> float:
        return self.left - 6

    @property
    def axis_title_y(self) -> float:
        return self.height - 2

    @property
    def baseline_text_y(self) -> float | None:
        """Just above the dashed line, or just under it when the line is at the very top."""
        if self.baseline_y is None:
            return None
        return self.baseline_y - 4 if self.baseline_y - 12 >= 0 else self.baseline_y + 12


def _round(value: float) -> float:
    return round(value, 1)


def scale_y(value: float, top_value: int, *, top: float, bottom: float) -> float:
    """0 at the bottom of the plot, `top_value` at its top."""
    return _round(bottom - (bottom - top) * value / top_value)


def spread_x(count: int, *, left: float, right: float) -> list[float]:
    """`count` positions evenly from left to right; a single one in the middle."""
    if count == 1:
        return [_round((left + right) / 2)]
    step = (right - left) / (count - 1) if count else 0
    return [_round(left + step * i) for i in range(count)]


def _describe(measure: Measure, values: Sequence[int], baseline: int | None) -> str:
    words = [f"{measure.name}, 0 to {measure.top}; lower is better."]
    words.append(
        f"At screening: {baseline}." if baseline is not None else "No baseline from screening."
    )
    if values:
        listed = ", ".join(str(v) for v in values)
        words.append(f"Before each infusion, in order: {listed}.")
    else:
        words.append("No answers before an infusion yet.")
    return " ".join(words)


def line_chart(
    measure: Measure,
    values: Sequence[int],
    baseline: int | None,
    *,
    labels: Sequence[str] | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """One measure's chart: a dot per value, the line through them, the baseline."""
    left, right, top, bottom = LEFT, width - RIGHT, TOP, height - BOTTOM
    labels = list(labels) if labels is not None else [str(n) for n in range(1, len(values) + 1)]
    xs = spread_x(len(values), left=left, right=right)
    dots = tuple(
        Dot(x, scale_y(v, measure.top, top=top, bottom=bottom), v, label, bottom + 14)
        for x, v, label in zip(xs, values, labels, strict=True)
    )
    path = " ".join(f"{'M' if i == 0 else 'L'} {d.x:g} {d.y:g}" for i, d in enumerate(dots))
    return Chart(
        measure=measure,
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        dots=dots,
        path=path,
        ticks=tuple(
            Tick(y, t, y + 3.5)
            for t in measure.ticks
            for y in [scale_y(t, measure.top, top=top, bottom=bottom)]
        ),
        baseline_value=baseline,
        baseline_y=None
        if baseline is None
        else scale_y(baseline, measure.top, top=top, bottom=bottom),
        description=_describe(measure, values, baseline),
    )


def trend_charts(baseline, points) -> list[Chart]:
    """PHQ-9, GAD-7 and pain charts from a trend's baseline (or None) and points."""
    labels = [str(p.number) for p in points]
    return [
        line_chart(
            measure,
            [getattr(p, measure.key) for p in points],
            getattr(baseline, measure.key) if baseline is not None else None,
            labels=labels,
        )
        for measure in MEASURES
    ]
