"""Through Celery: the dispatcher task hands every due reminder to the send task, on a real
worker and broker in CI (in-process elsewhere), and each is sent exactly once, however often
the dispatcher runs."""

from datetime import UTC, time, timedelta

import pytest
from django.utils import timezone

from infusions.booking.services import infusion_book
from infusions.models import Reminder
from infusions.reminders.tasks import dispatch_reminders
from screening.models import ScreeningDecision
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
    on_duty,
)
from tests.infusions.booking import MONDAY, at, local_day
from tests.screening.factories import PatientFactory, decide, submit

Status = Reminder.Status


@pytest.fixture
def booked(committed_db, front_desk, clinician):
    location = LocationFactory(time_zone="America/New_York", booking_horizon_days=400)
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
    on_duty(location, clinician)
    patient = PatientFactory(preferred_location=location, takes_no_medications=True)
    consent_signed_by(patient)
    decide(submit(patient), clinician, ScreeningDecision.Outcome.CLEARED)
    return infusion_book(
        patient=patient,
        chair=ChairFactory(location=location),
        starts_at=at(local_day(MONDAY) + timedelta(days=7), 14, 30).astimezone(UTC),
        booked_by=front_desk,
    )


def dispatch(task_queue):
    dispatch_reminders.delay()
    task_queue.wait()  # the dispatcher has run: its hand-overs are queued behind this ping
    task_queue.wait()  # and now they have run too


def test_every_due_reminder_is_sent_once_through_the_worker(booked, task_queue, mailoutbox):
    # The infusion is a week away: bring the time of every reminder before it into the past.
    before = booked.reminders.exclude(kind=Reminder.Kind.DAY_AFTER)
    before.update(due_at=timezone.now() - timedelta(minutes=1))

    dispatch(task_queue)
    dispatch(task_queue)  # a second run, and a third, find nothing more to send
    dispatch(task_queue)

    reminders = list(before)
    assert {r.status for r in reminders} == {Status.SENT}
    assert len(reminders) == 4
    assert booked.reminders.get(kind=Reminder.Kind.DAY_AFTER).status == Status.PENDING
    sent_ids = sorted(m.extra_headers["Message-ID"] for m in mailoutbox)
    assert sent_ids == sorted(r.provider_id for r in reminders)
