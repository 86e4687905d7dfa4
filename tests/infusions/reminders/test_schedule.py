"""When each reminder is due: two days before, the evening before at 6 PM, the morning of at
7 AM, the day after at 10 AM, on the location's clocks; a late booking gets only what is
still ahead and not on the confirmation's heels."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from infusions.models import Reminder
from infusions.reminders.schedule import reminders_due

Kind = Reminder.Kind
NEW_YORK = "America/New_York"


def local(*parts, zone=NEW_YORK) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def due_local(starts_at, booked_at, zone=NEW_YORK) -> dict:
    return {
        kind: at.astimezone(ZoneInfo(zone)).strftime("%a %d %H:%M")
        for kind, at in reminders_due(starts_at, zone, booked_at=booked_at)
    }


def test_a_booking_a_week_ahead_gets_every_reminder_on_local_clocks():
    booked_at = local(2027, 1, 5, 15, 12)

    due = due_local(local(2027, 1, 12, 14, 30), booked_at)

    assert due == {
        Kind.CONFIRMATION: "Tue 05 15:12",
        Kind.TWO_DAYS: "Sun 10 14:30",
        Kind.EVENING_BEFORE: "Mon 11 18:00",
        Kind.MORNING_OF: "Tue 12 07:00",
        Kind.DAY_AFTER: "Wed 13 10:00",
    }


def test_an_early_start_is_reminded_before_it_not_at_7():
    due = due_local(local(2027, 1, 12, 8, 0), local(2027, 1, 1, 9, 0))

    assert due[Kind.MORNING_OF] == "Tue 12 06:30"


def test_a_booking_made_the_afternoon_before_gets_no_two_day_reminder():
    due = due_local(local(2027, 1, 12, 14, 30), local(2027, 1, 11, 13, 0))

    assert set(due) == {Kind.CONFIRMATION, Kind.EVENING_BEFORE, Kind.MORNING_OF, Kind.DAY_AFTER}


def test_a_booking_made_just_before_the_evening_reminder_is_not_followed_by_it():
    due = due_local(local(2027, 1, 12, 14, 30), local(2027, 1, 11, 17, 0))

    assert set(due) == {Kind.CONFIRMATION, Kind.MORNING_OF, Kind.DAY_AFTER}


def test_a_same_day_booking_gets_the_confirmation_and_the_day_after():
    due = due_local(local(2027, 1, 12, 14, 30), local(2027, 1, 12, 9, 0))

    assert set(due) == {Kind.CONFIRMATION, Kind.DAY_AFTER}


def test_on_the_day_clocks_go_forward_the_reminders_keep_their_local_times():
    # 14 March 2027: 2:00 AM becomes 3:00 AM in New York.
    due = due_local(local(2027, 3, 14, 10, 0), local(2027, 3, 1, 9, 0))

    assert due[Kind.EVENING_BEFORE] == "Sat 13 18:00"
    assert due[Kind.MORNING_OF] == "Sun 14 07:00"
    assert due[Kind.TWO_DAYS] == "Fri 12 09:00"  # 48 real hours: the clock face lost one


def test_the_local_clocks_are_the_locations_own():
    zone = "America/Los_Angeles"
    due = due_local(local(2027, 1, 12, 14, 30, zone=zone), local(2027, 1, 1, 9, 0), zone)

    assert due[Kind.EVENING_BEFORE] == "Mon 11 18:00"
    assert due[Kind.MORNING_OF] == "Tue 12 07:00"
    # Three hours after New York's 6 PM.
    evening = dict(
        reminders_due(
            local(2027, 1, 12, 14, 30, zone=zone), zone, booked_at=local(2027, 1, 1, 9, 0)
        )
    )
    assert evening[Kind.EVENING_BEFORE] - local(2027, 1, 11, 18, 0) == timedelta(hours=3)
