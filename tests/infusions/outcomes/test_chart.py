"""The charts' geometry, worked out without a request: 320 × 160 units, the plot from x 40 to
310 and from y 10 (the scale's top) to 130 (zero)."""

from datetime import date

from django.template.loader import render_to_string

from infusions.outcomes.chart import GAD7, PAIN, PHQ9, line_chart, spread_x, trend_charts
from infusions.outcomes.selectors import Baseline, Point, Trend


def test_three_points_spread_from_left_to_right_and_scale_to_the_measure():
    chart = line_chart(PHQ9, [27, 9, 0], 18)

    assert [(d.x, d.y) for d in chart.dots] == [(40, 10), (175, 90), (310, 130)]
    assert chart.path == "M 40 10 L 175 90 L 310 130"
    assert [d.label for d in chart.dots] == ["1", "2", "3"]


def test_the_baseline_is_a_line_at_its_score():
    assert line_chart(PHQ9, [], 18).baseline_y == 50
    assert line_chart(GAD7, [], 7).baseline_y == 90
    assert line_chart(PAIN, [], 5).baseline_y == 70


def test_without_a_baseline_there_is_no_line():
    chart = line_chart(PAIN, [3], None)

    assert chart.baseline_y is None and chart.baseline_text_y is None
    assert "No baseline from screening." in chart.description


def test_one_point_sits_in_the_middle():
    chart = line_chart(GAD7, [21], None)

    assert [(d.x, d.y) for d in chart.dots] == [(175, 10)]
    assert chart.path == "M 175 10"


def test_no_points_draw_no_line():
    chart = line_chart(PAIN, [], 4)

    assert chart.dots == () and chart.path == ""


def test_the_ticks_are_the_severity_bands():
    assert [(t.value, t.y) for t in line_chart(PHQ9, [], None).ticks] == [
        (0, 130),
        (5, 107.8),
        (10, 85.6),
        (15, 63.3),
        (20, 41.1),
        (27, 10),
    ]
    assert [t.value for t in line_chart(GAD7, [], None).ticks] == [0, 5, 10, 15, 21]


def test_a_baseline_at_the_top_is_labelled_under_its_line():
    assert line_chart(PAIN, [], 10).baseline_text_y == 22
    assert line_chart(PAIN, [], 0).baseline_text_y == 126


def test_spread_x_divides_the_width_evenly():
    assert spread_x(5, left=0, right=100) == [0, 25, 50, 75, 100]
    assert spread_x(0, left=0, right=100) == []


def test_the_description_says_the_figures_in_words():
    chart = line_chart(PHQ9, [14, 9], 16)

    assert chart.description == (
        "PHQ-9 (depression), 0 to 27; lower is better. At screening: 16. "
        "Before each infusion, in order: 14, 9."
    )


def _trend() -> Trend:
    return Trend(
        baseline=Baseline(day=date(2026, 11, 2), phq9=16, gad7=14, pain=7),
        points=[
            Point(1, date(2026, 11, 9), 1, 12, 10, 5, False),
            Point(2, date(2026, 11, 11), 2, 8, 6, 3, True),
        ],
    )


def test_a_trend_has_a_chart_per_measure():
    charts = trend_charts(_trend().baseline, _trend().points)

    assert [c.measure for c in charts] == [PHQ9, GAD7, PAIN]
    assert [[d.value for d in c.dots] for c in charts] == [[12, 8], [10, 6], [5, 3]]
    assert [c.baseline_value for c in charts] == [16, 14, 7]


def test_the_include_draws_labelled_charts_and_a_table_of_the_same_figures():
    page = render_to_string("infusions/outcomes/_trend.html", {"trend": _trend()})

    assert page.count('<svg role="img"') == 3
    assert 'aria-labelledby="trend-phq9-title trend-phq9-desc"' in page
    assert '<title id="trend-phq9-title">PHQ-9 (depression) over the series</title>' in page
    assert "At screening: 16. Before each infusion, in order: 12, 8." in page
    assert 'stroke-dasharray="5 4"' in page and "Baseline 16" in page
    assert '<path d="M 40 76.7 L 310 94.4"' in page
    assert "Screening, Nov 2, 2026" in page
    assert "Infusion 2, Nov 11, 2026" in page
    assert "PHQ-9 item 9" not in page  # only for those who may read the record


def test_the_include_says_when_there_is_nothing_yet():
    page = render_to_string("infusions/outcomes/_trend.html", {"trend": Trend(baseline=None)})

    assert "No answers yet" in page and "<svg" not in page
