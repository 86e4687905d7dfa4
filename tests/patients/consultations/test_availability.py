"""Free consultation slots, computed without a database."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.locations.hours import Interval
from patients.consultations.availability import Booking, local_instant, nearest_slots, open_slots

NEW_YORK = "America/New_York"
WEEKDAYS_9_TO_5 = [Interval(day, time(9), time(17)) for day in range(7)]
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def slots_for(day, *, staff=None, bookings=(), opening=WEEKDAYS_9_TO_5, minutes=30, days=1):
    return open_slots(
        zone_name=NEW_YORK,
        opening_hours=opening,
        staff_hours=staff if staff is not None else {1: WEEKDAYS_9_TO_5},
        bookings=bookings,
        first_day=day,
        days=days,
        slot_minutes=minutes,
        not_before=LONG_AGO,
    )


def local(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(NEW_YORK))


def test_it_offers_every_half_hour_of_an_open_day():
    slots = slots_for(date(2026, 6, 10))
    assert len(slots) == 16
    assert slots[0].starts_at == local(date(2026, 6, 10), 9)
    assert slots[-1].ends_at == local(date(2026, 6, 10), 17)
    assert all(s.starts_at.tzinfo == UTC for s in slots)


def test_it_offers_nothing_on_a_closed_day():
    weekdays_only = [Interval(day, time(9), time(17)) for day in range(5)]
    assert slots_for(date(2026, 6, 13), opening=weekdays_only) == []  # a Saturday


def test_it_offers_nothing_when_no_staff_member_works_that_day():
    assert slots_for(date(2026, 6, 10), staff={}) == []


def test_a_slot_is_offered_only_inside_both_opening_and_staff_hours():
    staff = {1: [Interval(2, time(8), time(10))]}  # Wednesday 8-10, the clinic opens at 9
    slots = slots_for(date(2026, 6, 10), staff=staff)
    assert [s.local_start(NEW_YORK).time() for s in slots] == [time(9), time(9, 30)]


def test_a_booked_staff_member_is_not_free_but_a_colleague_is():
    day = date(2026, 6, 10)
    booking = Booking(1, local(day, 10), local(day, 10, 30))
    slots = slots_for(day, staff={1: WEEKDAYS_9_TO_5, 2: WEEKDAYS_9_TO_5}, bookings=[booking])
    ten = next(s for s in slots if s.starts_at == local(day, 10))
    assert ten.free_staff_ids == (2,)


def test_the_slot_is_gone_when_everyone_is_booked():
    day = date(2026, 6, 10)
    booking = Booking(1, local(day, 10), local(day, 10, 30))
    slots = slots_for(day, bookings=[booking])
    assert local(day, 10) not in [s.starts_at for s in slots]
    assert len(slots) == 15


def test_a_long_booking_blocks_every_slot_it_overlaps():
    day = date(2026, 6, 10)
    long_one = Booking(1, local(day, 9, 15), local(day, 11, 15))
    short_after = Booking(1, local(day, 9, 30), local(day, 9, 45))  # overlapping data
    starts = [s.starts_at for s in slots_for(day, bookings=[long_one, short_after])]
    assert local(day, 9) not in starts
    assert local(day, 11) not in starts
    assert local(day, 11, 30) in starts


def test_slots_in_the_past_or_too_soon_are_not_offered():
    day = date(2026, 6, 10)
    slots = open_slots(
        zone_name=NEW_YORK,
        opening_hours=WEEKDAYS_9_TO_5,
        staff_hours={1: WEEKDAYS_9_TO_5},
        bookings=[],
        first_day=day,
        days=1,
        slot_minutes=30,
        not_before=local(day, 15, 10),
    )
    assert [s.local_start(NEW_YORK).time() for s in slots] == [time(15, 30), time(16), time(16, 30)]


def test_on_the_spring_forward_day_local_hours_are_kept_and_the_gap_is_skipped():
    day = date(2026, 3, 8)  # clocks go from 2:00 to 3:00 in New York
    night = [Interval(6, time(1), time(4))]  # a Sunday
    slots = slots_for(day, opening=night, staff={1: night}, minutes=30)
    wall = [s.local_start(NEW_YORK).time() for s in slots]
    assert wall == [time(1), time(1, 30), time(3), time(3, 30)]
    day_slots = slots_for(day)
    assert day_slots[0].starts_at == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # 9:00 EDT


def test_on_the_fall_back_day_nine_oclock_is_still_nine_oclock_local():
    day = date(2026, 11, 1)
    slots = slots_for(day)
    assert slots[0].starts_at == datetime(2026, 11, 1, 14, 0, tzinfo=UTC)  # 9:00 EST
    assert len(slots) == 16


def test_local_instant_is_none_only_inside_the_spring_gap():
    zone = ZoneInfo(NEW_YORK)
    assert local_instant(date(2026, 3, 8), time(2, 30), zone) is None
    assert local_instant(date(2026, 3, 8), time(3, 0), zone) is not None


def test_nearest_slots_are_the_closest_in_time_in_order():
    day = date(2026, 6, 10)
    slots = slots_for(day)
    taken = local(day, 12)
    nearest = nearest_slots([s for s in slots if s.starts_at != taken], taken, count=3)
    # 11:30 and 12:30 are 30 minutes away; of 11:00 and 13:00, the earlier wins the tie.
    assert [s.local_start(NEW_YORK).time() for s in nearest] == [
        time(11),
        time(11, 30),
        time(12, 30),
    ]


staff_ids = st.integers(min_value=1, max_value=4)
offsets = st.integers(min_value=0, max_value=6 * 24 * 4)  # quarter hours over six days


@st.composite
def bookings(draw):
    staff_id, start, quarters = draw(staff_ids), draw(offsets), draw(st.integers(1, 8))
    starts_at = datetime(2026, 3, 5, 5, tzinfo=UTC) + timedelta(minutes=15 * start)
    return Booking(staff_id, starts_at, starts_at + timedelta(minutes=15 * quarters))


@settings(max_examples=200, deadline=None)
@given(st.lists(bookings(), max_size=40), st.sampled_from([15, 20, 30, 45, 60]))
def test_no_offered_slot_overlaps_a_booking_of_a_staff_member_it_calls_free(booked, minutes):
    staff = {staff_id: WEEKDAYS_9_TO_5 for staff_id in range(1, 5)}
    slots = slots_for(date(2026, 3, 5), staff=staff, bookings=booked, minutes=minutes, days=6)
    for slot in slots:
        assert slot.ends_at - slot.starts_at == timedelta(minutes=minutes)
        start = slot.local_start(NEW_YORK)
        assert time(9) <= start.time() and (start + timedelta(minutes=minutes)).time() <= time(17)
        for staff_id in slot.free_staff_ids:
            for b in booked:
                if b.staff_id == staff_id:
                    assert b.ends_at <= slot.starts_at or slot.ends_at <= b.starts_at
    # And nothing free is left out: every grid step with an unbooked person is offered.
    offered = {s.starts_at for s in slots}
    for slot in slots_for(date(2026, 3, 5), staff=staff, minutes=minutes, days=6):
        someone_free = any(
            all(
                b.ends_at <= slot.starts_at or slot.ends_at <= b.starts_at
                for b in booked
                if b.staff_id == staff_id
            )
            for staff_id in slot.free_staff_ids
        )
        assert (slot.starts_at in offered) == someone_free
