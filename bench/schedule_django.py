"""The Django half of the ``schedule`` suite; bench/schedule.py runs it in a subprocess.

    python bench/schedule_django.py fixture
    python bench/schedule_django.py pages [--queries-runs 3]

with the benchmark environment (``Context.env()``: DATABASE_URL of clinic_bench, DEBUG=0).
Each command prints one JSON object on its last line of stdout and exits 0, or prints the
traceback and exits non-zero.

``fixture`` (idempotent, one transaction): the location ``bench-schedule`` (open,
America/New_York, open every day 08:00-20:00, two infusions per clinician at once) with
``CHAIRS`` chairs and ``CLINICIANS`` clinicians ``bench-schedule-clinician-N@example.com`` on
duty every day 08:00-20:00; ``FILLER_PATIENTS`` patients who never sign in; a front desk
``bench-schedule-desk@example.com`` and one cleared patient
``bench-schedule-patient@example.com`` (intake finished, consent signed, screening cleared,
no infusion booked) to sign in as. Then exactly ``APPOINTMENTS`` infusions, deleted and
recreated on every run relative to today: the *busy day* (local today + ``BUSY_DAY_AHEAD``)
holds ``BUSY_DAY``, the day after it (the *quiet day*) ``QUIET_DAY``, and the rest are spread
evenly over the other days of the ``WINDOW_DAYS`` days around the busy day. Rows are written
with ``bulk_create`` straight into the table: a fixture, not a booking. They follow the
rules anyway: on each chair starts every 90 minutes from 08:00 (45 minutes' infusion, 30 of
recovery, 10 of turnover), chairs 1-2 supervised by clinician 1, 3-4 by clinician 2 and so
on (never more than two at once each), patients in turn (never one twice at a time). Days
before today are discharged, the rest booked.

``pages``: for each page of the suite, its address (``reverse()``; a name that does not
resolve yet is reported as not available), its status and the queries one request makes
(Django's test client in this process, after an untimed request; the day board's with the
busy day's and with the quiet day's appointments), and a session cookie for each person the
load generator signs in as (a real session in the database; staff sessions verified with an
authenticator device, as after typing a code).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timedelta
from datetime import time as wall_time
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: bench/, not the repository, is on the path
    sys.path.insert(0, str(REPO))

from bench.people_django import bench_user, cleared_patient  # noqa: E402 - after the path

SLUG = "bench-schedule"
TIME_ZONE = "America/New_York"
OPENS, CLOSES = wall_time(8), wall_time(20)
CHAIRS = 12
CLINICIANS = 6
FILLER_PATIENTS = 400
APPOINTMENTS = 2000
BUSY_DAY, QUIET_DAY = 80, 20
BUSY_DAY_AHEAD = 7  # days after the local today: a day the desk plans, inside the search
WINDOW_DAYS = 60
EVERY = timedelta(minutes=90)  # starts on a chair: 85 minutes held, then 5 spare
INFUSION, RECOVERY, TURNOVER = 45, 30, 10
CLINICIAN_EMAIL = "bench-schedule-clinician-{n}@example.com"
FILLER_EMAIL = "bench-schedule-filler-{n}@example.com"
DESK_EMAIL = "bench-schedule-desk@example.com"
PATIENT_EMAIL = "bench-schedule-patient@example.com"
CONSULTATION_SLUG = "riverside"  # seed_demo's open location, with consultation hours

# Page key -> (URL name, kwargs, who signs in, query string); bench/schedule.py labels them.
PAGES = {
    "day_board": ("infusions:board_day", {}, "desk", "location={pk}&day={busy}"),
    "day_board_quiet": ("infusions:board_day", {}, "desk", "location={pk}&day={quiet}"),
    "week_board": ("infusions:board_week", {}, "desk", "location={pk}&day={busy}"),
    "infusion_booking": ("infusions:book", {}, "patient", "location={pk}"),
    "consultation_booking": (
        "patients:consultation_book",
        {"slug": CONSULTATION_SLUG},
        "patient",
        "",
    ),
}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    import django

    django.setup()


# Fixture ---------------------------------------------------------------------------------


def _location():
    from clinic.locations.models import Chair, Location, OpeningHours

    location, created = Location.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": "Bench Schedule Infusion Center",
            "status": Location.Status.OPEN,
            "street_address": "2 Benchmark Way",
            "city": "Hartford",
            "state": "CT",
            "postal_code": "06103",
            "phone": "(860) 555-0101",
            "email": "bench-schedule-desk@example.com",
            "time_zone": TIME_ZONE,
        },
    )
    wanted = {
        "status": Location.Status.OPEN,
        "time_zone": TIME_ZONE,
        "infusions_per_clinician": 2,
        "booking_horizon_days": 90,
    }
    if any(getattr(location, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(location, key, value)
        location.save()
    location.opening_hours.exclude(opens=OPENS, closes=CLOSES).delete()
    for weekday in range(7):
        OpeningHours.objects.get_or_create(
            location=location, weekday=weekday, opens=OPENS, defaults={"closes": CLOSES}
        )
    names = [f"Chair {n:02d}" for n in range(1, CHAIRS + 1)]
    location.chairs.exclude(name__in=names).update(is_active=False)
    chairs = []
    for name in names:
        chair, _ = Chair.objects.get_or_create(location=location, name=name)
        if not chair.is_active:
            chair.is_active = True
            chair.save()
        chairs.append(chair)
    return location, created, chairs


def _roster(location, clinicians):
    from infusions.models import DutyException, DutyShift

    DutyException.objects.filter(location=location).delete()
    location.duty_shifts.exclude(clinician__in=clinicians, starts=OPENS, ends=CLOSES).delete()
    for clinician in clinicians:
        for weekday in range(7):
            DutyShift.objects.get_or_create(
                location=location,
                clinician=clinician,
                weekday=weekday,
                starts=OPENS,
                defaults={"ends": CLOSES},
            )


def _fillers():
    """FILLER_PATIENTS patient records whose users never sign in, made in bulk once."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from patients.models import Patient

    users = get_user_model().objects
    emails = [FILLER_EMAIL.format(n=n) for n in range(1, FILLER_PATIENTS + 1)]
    have = set(users.filter(email__in=emails).values_list("email", flat=True))
    users.bulk_create(
        get_user_model()(
            email=email,
            first_name="Bench",
            last_name=f"Patient {n}",
            password=make_password(None),
        )
        for n, email in enumerate(emails, start=1)
        if email not in have
    )
    by_email = dict(users.filter(email__in=emails).values_list("email", "pk"))
    with_record = set(
        Patient.objects.filter(user_id__in=by_email.values()).values_list("user_id", flat=True)
    )
    Patient.objects.bulk_create(
        Patient(user_id=pk, legal_first_name="Bench", legal_last_name=email.split("@")[0])
        for email, pk in by_email.items()
        if pk not in with_record
    )
    return list(
        Patient.objects.filter(user_id__in=by_email.values())
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _cells(day, zone, chairs, clinicians):
    """Every (start, chair, supervisor) of the grid on one local day, in time order."""
    cells = []
    starts_at = datetime.combine(day, OPENS, tzinfo=zone)
    last = datetime.combine(day, CLOSES, tzinfo=zone) - timedelta(
        minutes=INFUSION + RECOVERY + TURNOVER
    )
    while starts_at <= last:
        for index, chair in enumerate(chairs):
            cells.append((starts_at, chair, clinicians[index * len(clinicians) // len(chairs)]))
        starts_at += EVERY
    return cells


def _spread(cells, count):
    if count > len(cells):
        raise RuntimeError(f"only {len(cells)} free cells for {count} appointments")
    return [cells[i * len(cells) // count] for i in range(count)]


def build_fixture() -> dict:
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.db.models import Count

    from clinic.accounts.roles import Role
    from clinic.lib.timezones import local_day_bounds
    from infusions.models import AppointmentType, InfusionAppointment, StatusChange
    from infusions.models.appointments import Status

    with transaction.atomic():
        location, created, chairs = _location()
        clinician_group = Group.objects.get(name=Role.CLINICIAN.value)
        clinicians = [
            bench_user(CLINICIAN_EMAIL.format(n=n), "Bench", f"Clinician {n}", clinician_group)
            for n in range(1, CLINICIANS + 1)
        ]
        _roster(location, clinicians)
        desk_group = Group.objects.get(name=Role.FRONT_DESK.value)
        desk = bench_user(DESK_EMAIL, "Bench", "Desk", desk_group)
        patient_group = Group.objects.get(name=Role.PATIENT.value)
        cleared = cleared_patient(PATIENT_EMAIL, "Patient", location, clinicians[0], patient_group)
        fillers = _fillers()
        kind = AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL, is_active=True)

        old = InfusionAppointment.objects.filter(chair__location=location)
        deleted = old.count()
        StatusChange.objects.filter(appointment__in=old).delete()
        old.delete()

        zone = ZoneInfo(location.time_zone)
        today = location.local_time().date()
        busy = today + timedelta(days=BUSY_DAY_AHEAD)
        quiet = busy + timedelta(days=1)
        first = busy - timedelta(days=WINDOW_DAYS // 2)
        days = [first + timedelta(days=n) for n in range(WINDOW_DAYS)]
        rest = [
            cell
            for day in days
            if day not in (busy, quiet)
            for cell in _cells(day, zone, chairs, clinicians)
        ]
        picked = sorted(
            _spread(_cells(busy, zone, chairs, clinicians), BUSY_DAY)
            + _spread(_cells(quiet, zone, chairs, clinicians), QUIET_DAY)
            + _spread(rest, APPOINTMENTS - BUSY_DAY - QUIET_DAY),
            key=lambda cell: (cell[0], cell[1].name),
        )
        today_starts, _ = local_day_bounds(today, location.time_zone)
        held = timedelta(minutes=INFUSION + RECOVERY)
        InfusionAppointment.objects.bulk_create(
            InfusionAppointment(
                patient_id=fillers[i % len(fillers)],
                chair=chair,
                appointment_type=kind,
                supervisor=supervisor,
                starts_at=starts_at,
                infusion_minutes=INFUSION,
                recovery_minutes=RECOVERY,
                turnover_minutes=TURNOVER,
                ends_at=starts_at + held,
                chair_free_at=starts_at + held + timedelta(minutes=TURNOVER),
                status=Status.DISCHARGED if starts_at < today_starts else Status.BOOKED,
                booked_by=desk,
            )
            for i, (starts_at, chair, supervisor) in enumerate(picked)
        )

        def on(day):
            starts, ends = local_day_bounds(day, location.time_zone)
            return InfusionAppointment.objects.filter(
                chair__location=location, starts_at__gte=starts, starts_at__lt=ends
            ).count()

        at_location = InfusionAppointment.objects.filter(chair__location=location)
        busiest = at_location.values("supervisor").annotate(n=Count("pk")).order_by("-n").first()
        return {
            "location": SLUG,
            "location_pk": location.pk,
            "location_created": created,
            "time_zone": location.time_zone,
            "chairs": len(chairs),
            "clinicians": len(clinicians),
            "appointments": at_location.count(),
            "busy_day": busy.isoformat(),
            "busy_day_appointments": on(busy),
            "quiet_day": quiet.isoformat(),
            "quiet_day_appointments": on(quiet),
            "first_day": days[0].isoformat(),
            "last_day": days[-1].isoformat(),
            "booked_ahead": at_location.filter(status=Status.BOOKED).count(),
            "most_for_one_clinician": busiest["n"] if busiest else 0,
            "cleared_patient_pk": cleared.pk,
            "deleted_appointments": deleted,
        }


# Pages ----------------------------------------------------------------------------------


def _session_cookie(user) -> str:
    """A signed-in session for `user`, as after typing the password and, for staff, a code
    from their authenticator app."""
    from django.conf import settings
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from clinic.accounts.second_factor import AUTHENTICATOR_NAME, second_factor_required

    client = Client()
    client.force_login(user)
    if second_factor_required(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": AUTHENTICATOR_NAME}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _count_queries(path: str, cookie_name: str, cookie: str, runs: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost")
    client.cookies[cookie_name] = cookie
    client.get(path)  # untimed: the first request of a process fills caches
    counts, status, sql = [], 0, []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        status = response.status_code
        counts.append(len(captured.captured_queries))
        sql = [q["sql"][:200] for q in captured.captured_queries]
    return {"status": status, "queries": max(counts), "query_counts": counts, "sql": sql}


def check_pages(runs: int) -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.urls import NoReverseMatch, reverse

    from clinic.lib.timezones import local_day_bounds
    from clinic.locations.models import Location
    from infusions.models import InfusionAppointment

    location = Location.objects.get(slug=SLUG)
    users = get_user_model().objects
    cookies = {
        "desk": _session_cookie(users.get(email=DESK_EMAIL)),
        "patient": _session_cookie(users.get(email=PATIENT_EMAIL)),
    }
    today = location.local_time().date()
    busy = today + timedelta(days=BUSY_DAY_AHEAD)
    quiet = busy + timedelta(days=1)
    pages = {}
    for key, (name, kwargs, who, query) in PAGES.items():
        try:
            path = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            pages[key] = {"name": name, "available": False}
            continue
        if query:
            path += "?" + query.format(pk=location.pk, busy=busy, quiet=quiet)
        found = _count_queries(path, settings.SESSION_COOKIE_NAME, cookies[who], runs)
        pages[key] = {"name": name, "available": True, "path": path, "who": who, **found}

    def on(day):
        starts, ends = local_day_bounds(day, location.time_zone)
        return InfusionAppointment.objects.filter(
            chair__location=location, starts_at__gte=starts, starts_at__lt=ends
        ).count()

    return {
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "cookies": cookies,
        "pages": pages,
        "busy_day": busy.isoformat(),
        "busy_day_appointments": on(busy),
        "quiet_day": quiet.isoformat(),
        "quiet_day_appointments": on(quiet),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/schedule_django.py")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fixture", help="(re)build the bench-schedule location and its infusions")
    pages = commands.add_parser("pages", help="addresses, statuses, queries, session cookies")
    pages.add_argument("--queries-runs", type=int, default=3)
    args = parser.parse_args(argv)
    _setup_django()
    if args.command == "fixture":
        result = build_fixture()
    else:
        result = check_pages(max(1, args.queries_runs))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
