"""The Django half of the ``reminders`` suite; bench/reminders.py runs it in a subprocess.

    python bench/reminders_django.py noop --count N
    python bench/reminders_django.py reminders --count N --mail-folder DIR
    python bench/reminders_django.py cleanup

with the benchmark environment plus a Redis broker and result backend (a real worker,
started by the suite, does the work) and ``EMAIL_URL=filemail://DIR``. Each prints one JSON
object on its last line.

``noop``: sends N ``clinic.celery.ping`` tasks and waits for every result: N / seconds.
``reminders``: N reminders of one booked infusion ahead (seed_demo's), all due a minute ago
(one per ``round``, as if booked again and again), handed to the worker as beat's dispatcher
does (``reminders_claim_due`` and a ``send_reminder`` task per row, 500 at a time), timed until
every row is sent; then the file mailer's files are read for each reminder's Message-ID:
how many went out twice, how many not at all.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIRST_ROUND = 10_000  # the bench's rows, apart from the booking's own
TIMEOUT = 1800  # seconds


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    import django

    django.setup()


def noop(count: int) -> dict:
    from celery import group

    from clinic.celery import ping

    started = time.perf_counter()
    result = group(ping.s() for _ in range(count)).apply_async()
    answers = result.get(timeout=TIMEOUT)
    seconds = time.perf_counter() - started
    return {"tasks": count, "ok": answers.count("pong"), "seconds": seconds}


def _appointment():
    from django.utils import timezone

    from infusions.models import InfusionAppointment

    return (
        InfusionAppointment.objects.booked()
        .filter(starts_at__gt=timezone.now() + timedelta(days=1))
        .order_by("starts_at")
        .first()
    )


def cleanup() -> dict:
    from infusions.models import Reminder

    deleted, _ = Reminder.objects.filter(round__gte=FIRST_ROUND).delete()
    return {"deleted": deleted}


def reminders(count: int, mail_folder: str) -> dict:
    from django.utils import timezone

    from infusions.models import Reminder
    from infusions.reminders.delivery import reminders_claim_due
    from infusions.reminders.tasks import send_reminder

    cleanup()
    appointment = _appointment()
    if appointment is None:
        raise SystemExit("no booked infusion ahead in the bench database (seed_demo makes them)")
    due = timezone.now() - timedelta(minutes=1)
    Reminder.objects.bulk_create(
        Reminder(
            appointment=appointment,
            kind=Reminder.Kind.CONFIRMATION,
            for_starts_at=appointment.starts_at,
            round=FIRST_ROUND + n,
            due_at=due,
        )
        for n in range(count)
    )
    rows = Reminder.objects.filter(round__gte=FIRST_ROUND)
    started = time.perf_counter()
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for reminder_id in reminders_claim_due():
            send_reminder.delay(reminder_id=reminder_id)
        if not rows.exclude(status=Reminder.Status.SENT).exists():
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    sent_statuses = Counter(rows.values_list("status", flat=True))
    pattern = re.compile(r"^Message-ID:\s*<[^>]*reminder-(\d+)\.\d+@", re.M)
    sent = Counter(
        int(pk) for path in Path(mail_folder).iterdir() for pk in pattern.findall(path.read_text())
    )
    expected = set(rows.values_list("pk", flat=True))
    result = {
        "reminders": count,
        "seconds": seconds,
        "statuses": dict(sent_statuses),
        "sent": sum(1 for pk in expected if sent[pk] >= 1),
        "duplicates": sum(1 for pk in expected if sent[pk] > 1),
        "missing": sum(1 for pk in expected if sent[pk] == 0),
    }
    cleanup()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["noop", "reminders", "cleanup"])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--mail-folder", default="")
    args = parser.parse_args()
    _setup_django()
    if args.command == "noop":
        out = noop(args.count)
    elif args.command == "reminders":
        out = reminders(args.count, args.mail_folder)
    else:
        out = cleanup()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
