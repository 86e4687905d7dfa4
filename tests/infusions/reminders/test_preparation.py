"""When to stop eating and drinking before an infusion, on the location's clocks: six and two
real hours before the start, "after midnight" for an early start, right on the days the
clocks change, in New York and in Los Angeles."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from infusions.reminders.preparation import fasting_for


def local(zone: str, *parts) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_an_afternoon_infusion_gives_clock_times(zone):
    fasting = fasting_for(local(zone, 2027, 1, 12, 14, 30), zone)

    assert fasting.stop_eating_words == "after 8:30 AM"
    assert fasting.stop_drinking_words == "until 12:30 PM"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_an_early_morning_infusion_means_nothing_after_midnight(zone):
    fasting = fasting_for(local(zone, 2027, 1, 12, 8, 0), zone)

    assert fasting.stop_eating_words == "after midnight"
    assert fasting.stop_drinking_words == "until 6:00 AM"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_a_late_morning_infusion_gives_the_clock_time(zone):
    fasting = fasting_for(local(zone, 2027, 1, 12, 10, 0), zone)

    assert fasting.stop_eating_words == "after 4:00 AM"
    assert fasting.stop_drinking_words == "until 8:00 AM"


def test_a_dawn_infusion_stops_eating_the_evening_before():
    fasting = fasting_for(local("America/New_York", 2027, 1, 12, 5, 30), "America/New_York")

    assert fasting.stop_eating_words == "after 11:30 PM the evening before"


# 14 March 2027 (both zones): 2:00 AM becomes 3:00 AM. 7 November 2027: 2:00 AM becomes
# 1:00 AM again. Subtracting on the clock face would be an hour out where the six hours span
# the change.


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_on_the_day_clocks_go_forward_a_morning_infusion_is_right(zone):
    fasting = fasting_for(local(zone, 2027, 3, 14, 8, 0), zone)

    assert fasting.stop_eating_words == "after midnight"
    assert fasting.stop_drinking_words == "until 6:00 AM"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_on_the_day_clocks_go_forward_six_hours_back_reach_an_hour_further(zone):
    # Six real hours before 5:30 AM is 10:30 PM the evening before, not the clock face's 11:30.
    fasting = fasting_for(local(zone, 2027, 3, 14, 5, 30), zone)

    assert fasting.stop_eating_words == "after 10:30 PM the evening before"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_on_the_day_clocks_go_back_six_hours_back_reach_an_hour_less_far(zone):
    # Six real hours before 5:30 AM is 12:30 AM that day (the clock face says 11:30 PM the
    # evening before): an early start, so nothing after midnight.
    fasting = fasting_for(local(zone, 2027, 11, 7, 5, 30), zone)

    assert fasting.stop_eating_words == "after midnight"
    assert fasting.stop_drinking_words == "until 3:30 AM"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Los_Angeles"])
def test_on_the_day_clocks_go_back_an_afternoon_infusion_is_right(zone):
    fasting = fasting_for(local(zone, 2027, 11, 7, 13, 0), zone)

    assert fasting.stop_eating_words == "after 7:00 AM"
    assert fasting.stop_drinking_words == "until 11:00 AM"
