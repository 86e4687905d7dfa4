"""The ``slots`` suite: the free-consultation-slot search, and the booking page built on it.

Three steps, all against the prepared benchmark database:

1. **Fixture** (``bench/slots_django.py fixture``, a subprocess with the portal's
   environment): the location ``bench-slots`` with 5 consultation staff who work there
   every day 08:00-20:00, and exactly 500 booked consultations over the next 30 days,
   recreated relative to now on every run.
2. **Search** (``bench/slots_django.py search``, same environment): ``consultation_slots()``
   as the booking page calls it (the location's local today, 30 days, now), ``--searches``
   timed calls after ``--search-warmup`` untimed ones, with the 500 bookings and again
   with none (deleted in a transaction that is rolled back). Queries per search are
   counted with ``CaptureQueriesContext`` outside the timed calls.
3. **HTTP**: one gunicorn in the ``persistent`` DB mode; ``/healthz`` and the booking page
   ``/consultation/bench-slots/`` measured with ``bench.http_load.measure`` for
   ``--seconds`` each at ``--concurrency``, cut into the http suite's ``--slices``
   interleaved slices (``/healthz``, page, ``/healthz``, page, ...), after its
   ``--warmup``; gunicorn has its ``--workers`` and ``--threads``.

Fails when a search makes more than 10 queries, when the number of queries differs between
0 and 500 bookings, when the fixture is not what it should be or the page shows no free
time, and on any non-2xx or connection error. The 50 ms aim for a search is reported, met
or not, but does not fail the run.
"""

from __future__ import annotations

import argparse
import http.client
from urllib.parse import urlsplit

from bench.context import Context, SuiteReport
from bench.http_load import Result, combine, measure
from bench.pages import HEALTH, format_spread, format_table
from bench.server import gunicorn
from bench.subprocess_helper import HelperError, run_helper

DESCRIPTION = (
    "open consultation slots over 30 days (5 staff, 500 bookings): ms and queries per "
    "search, booking page req/s"
)
SLUG = "bench-slots"
PAGE = f"/consultation/{SLUG}/"
MODE = "persistent"
BOOKINGS = 500
CONSULTANTS = 5
MAX_QUERIES = 10
AIM_MS = 50.0
HELPER = "bench/slots_django.py"
HELPER_TIMEOUT = 600  # seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "slots suite (also uses --seconds, --concurrency and the http suite's --slices, "
        "--warmup, --workers, --threads, --app for the booking page)"
    )
    group.add_argument(
        "--searches",
        type=int,
        default=50,
        help="timed slot searches with 500 bookings, and again with none (default: 50)",
    )
    group.add_argument(
        "--search-warmup",
        type=int,
        default=5,
        help="untimed slot searches before each timed series (default: 5)",
    )


def _helper(ctx: Context, *args: str) -> dict:
    """Run bench/slots_django.py in the portal's environment; its last stdout line is JSON."""
    return run_helper(ctx, HELPER, *args, env=ctx.env(MODE), timeout=HELPER_TIMEOUT)


def _page_check(url: str) -> str:
    """'' when the booking page answers 200 with slots to pick, else what is wrong."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", parts.path)
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as exc:
        return f"GET {parts.path}: {type(exc).__name__}: {exc}"
    finally:
        conn.close()
    if response.status != 200:
        return f"GET {parts.path}: HTTP {response.status}"
    if 'name="slot"' not in body:
        return f"GET {parts.path} shows no slot to pick (no free time?)"
    return ""


def run(ctx: Context) -> SuiteReport:
    args = ctx.args
    report = SuiteReport()
    if args.searches < 1 or args.search_warmup < 0:
        return SuiteReport(failures=["--searches must be >= 1 and --search-warmup >= 0"])

    # 1. Fixture.
    try:
        fixture = _helper(ctx, "fixture")
    except HelperError as exc:
        return SuiteReport(failures=[f"fixture: {exc}"])
    report.data["fixture"] = fixture
    print(
        f"fixture: location {SLUG} ({fixture['time_zone']}, every day 08:00-20:00, 30-minute "
        f"slots), {fixture['consultants']} consultants, {fixture['bookings']} bookings "
        f"({'+'.join(map(str, fixture['bookings_per_consultant']))} per consultant) from "
        f"{fixture['first_booking'][:16]} to {fixture['last_booking'][:16]} UTC",
        flush=True,
    )
    if fixture["bookings"] != BOOKINGS or fixture["consultants"] != CONSULTANTS:
        report.failures.append(
            f"fixture has {fixture['consultants']} consultants and {fixture['bookings']} "
            f"bookings, not {CONSULTANTS} and {BOOKINGS}"
        )

    # 2. Slot search.
    try:
        search = _helper(
            ctx, "search", "--searches", str(args.searches), "--warmup", str(args.search_warmup)
        )
    except HelperError as exc:
        report.failures.append(f"search: {exc}")
        return report
    report.data["search"] = search
    full, empty = search["with_bookings"], search["without_bookings"]
    print(
        f"\n== slot search: consultation_slots(), {fixture['first_day']} + 30 days, "
        f"{args.searches} timed searches per row after {args.search_warmup} untimed"
    )
    print(format_search_table([empty, full]))
    constant = (
        full["queries"] == empty["queries"]
        and len(set(full["query_counts"]) | set(empty["query_counts"])) == 1
    )
    queries_ok = constant and full["queries"] <= MAX_QUERIES
    fast = full["mean_ms"] < AIM_MS
    print(
        f"aim, queries: {full['queries']} per search with {full['bookings']} bookings, "
        f"{empty['queries']} with {empty['bookings']}: "
        + ("constant and" if constant else "NOT constant,")
        + f" {'within' if full['queries'] <= MAX_QUERIES else 'OVER'} the limit of "
        f"{MAX_QUERIES}: {'met' if queries_ok else 'NOT MET'}"
    )
    print(
        f"aim, time: {full['mean_ms']:.1f} ms per search (p95 {full['p95_ms']:.1f} ms) "
        f"with {full['bookings']} bookings, aim under {AIM_MS:g} ms: "
        f"{'met' if fast else 'NOT MET (reported, not a failure)'}",
        flush=True,
    )
    report.data["aims"] = {"queries_met": queries_ok, "under_50ms_met": fast}
    if full["bookings"] != BOOKINGS or empty["bookings"] != 0:
        report.failures.append(
            f"search saw {full['bookings']} and {empty['bookings']} bookings, not {BOOKINGS} and 0"
        )
    if not constant:
        report.failures.append(
            f"queries per search differ: {empty['query_counts']} with 0 bookings, "
            f"{full['query_counts']} with {full['bookings']}"
        )
    if full["queries"] > MAX_QUERIES or empty["queries"] > MAX_QUERIES:
        report.failures.append(
            f"{max(full['queries'], empty['queries'])} queries per search, limit "
            f"{MAX_QUERIES}; first ones: " + " / ".join(full["sql"])
        )
    if not full["free_slots"]:
        report.failures.append("the search found no free slot with 500 bookings")

    # 3. The booking page against /healthz.
    slices = getattr(args, "slices", 5)
    warmup = getattr(args, "warmup", 1.0)
    workers, threads = getattr(args, "workers", 2), getattr(args, "threads", 4)
    if slices < 1:
        report.failures.append("--slices must be >= 1")
        return report
    paths = [HEALTH, PAGE]
    slice_seconds = args.seconds / slices
    print(
        f"\ngunicorn gthread, {workers} workers x {threads} threads, DB mode {MODE}; "
        f"{args.seconds:g}s per path at concurrency {args.concurrency}, in {slices} "
        f"interleaved slices of {slice_seconds:g}s; warm-up {warmup:g}s per path",
        flush=True,
    )
    parts: dict[str, list[Result]] = {p: [] for p in paths}
    with gunicorn(
        getattr(args, "app", "clinic.wsgi:application"),
        ctx.env(MODE),
        cwd=ctx.repo,
        python=ctx.python,
        workers=workers,
        threads=threads,
    ) as server:
        problem = _page_check(server.url(PAGE))
        if problem:
            report.failures.append(problem)
            return report
        if warmup > 0:
            for path in paths:
                measure(server.url(path), warmup, args.concurrency)
        for index in range(slices):
            for path in paths if index % 2 == 0 else paths[::-1]:
                parts[path].append(
                    measure(
                        server.url(path),
                        slice_seconds,
                        args.concurrency,
                        owner_of=server.connection_owners,
                        owners=server.workers,
                    )
                )
            print(f"  slice {index + 1}/{slices} done", flush=True)
    results = {p: combine(rs) for p, rs in parts.items()}
    print(f"\n== booking page vs /healthz (mode {MODE}, {BOOKINGS} bookings)")
    print(format_table(results))
    print(format_spread(results), flush=True)
    report.data["http"] = {p: r.as_dict() for p, r in results.items()}
    for path, result in results.items():
        if result.failed:
            report.failures.append(f"[{MODE}] GET {path}: {result.describe_failure()}")
    return report


def format_search_table(rows: list[dict]) -> str:
    """A Markdown table, so it can be pasted into bench/README.md as is."""
    header = [
        "bookings",
        "mean ms",
        "p50 ms",
        "p95 ms",
        "max ms",
        "queries / search",
        "free slots",
        "free staff-slots",
    ]
    cells = [
        [
            str(r["bookings"]),
            f"{r['mean_ms']:.1f}",
            f"{r['p50_ms']:.1f}",
            f"{r['p95_ms']:.1f}",
            f"{r['max_ms']:.1f}",
            str(r["queries"]),
            str(r["free_slots"]),
            str(r["free_staff_slots"]),
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in cells)])
