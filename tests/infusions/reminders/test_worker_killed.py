"""A real Celery worker with its beat, in processes of their own, on the real broker and
database (CI's PostgreSQL run). A booked infusion's reminders, brought due, go out once each
by beat's dispatcher alone; and a batch whose worker is killed with SIGKILL in the middle and
started again goes out exactly once too, by the e-mails the file mailer kept."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from infusions.booking.services import infusion_book
from infusions.models import Reminder
from tests.infusions.booking import MONDAY, at, local_day

pytestmark = pytest.mark.celery_worker

REPO = Path(__file__).resolve().parents[3]
REMINDERS = 150
Status = Reminder.Status


@pytest.fixture
def broker():
    """A Redis database of its own, next to the suite's: the in-process test worker, which
    other tests start on the suite's broker, must not take these tasks (it would send them to
    its own in-memory outbox)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a broker: runs in CI's PostgreSQL run (CELERY_BROKER_URL)")
    import redis

    base, _, number = settings.CELERY_BROKER_URL.rstrip("/").rpartition("/")
    url = f"{base}/{int(number) - 1 if number.isdigit() and int(number) > 0 else 1}"
    redis.Redis.from_url(url).flushdb()
    yield url
    redis.Redis.from_url(url).flushdb()


@pytest.fixture
def due(committed_db, cleared, chair, front_desk):
    """REMINDERS due confirmations of one infusion a week away (one per round, as if it had
    been booked again and again), all due a minute ago."""
    appointment = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY) + timedelta(days=7), 14, 30).astimezone(UTC),
        booked_by=front_desk,
    )
    appointment.reminders.all().delete()
    Reminder.objects.bulk_create(
        Reminder(
            appointment=appointment,
            kind=Reminder.Kind.CONFIRMATION,
            for_starts_at=appointment.starts_at,
            round=n,
            due_at=timezone.now() - timedelta(minutes=1),
        )
        for n in range(1, REMINDERS + 1)
    )
    return Reminder.objects.filter(appointment=appointment)


def database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(broker, mail_folder) -> subprocess.Popen:
    env = {
        **os.environ,
        "LOCAL_DEMO": "1",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker,
        "EMAIL_URL": f"filemail://{mail_folder}",
        "REMINDERS_DISPATCH_SECONDS": "1",
        "REMINDERS_STUCK_SECONDS": "3",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.Popen(  # noqa: S603 - our own worker, from our own venv
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "clinic",
            "worker",
            "--beat",
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--schedule",
            str(mail_folder.parent / "beat-schedule"),
        ],
        cwd=REPO,
        env=env,
        start_new_session=True,  # its own process group: the kill takes every child
        stdout=subprocess.DEVNULL,
        stderr=open(mail_folder.parent / "worker.log", "a"),  # noqa: SIM115 - closed with the process
    )


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def sent_by_reminder(mail_folder) -> Counter:
    return Counter(
        int(match)
        for path in mail_folder.iterdir()
        for match in re.findall(
            r"^Message-ID:\s*<[^>]*reminder-(\d+)\.\d+@", path.read_text(), re.M
        )
    )


def test_beat_sends_a_booked_infusions_reminders_once_each_when_due(
    broker, committed_db, cleared, chair, front_desk, tmp_path
):
    appointment = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY) + timedelta(days=7), 14, 30).astimezone(UTC),
        booked_by=front_desk,
    )
    before = appointment.reminders.exclude(kind=Reminder.Kind.DAY_AFTER)
    before.update(due_at=timezone.now() - timedelta(minutes=1))
    mail_folder = tmp_path / "mail"
    mail_folder.mkdir()

    worker = start_worker(broker, mail_folder)
    try:
        # Beat runs the dispatcher every second here: it finds nothing more after the first.
        assert wait_for(lambda: not before.exclude(status=Status.SENT).exists(), 90)
        time.sleep(3)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)

    assert sent_by_reminder(mail_folder) == Counter(
        {pk: 1 for pk in before.values_list("pk", flat=True)}
    )
    assert appointment.reminders.get(kind=Reminder.Kind.DAY_AFTER).status == Status.PENDING


def test_killed_mid_batch_and_started_again_every_reminder_goes_out_once(broker, due, tmp_path):
    mail_folder = tmp_path / "mail"
    mail_folder.mkdir()
    worker = start_worker(broker, mail_folder)
    try:
        assert wait_for(lambda: due.filter(status=Status.SENT).count() >= REMINDERS // 4, 90)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
        interrupted = due.exclude(status=Status.SENT).count()
        assert interrupted > 0, "the batch was over before the kill"

        worker = start_worker(broker, mail_folder)
        assert wait_for(lambda: not due.exclude(status=Status.SENT).exists(), 120), Counter(
            due.values_list("status", flat=True)
        )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)

    sent = sent_by_reminder(mail_folder)
    assert set(sent) == set(due.values_list("pk", flat=True)), "a reminder was lost"
    assert [pk for pk, times in sent.items() if times > 1] == [], "a reminder went twice"
