"""The time zones a clinic can pick, and showing UTC instants in them."""

from datetime import UTC, date, datetime

import pytest

from clinic.lib.timezones import (
    is_valid_time_zone,
    local_day_bounds,
    time_zone_choices,
    to_local,
    zone_name_for_people,
)


def test_american_zones_come_first_in_the_list_a_clinic_picks_from():
    names = [name for name, _label in time_zone_choices()]

    american = {n for n in names if n.startswith("America/")} | {"Pacific/Honolulu"}
    first_other = next(i for i, n in enumerate(names) if n not in american)
    assert set(names[:first_other]) == american
    assert "America/New_York" in american
    assert "Europe/London" in names[first_other:]


def test_zone_labels_are_readable():
    assert dict(time_zone_choices())["America/New_York"] == "America/New York"


def test_the_list_leaves_out_bare_abbreviations_and_etc_zones():
    names = {name for name, _label in time_zone_choices()}

    assert "EST" not in names
    assert "Etc/GMT+5" not in names


@pytest.mark.parametrize("name", ["America/New_York", "UTC", "Europe/Berlin"])
def test_real_zones_are_valid(name):
    assert is_valid_time_zone(name)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "", "../../etc/passwd", "america/new york"])
def test_made_up_or_malformed_zones_are_not(name):
    assert not is_valid_time_zone(name)


def test_to_local_shows_an_instant_on_the_local_clock_with_daylight_saving():
    winter = to_local(datetime(2026, 1, 15, 17, 0, tzinfo=UTC), "America/New_York")
    summer = to_local(datetime(2026, 7, 15, 17, 0, tzinfo=UTC), "America/New_York")

    assert winter.strftime("%H:%M %Z") == "12:00 EST"
    assert summer.strftime("%H:%M %Z") == "13:00 EDT"


def test_to_local_refuses_a_naive_datetime_rather_than_guessing_its_zone():
    with pytest.raises(ValueError, match="aware"):
        to_local(datetime(2026, 1, 15, 17, 0), "America/New_York")  # noqa: DTZ001


@pytest.mark.parametrize(
    ("day", "hours"),
    [("2026-06-10", 24), ("2026-03-08", 23), ("2026-11-01", 25)],
    ids=["summer", "clocks_forward", "clocks_back"],
)
def test_a_local_day_lasts_as_long_as_the_clocks_say(day, hours):
    starts, ends = local_day_bounds(date.fromisoformat(day), "America/New_York")

    assert (ends - starts).total_seconds() == hours * 3600
    assert to_local(starts, "America/New_York").hour == 0


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        ("America/New_York", "Eastern time"),
        ("America/Chicago", "Central time"),
        ("America/Denver", "Mountain time"),
        ("America/Los_Angeles", "Pacific time"),
        ("America/Anchorage", "Alaska time"),
    ],
)
def test_a_zone_is_named_as_people_say_it(zone, said):
    assert zone_name_for_people(zone) == said
