"""The Django half of the ``slots`` suite; bench/slots.py runs it in a subprocess.

    python bench/slots_django.py fixture
    python bench/slots_django.py search [--searches 50] [--warmup 5]

with the benchmark environment (``Context.env()``: DATABASE_URL of clinic_bench, DEBUG=0).
Each command prints one JSON object on its last line of stdout and exits 0, or prints the
traceback and exits non-zero.

``fixture`` (idempotent, one transaction): the location ``bench-slots`` (open,
America/New_York, open every day 08:00-20:00, 30-minute consultations), five staff users
``bench-consultant-N@example.com`` in the Front desk group who take consultations there
every day 08:00-20:00, and exactly ``BOOKINGS`` booked consultations. The bookings are
deleted and recreated on every run, relative to now: they sit on the location's
30-minute grid over the next ``BOOKING_HORIZON_DAYS`` local days, from 3 hours ahead
(beyond the 2-hour minimum notice, so every one of them is inside what a search sees),
picked evenly from every (start, consultant) pair, so they spread over days, times of day
and all five consultants, and no consultant has two bookings at the same start.

``search``: times ``consultation_slots()`` exactly as the booking page calls it (first day
= the location's local today, ``BOOKING_HORIZON_DAYS`` days, now = ``timezone.now()``),
with the fixture's bookings and then with none (deleted inside a transaction that is
rolled back), and counts the queries of each search with ``CaptureQueriesContext``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from datetime import time as wall_time
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: bench/, not the repository, is on the path
    sys.path.insert(0, str(REPO))

SLUG = "bench-slots"
TIME_ZONE = "America/New_York"
OPENS, CLOSES = wall_time(8), wall_time(20)
SLOT_MINUTES = 30
CONSULTANTS = 5
CONSULTANT_EMAIL = "bench-consultant-{n}@example.com"
BOOKINGS = 500
FIRST_BOOKING_AFTER = timedelta(hours=3)  # > selectors.MINIMUM_NOTICE
QUERIES_SHOWN = 10


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    import django

    django.setup()


# Fixture ---------------------------------------------------------------------------------


def build_fixture() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.db.models import Q
    from django.utils import timezone

    from clinic.accounts.roles import Role
    from clinic.locations.models import ConsultantHours, Location, OpeningHours
    from patients.consultations.availability import local_instant
    from patients.consultations.selectors import BOOKING_HORIZON_DAYS
    from patients.models import Consultation

    with transaction.atomic():
        now = timezone.now()
        location, created = Location.objects.get_or_create(
            slug=SLUG,
            defaults={
                "name": "Bench Slots Infusion Center",
                "status": Location.Status.OPEN,
                "street_address": "1 Benchmark Way",
                "city": "Hartford",
                "state": "CT",
                "postal_code": "06103",
                "phone": "(860) 555-0100",
                "email": "bench-slots-desk@example.com",
                "time_zone": TIME_ZONE,
                "consultation_minutes": SLOT_MINUTES,
            },
        )
        wanted = {
            "status": Location.Status.OPEN,
            "time_zone": TIME_ZONE,
            "consultation_minutes": SLOT_MINUTES,
        }
        if any(getattr(location, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(location, key, value)
            location.save()  # only when someone changed it: keeps updated_at otherwise

        location.opening_hours.exclude(opens=OPENS, closes=CLOSES).delete()
        for weekday in range(7):
            OpeningHours.objects.get_or_create(
                location=location, weekday=weekday, opens=OPENS, defaults={"closes": CLOSES}
            )

        front_desk = Group.objects.get(name=Role.FRONT_DESK.value)
        staff = []
        for n in range(1, CONSULTANTS + 1):
            user, new = get_user_model().objects.get_or_create(
                email=CONSULTANT_EMAIL.format(n=n),
                defaults={"first_name": "Bench", "last_name": f"Consultant {n}"},
            )
            if new or not user.is_active or user.has_usable_password():
                user.is_active = True
                user.set_unusable_password()  # nobody logs in as a bench consultant
                user.save()
            user.groups.set([front_desk])
            staff.append(user)

        # Exactly these five, every day 08:00-20:00, and nobody else, at the location.
        location.consultant_hours.exclude(staff__in=staff, starts=OPENS, ends=CLOSES).delete()
        for user in staff:
            for weekday in range(7):
                ConsultantHours.objects.get_or_create(
                    staff=user,
                    location=location,
                    weekday=weekday,
                    starts=OPENS,
                    defaults={"ends": CLOSES},
                )

        # Every booking that the search could see: at the location, or held by one of
        # the five anywhere. Deleting sends simple_history's signals; the history rows of
        # these throw-away bookings go too, so the table does not grow run after run.
        old = Consultation.objects.filter(Q(location=location) | Q(consultant__in=staff))
        old_ids = list(old.values_list("pk", flat=True))
        old.delete()
        Consultation.history.filter(id__in=old_ids).delete()
        Consultation.history.filter(location_id=location.pk).delete()

        zone = ZoneInfo(location.time_zone)
        first_day = location.local_time(now).date()
        earliest = now + FIRST_BOOKING_AFTER
        length = timedelta(minutes=SLOT_MINUTES)
        cells = []  # (start, consultant) in time order, consultants in turn
        for offset in range(BOOKING_HORIZON_DAYS):
            day = first_day + timedelta(days=offset)
            cursor, closes = datetime.combine(day, OPENS), datetime.combine(day, CLOSES)
            while cursor + length <= closes:
                starts_at = local_instant(day, cursor.time(), zone)
                cursor += length
                if starts_at is not None and starts_at >= earliest:
                    cells += [(starts_at, user) for user in staff]
        if len(cells) < BOOKINGS:
            raise RuntimeError(f"only {len(cells)} free (start, consultant) pairs for {BOOKINGS}")
        picked = [cells[i * len(cells) // BOOKINGS] for i in range(BOOKINGS)]
        Consultation.objects.bulk_create(
            Consultation(
                location=location,
                consultant=user,
                kind=Consultation.Kind.PHONE if i % 2 else Consultation.Kind.IN_PERSON,
                starts_at=starts_at,
                ends_at=starts_at + length,
                full_name=f"Bench Visitor {i}",
                email=f"bench-visitor-{i}@example.com",
                phone="(860) 555-0199",
            )
            for i, (starts_at, user) in enumerate(picked)
        )

        booked = Consultation.objects.booked().filter(location=location)
        per_consultant = sorted(booked.filter(consultant=user).count() for user in staff)
        return {
            "location": SLUG,
            "location_created": created,
            "time_zone": location.time_zone,
            "consultants": len(staff),
            "bookings": booked.count(),
            "bookings_per_consultant": per_consultant,
            "first_day": first_day.isoformat(),
            "first_booking": picked[0][0].isoformat(),
            "last_booking": picked[-1][0].isoformat(),
            "grid_pairs": len(cells),
            "deleted_bookings": len(old_ids),
        }


# Search ----------------------------------------------------------------------------------


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


def _measure(location, searches: int, warmup: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from patients.consultations.selectors import BOOKING_HORIZON_DAYS, consultation_slots
    from patients.models import Consultation

    def search():
        now = timezone.now()
        first_day = location.local_time(now).date()  # as selectors.bookable_days
        return consultation_slots(
            location=location, first_day=first_day, days=BOOKING_HORIZON_DAYS, now=now
        )

    for _ in range(warmup):
        search()
    timings = []
    for _ in range(searches):
        started = time.perf_counter()
        search()
        timings.append((time.perf_counter() - started) * 1000)
    # Counted apart from the timed searches: capturing makes every query a bit slower.
    counts, sql, slots = [], [], []
    for _ in range(5):
        with CaptureQueriesContext(connection) as captured:
            slots = search()
        counts.append(len(captured.captured_queries))
        sql = [q["sql"][:300] for q in captured.captured_queries[:QUERIES_SHOWN]]
    staff_ids = {h.staff_id for h in location.consultant_hours.filter(staff__is_active=True)}
    return {
        "bookings": Consultation.objects.booked().filter(consultant_id__in=staff_ids).count(),
        "searches": searches,
        "mean_ms": statistics.fmean(timings),
        "p50_ms": _percentile(timings, 50),
        "p95_ms": _percentile(timings, 95),
        "min_ms": min(timings),
        "max_ms": max(timings),
        "queries": max(counts),
        "query_counts": counts,  # one per counted search; all equal unless caching kicks in
        "sql": sql,
        "free_slots": len(slots),
        "free_staff_slots": sum(len(s.free_staff_ids) for s in slots),
    }


def run_search(searches: int, warmup: int) -> dict:
    from django.db import transaction

    from clinic.locations.models import Location
    from patients.models import Consultation

    location = Location.objects.get(slug=SLUG)
    with_bookings = _measure(location, searches, warmup)
    with transaction.atomic():
        staff_ids = list(location.consultant_hours.values_list("staff_id", flat=True))
        Consultation.objects.filter(consultant_id__in=staff_ids).delete()
        without = _measure(location, searches, warmup)
        transaction.set_rollback(True)  # the bookings come back
    return {"with_bookings": with_bookings, "without_bookings": without}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/slots_django.py")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fixture", help="(re)build the bench-slots location and its bookings")
    search = commands.add_parser("search", help="time and count consultation_slots()")
    search.add_argument("--searches", type=int, default=50)
    search.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args(argv)
    _setup_django()
    if args.command == "fixture":
        result = build_fixture()
    else:
        result = run_search(max(1, args.searches), max(0, args.warmup))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
