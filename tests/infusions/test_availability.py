"""The free times offered to someone booking: every quarter hour the booking rules allow, on
the first chair that takes it, daylight saving included, in a fixed number of queries."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infusions.booking.availability import free_times, kind_to_book
from infusions.booking.services import default_type, infusion_book
from infusions.models import AppointmentType, DutyException, DutyShift, TreatmentPlan
from tests.factories import OpeningHoursFactory, consent_signed_by
from tests.infusions.booking import (
    MONDAY,
    NEW_YORK,
    SATURDAY,
    SUNDAY,
    Outcome,
    at,
    local_day,
    next_clock_change,
)
from tests.screening.factories import PatientFactory, decide, submit

pytestmark = pytest.mark.django_db

# The initial-series type: 45 minutes' infusion and 30 of recovery, so on a weekday open
# 9 to 5 the last start is 3:45 PM.
WEEKDAY_STARTS = [time(hour, minute) for hour in range(9, 16) for minute in (0, 15, 30, 45)]


@pytest.fixture
def other_cleared(other_patient, clinician, location):
    record = PatientFactory(user=other_patient, preferred_location=location)
    consent_signed_by(record)
    decide(submit(record), clinician, Outcome.CLEARED)
    return record


def search(location, patient, first_day, days=1, **options):
    return free_times(
        location,
        patient=patient,
        appointment_type=default_type(),
        first_day=first_day,
        days=days,
        **options,
    )


def times_of(found, day):
    """{local start time: chair id} offered on `day`."""
    return {t.local.time(): t.chair_id for d in found if d.day == day for t in d.times}


def test_it_offers_every_quarter_hour_of_an_open_weekday_on_the_first_chair(
    cleared, chair, other_chair
):
    monday = local_day(MONDAY)

    found = search(cleared.preferred_location, cleared, monday)

    assert [d.day for d in found] == [monday]
    assert list(times_of(found, monday)) == WEEKDAY_STARTS
    assert set(times_of(found, monday).values()) == {chair.pk}
    first = found[0].times[0]
    assert first.starts_at == at(monday, 9).astimezone(UTC)
    assert first.label == "9:00 AM"
    assert first.value == f"{chair.pk}/{monday.isoformat()}/09:00"


def test_a_closed_day_and_a_day_with_no_clinician_on_duty_offer_nothing(cleared, location, chair):
    saturday = local_day(SATURDAY)
    clinician = DutyShift.objects.filter(location=location).first().clinician
    away = saturday + timedelta(days=2)  # the Monday after
    DutyException.objects.create(location=location, clinician=clinician, day=away)

    found = search(location, cleared, saturday, days=4)

    assert [d.day for d in found] == [saturday + timedelta(days=1), saturday + timedelta(days=3)]


def test_a_clinician_on_duty_for_part_of_the_day_is_offered_for_that_part(cleared, location, chair):
    monday = local_day(MONDAY)
    clinician = DutyShift.objects.filter(location=location).first().clinician
    DutyException.objects.create(
        location=location, clinician=clinician, day=monday, starts=time(12), ends=time(15)
    )

    offered = list(times_of(search(location, cleared, monday), monday))

    # On duty for the infusion and the recovery, 75 minutes: the last start is 1:45 PM.
    assert offered == [time(hour, minute) for hour in (12, 13) for minute in (0, 15, 30, 45)]


def test_a_taken_chair_moves_the_time_to_the_next_chair(
    cleared, other_cleared, location, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    offered = times_of(search(location, cleared, monday), monday)

    # The first chair is held from 10:00 to 11:25 with its turnover.
    assert offered[time(9)] == other_chair.pk
    assert offered[time(10)] == other_chair.pk
    assert offered[time(11, 15)] == other_chair.pk
    assert offered[time(11, 30)] == chair.pk
    assert list(offered) == WEEKDAY_STARTS


def test_a_time_every_chair_is_taken_is_not_offered(
    cleared, other_cleared, location, chair, front_desk
):
    monday = local_day(MONDAY)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    offered = times_of(search(location, cleared, monday), monday)

    assert time(8, 45) not in offered
    assert time(9) not in offered  # its turnover would run into 10:00
    assert time(8, 30) not in offered
    assert min(offered) == time(11, 30)


def test_a_clinician_supervising_all_they_can_offers_no_chair(
    cleared, other_cleared, location, chair, other_chair, front_desk
):
    location.infusions_per_clinician = 1
    location.save()
    monday = local_day(MONDAY)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    offered = times_of(search(location, cleared, monday), monday)

    # The other chair is free, but the one clinician supervises 10:00 to 11:15.
    assert time(10) not in offered
    assert time(11, 15) in offered  # the infusion before is in its last minute of recovery
    assert offered[time(11, 15)] == other_chair.pk


def test_the_minimum_notice_applies_online_but_not_at_the_front_desk(location, cleared, chair):
    location.booking_notice_hours = 48
    location.save()
    monday = local_day(MONDAY)
    now = at(monday, 12).astimezone(UTC) - timedelta(hours=48)

    online = times_of(search(location, cleared, monday, now=now), monday)
    at_the_desk = times_of(search(location, cleared, monday, now=now, online=False), monday)

    assert min(online) == time(12)
    assert list(at_the_desk) == WEEKDAY_STARTS


def test_nothing_is_offered_past_the_horizon(location, cleared, chair):
    location.booking_horizon_days = 3
    location.save()
    monday = local_day(MONDAY)
    now = at(monday, 12).astimezone(UTC) - timedelta(days=3)

    found = search(location, cleared, monday, days=5, now=now)

    assert [d.day for d in found] == [monday]
    assert max(times_of(found, monday)) == time(12)


def test_the_patients_own_infusion_day_is_not_offered_but_is_when_moving_that_one(
    location, cleared, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    tuesday = monday + timedelta(days=1)
    booked = infusion_book(
        patient=cleared, chair=chair, starts_at=at(tuesday, 10), booked_by=front_desk
    )

    found = search(location, cleared, monday, days=3)
    moving = search(location, cleared, monday, days=3, ignore_pk=booked.pk)

    assert tuesday not in [d.day for d in found]
    # A day apart at least, start to start: Monday until 10:00, Wednesday from 10:00.
    assert max(times_of(found, monday)) == time(10)
    assert min(times_of(found, tuesday + timedelta(days=1))) == time(10)
    assert times_of(moving, tuesday)[time(10)] == chair.pk
    assert list(times_of(moving, monday)) == WEEKDAY_STARTS


def test_another_patients_infusion_leaves_the_day_open(
    location, cleared, other_cleared, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    infusion_book(
        patient=other_cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )

    assert list(times_of(search(location, cleared, monday), monday)) == WEEKDAY_STARTS


def test_on_the_day_the_clocks_go_forward_the_times_are_local_and_the_instants_right(
    location, cleared, chair
):
    sunday = next_clock_change(forward=True)

    found = search(location, cleared, sunday)

    starts = found[0].times
    assert [t.local.time() for t in starts][0] == time(9)
    assert [t.local.time() for t in starts][-1] == time(11, 45)  # 1 PM closing, 75 minutes
    # 9:00 AM is 13:00 UTC from that morning (EDT), not 14:00 as the day before.
    assert starts[0].starts_at == datetime.combine(sunday, time(13), tzinfo=UTC)
    assert starts[0].local.utcoffset() == timedelta(hours=-4)


def test_on_the_day_the_clocks_go_back_the_instants_follow(location, cleared, chair):
    sunday = next_clock_change(forward=False)

    found = search(location, cleared, sunday)

    assert found[0].times[0].starts_at == datetime.combine(sunday, time(14), tzinfo=UTC)


def test_hours_across_the_change_skip_the_missing_hour_and_count_real_minutes(
    location, cleared, chair
):
    sunday = next_clock_change(forward=True)
    OpeningHoursFactory(location=location, weekday=SUNDAY, opens=time(1), closes=time(3, 30))
    clinician = DutyShift.objects.filter(location=location).first().clinician
    DutyException.objects.create(
        location=location, clinician=clinician, day=sunday, starts=time(0), ends=time(13)
    )

    offered = times_of(search(location, cleared, sunday), sunday)

    # 1:00 AM plus 75 minutes is 3:15 AM once the clocks jump an hour at 2:00.
    night = sorted(t for t in offered if t < time(9))
    assert night == [time(1), time(1, 15)]
    assert datetime.combine(sunday, time(1), tzinfo=NEW_YORK).astimezone(UTC).hour == 6


def test_a_location_not_taking_bookings_offers_nothing(location, cleared, chair):
    location.status = location.Status.COMING_SOON
    location.save()

    assert search(location, cleared, local_day(MONDAY), days=7) == []


def test_the_search_asks_the_same_few_queries_for_one_day_or_thirty(
    location, cleared, other_cleared, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    for days_ahead, hour in ((0, 10), (1, 11), (3, 14), (8, 9)):
        day = monday + timedelta(days=days_ahead)
        infusion_book(
            patient=other_cleared, chair=chair, starts_at=at(day, hour), booked_by=front_desk
        )
    infusion_book(
        patient=cleared,
        chair=other_chair,
        starts_at=at(monday + timedelta(days=2), 10),
        booked_by=front_desk,
    )
    location.refresh_from_db()

    with CaptureQueriesContext(connection) as one_day:
        search(location, cleared, monday, days=1)
    with CaptureQueriesContext(connection) as thirty_days:
        found = search(location, cleared, monday, days=30)

    assert len(one_day) == len(thirty_days) <= 10
    assert len(found) >= 20


def test_a_patient_without_a_plan_books_the_initial_series_type(cleared):
    appointment_type, plan = kind_to_book(cleared)

    assert appointment_type.kind == AppointmentType.Kind.INITIAL
    assert plan is None


def test_a_patient_whose_initial_series_is_booked_books_the_maintenance_type(
    cleared, location, chair, clinician, front_desk
):
    initial = AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL)
    maintenance = AppointmentType.objects.get(kind=AppointmentType.Kind.MAINTENANCE)
    plan = TreatmentPlan.objects.create(
        patient=cleared,
        location=location,
        initial_type=initial,
        initial_count=1,
        maintenance_type=maintenance,
        maintenance_interval_weeks=4,
        created_by=clinician,
    )
    assert kind_to_book(cleared) == (initial, plan)

    infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY), 10),
        booked_by=front_desk,
        appointment_type=initial,
        plan=plan,
    )

    assert kind_to_book(cleared) == (maintenance, plan)
