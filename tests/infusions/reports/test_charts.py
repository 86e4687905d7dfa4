"""The bar charts' geometry, worked out on the server."""

import pytest

from infusions.reports.charts import PLOT_HEIGHT, TOP, bar_chart


def chart(series, **options):
    return bar_chart(
        id="c",
        title="A chart",
        description="What it shows.",
        categories=[f"Day {n}" for n in range(len(series[0][1]))],
        series=series,
        **options,
    )


def test_bars_rise_from_zero_to_their_share_of_the_highest_tick():
    drawn = chart([("Use", [50, 100, None])], unit="%", top=100)

    assert [t.label for t in drawn.ticks] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    half, full = drawn.bars  # no bar for the missing value
    assert (half.height, full.height) == (PLOT_HEIGHT / 2, PLOT_HEIGHT)
    assert half.y + half.height == full.y + full.height == drawn.zero_y == TOP + PLOT_HEIGHT
    assert half.title == "Day 0, Use: 50%"


def test_a_negative_value_hangs_below_zero():
    drawn = chart([("Change", [-4, 2])])

    down, up = drawn.bars
    assert down.y == drawn.zero_y and up.y + up.height == drawn.zero_y
    assert down.height == pytest.approx(2 * up.height, abs=0.02)
    assert [t.label for t in drawn.ticks] == ["-4", "-2", "0", "2"]


def test_counts_have_whole_number_ticks_and_series_side_by_side():
    drawn = chart([("Started", [1, 0]), ("Completed", [1, 2])], whole=True)

    assert [t.label for t in drawn.ticks] == ["0", "1", "2"]
    started, completed = drawn.bars[0], drawn.bars[2]
    assert completed.x == started.x + started.width
    assert [item.name for item in drawn.legend] == ["Started", "Completed"]


def test_a_year_of_days_stays_narrow_and_labels_only_some():
    drawn = chart([("Use", [10] * 366)], top=100)

    assert drawn.width <= 56 + 960 + 24
    assert 0 < len(drawn.labels) < 366


def test_nothing_to_draw_still_has_an_axis():
    drawn = chart([("Use", [None, None])])

    assert drawn.bars == []
    assert [t.label for t in drawn.ticks] == ["0", "1"]
