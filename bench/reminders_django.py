"""The Django half of the ``reminders`` suite; bench/reminders.py runs it in a subprocess.

    python bench/reminders_django.py fixture --count N
    python bench/reminders_django.py noop --count N
    python bench/reminders_django.py reminders --mail-folder DIR
    python bench/reminders_django.py cleanup

with the benchmark environment plus a Redis broker and result backend (a real worker, started
by the suite, does the work) and ``EMAIL_URL=filemail://DIR``. Each prints one JSON object on
its last line of stdout and exits 0, or prints the traceback and exits non-zero.

``fixture`` (one transaction): the location ``bench-reminders`` (open, America/New_York, open
every day 08:00-20:00, one chair), a clinician on duty there whenever it is open, a front desk
and one cleared patient ``bench-reminders-patient@example.com`` (intake finished, consent
signed, screening cleared), with one infusion **booked through
``infusions.booking.services.infusion_book``** a week ahead (kept while it is at least two days
ahead; its own reminders are deleted). Then N reminders of that infusion, all due a minute ago:
one confirmation per ``round`` 1..N, as if it had been booked again and again (the approach of
tests/infusions/reminders/test_worker_killed.py). Earlier runs' rows are deleted first.

``noop``: one untimed ``clinic.celery.ping`` (the worker is up), then N pings sent at once
(a group) and timed until every answer is back: N / seconds.

``reminders``: timed from the first hand-over until every row is sent: the bench calls
``dispatch_reminders.delay()`` (the task beat runs), waits for its answer (how many rows it
handed over, at most BATCH = 500) and calls it again at once, so the worker itself claims the
rows and queues a ``send_reminder`` per row, as under beat with a dispatch interval of ~0, and
the queue never runs dry nor holds more than two batches. Once a dispatch hands over nothing,
the rows are polled until none is left unsent. Then the file mailer's files are read: every
Message-ID (``reminder-<pk>.<attempt>``) is matched to the rows' pks: duplicates (a pk in two
messages or more) and missing (a row with no message).

``cleanup``: deletes the fixture's reminders (the booking stays for the next run).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from datetime import time as wall_time
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: bench/, not the repository, is on the path
    sys.path.insert(0, str(REPO))

from bench.people_django import bench_user, cleared_patient  # noqa: E402 - after the path

SLUG = "bench-reminders"
TIME_ZONE = "America/New_York"
OPENS, CLOSES = wall_time(8), wall_time(20)
CLINICIAN_EMAIL = "bench-reminders-clinician@example.com"
DESK_EMAIL = "bench-reminders-desk@example.com"
PATIENT_EMAIL = "bench-reminders-patient@example.com"
BOOK_AHEAD_DAYS = 7  # a new booking this far ahead, at 10:00 local ...
KEEP_AHEAD = timedelta(days=2)  # ... kept for later runs while it is at least this far ahead
MAX_COUNT = 32767  # Reminder.round is a PostgreSQL smallint
TIMEOUT = 1800  # seconds, per phase
POLL = 0.05  # seconds between checks once everything is handed over
MESSAGE_ID = re.compile(r"^Message-ID:\s*<[^>]*\breminder-(\d+)\.(\d+)@", re.M | re.I)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    import django

    django.setup()


# Fixture ---------------------------------------------------------------------------------


def _location(clinician):
    from clinic.locations.models import Chair, Location, OpeningHours
    from infusions.models import DutyException, DutyShift

    location, _ = Location.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": "Bench Reminders Infusion Center",
            "status": Location.Status.OPEN,
            "street_address": "3 Benchmark Way",
            "city": "Hartford",
            "state": "CT",
            "postal_code": "06103",
            "phone": "(860) 555-0102",
            "email": DESK_EMAIL,
            "time_zone": TIME_ZONE,
        },
    )
    wanted = {"status": Location.Status.OPEN, "time_zone": TIME_ZONE, "booking_horizon_days": 90}
    if any(getattr(location, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(location, key, value)
        location.save()
    location.opening_hours.exclude(opens=OPENS, closes=CLOSES).delete()
    DutyException.objects.filter(location=location).delete()
    location.duty_shifts.exclude(clinician=clinician, starts=OPENS, ends=CLOSES).delete()
    for weekday in range(7):
        OpeningHours.objects.get_or_create(
            location=location, weekday=weekday, opens=OPENS, defaults={"closes": CLOSES}
        )
        DutyShift.objects.get_or_create(
            location=location,
            clinician=clinician,
            weekday=weekday,
            starts=OPENS,
            defaults={"ends": CLOSES},
        )
    chair, _ = Chair.objects.get_or_create(location=location, name="Chair 01")
    if not chair.is_active:
        chair.is_active = True
        chair.save()
    return location, chair


def _booking(location, chair, patient, desk):
    """The patient's booked infusion here at least KEEP_AHEAD ahead, or a new one (booked
    through the portal's one booking service), and whether it is new."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from infusions.booking.services import infusion_book
    from infusions.models import InfusionAppointment

    kept = (
        InfusionAppointment.objects.booked()
        .filter(patient=patient, chair=chair, starts_at__gt=timezone.now() + KEEP_AHEAD)
        .order_by("starts_at")
        .first()
    )
    if kept is not None:
        return kept, False
    zone = ZoneInfo(TIME_ZONE)
    today = location.local_time().date()
    problems = []
    for ahead in range(BOOK_AHEAD_DAYS, BOOK_AHEAD_DAYS + 14):
        starts_at = datetime.combine(today + timedelta(days=ahead), wall_time(10), tzinfo=zone)
        try:
            appointment = infusion_book(
                patient=patient, chair=chair, starts_at=starts_at, booked_by=desk
            )
        except ValidationError as error:
            problems.append(f"{starts_at:%Y-%m-%d %H:%M}: {error.messages}")
            continue
        appointment.reminders.all().delete()  # the booking's own: not the bench's rows
        return appointment, True
    raise SystemExit("could not book the bench infusion:\n" + "\n".join(problems))


def fixture(count: int) -> dict:
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from clinic.accounts.roles import Role
    from infusions.models import Reminder

    if not 1 <= count <= MAX_COUNT:
        raise SystemExit(f"--count must be 1..{MAX_COUNT} (Reminder.round is a smallint)")
    with transaction.atomic():
        clinician = bench_user(
            CLINICIAN_EMAIL, "Bench", "Clinician", Group.objects.get(name=Role.CLINICIAN.value)
        )
        location, chair = _location(clinician)
        desk_group = Group.objects.get(name=Role.FRONT_DESK.value)
        desk = bench_user(DESK_EMAIL, "Bench", "Desk", desk_group)
        patient_group = Group.objects.get(name=Role.PATIENT.value)
        patient = cleared_patient(PATIENT_EMAIL, "Reminders", location, clinician, patient_group)
    appointment, booked = _booking(location, chair, patient, desk)
    with transaction.atomic():
        deleted, _ = _rows().delete()
        due = timezone.now() - timedelta(minutes=1)
        Reminder.objects.bulk_create(
            (
                Reminder(
                    appointment=appointment,
                    kind=Reminder.Kind.CONFIRMATION,
                    for_starts_at=appointment.starts_at,
                    round=n,
                    due_at=due,
                )
                for n in range(1, count + 1)
            ),
            batch_size=2000,
        )
    other_due = (
        Reminder.objects.filter(
            status__in=[Reminder.Status.PENDING, Reminder.Status.QUEUED], due_at__lte=due
        )
        .exclude(appointment=appointment)
        .count()
    )
    return {
        "appointment": appointment.pk,
        "starts_at": timezone.localtime(appointment.starts_at, ZoneInfo(TIME_ZONE)).isoformat(),
        "booked_now": booked,
        "patient": PATIENT_EMAIL,
        "reminders": _rows().filter(status=Reminder.Status.PENDING, due_at__lte=due).count(),
        "deleted_before": deleted,
        "other_due": other_due,
    }


def _rows():
    from infusions.models import Reminder

    return Reminder.objects.filter(
        appointment__chair__location__slug=SLUG, appointment__patient__user__email=PATIENT_EMAIL
    )


def cleanup() -> dict:
    deleted, _ = _rows().delete()
    return {"deleted": deleted}


# Runs ------------------------------------------------------------------------------------


def noop(count: int) -> dict:
    from celery import group

    from clinic.celery import ping

    ping.delay().get(timeout=120)  # the worker is up and has run a task: not timed
    started = time.perf_counter()
    result = group(ping.s() for _ in range(count)).apply_async()
    answers = result.get(timeout=TIMEOUT)
    seconds = time.perf_counter() - started
    return {"tasks": count, "ok": answers.count("pong"), "seconds": seconds}


def reminders(mail_folder: str) -> dict:
    from infusions.models import Reminder
    from infusions.reminders.tasks import dispatch_reminders

    rows = _rows()
    count = rows.count()
    unsent = rows.exclude(status__in=[Reminder.Status.SENT])
    started = time.perf_counter()
    deadline = time.monotonic() + TIMEOUT
    dispatches = handed = 0
    while time.monotonic() < deadline:
        got = dispatch_reminders.delay().get(timeout=TIMEOUT)
        dispatches += 1
        handed += got
        if not got:
            break
    while unsent.exists() and time.monotonic() < deadline:
        time.sleep(POLL)
    seconds = time.perf_counter() - started

    statuses = Counter(rows.values_list("status", flat=True))
    expected = set(rows.values_list("pk", flat=True))
    found: Counter[int] = Counter()
    messages = 0
    for path in Path(mail_folder).iterdir():
        for pk, _attempt in MESSAGE_ID.findall(path.read_text(errors="replace")):
            found[int(pk)] += 1
            messages += 1
    return {
        "reminders": count,
        "seconds": seconds,
        "dispatches": dispatches,
        "handed_over": handed,
        "statuses": dict(statuses),
        "mail_files": sum(1 for _ in Path(mail_folder).iterdir()),
        "messages": messages,
        "sent": sum(1 for pk in expected if found[pk] >= 1),
        "duplicates": sum(1 for pk in expected if found[pk] > 1),
        "missing": sum(1 for pk in expected if found[pk] == 0),
        "strangers": sum(n for pk, n in found.items() if pk not in expected),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["fixture", "noop", "reminders", "cleanup"])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--mail-folder", default="")
    args = parser.parse_args(argv)
    _setup_django()
    if args.command == "fixture":
        out = fixture(args.count)
    elif args.command == "noop":
        out = noop(args.count)
    elif args.command == "reminders":
        out = reminders(args.mail_folder)
    else:
        out = cleanup()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
