"""The ``schedule`` suite: the front desk's day board and week view, and the patient's booking
pages, on a busy location, against ``/healthz``.

Three steps, all against the prepared benchmark database:

1. **Fixture** (``bench/schedule_django.py fixture``, a subprocess with the portal's
   environment): the location ``bench-schedule`` with 12 chairs and 6 clinicians on duty
   every day 08:00-20:00, and exactly 2,000 infusions over the 60 days around the *busy day*
   (a week ahead), which holds 80 of them; the day after it, the *quiet day*, holds 20.
   Recreated relative to today on every run.
2. **Pages** (``bench/schedule_django.py pages``, same environment): each page's address, or
   "not available" while its URL name does not resolve (pages still being built); the
   queries one request makes (the day board's on the busy and on the quiet day); and
   session cookies for the front desk and a cleared patient, so the load generator can
   sign in.
3. **HTTP**: one gunicorn in the ``persistent`` DB mode; ``/healthz`` and every available
   page measured with ``bench.http_load.measure`` for ``--seconds`` each at
   ``--concurrency``, in the http suite's ``--slices`` interleaved slices after its
   ``--warmup``, every client of a page sending the same session cookie.

Fails when the fixture is not what it should be, when an available page does not answer 200
(before or while measuring), and on any connection error. A page that is not there yet is
reported, not failed; its figures are ``null`` in ``--json``.
"""

from __future__ import annotations

import argparse

from bench.context import Context, SuiteReport
from bench.http_load import Result, combine, measure
from bench.pages import HEALTH, format_spread
from bench.server import gunicorn
from bench.subprocess_helper import HelperError, run_helper

DESCRIPTION = (
    "day board, week view and booking pages on a location with 12 chairs, 6 clinicians and "
    "2,000 infusions: req/s against /healthz and queries per page"
)
MODE = "persistent"
HELPER = "bench/schedule_django.py"
HELPER_TIMEOUT = 600  # seconds
APPOINTMENTS, BUSY_DAY, QUIET_DAY, CHAIRS, CLINICIANS = 2000, 80, 20, 12, 6

# Page key (as schedule_django.PAGES) -> what the tables call it.
LABELS = {
    "day_board": f"day board, {BUSY_DAY} infusions",
    "day_board_quiet": f"day board, {QUIET_DAY} infusions",
    "week_board": "week view",
    "infusion_booking": "infusion booking (patient)",
    "consultation_booking": "consultation booking (patient)",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "schedule suite (uses --seconds, --concurrency and the http suite's --slices, "
        "--warmup, --workers, --threads, --app)"
    )
    group.add_argument(
        "--queries-runs",
        type=int,
        default=3,
        help="schedule: requests per page whose queries are counted, after one untimed "
        "(default: 3)",
    )


def _helper(ctx: Context, *args: str) -> dict:
    return run_helper(ctx, HELPER, *args, env=ctx.env(MODE), timeout=HELPER_TIMEOUT)


def run(ctx: Context) -> SuiteReport:
    args = ctx.args
    report = SuiteReport()

    # 1. Fixture.
    try:
        fixture = _helper(ctx, "fixture")
    except HelperError as exc:
        return SuiteReport(failures=[f"fixture: {exc}"])
    report.data["fixture"] = fixture
    print(
        f"fixture: location {fixture['location']} ({fixture['time_zone']}, every day "
        f"08:00-20:00), {fixture['chairs']} chairs, {fixture['clinicians']} clinicians on duty, "
        f"{fixture['appointments']} infusions from {fixture['first_day']} to "
        f"{fixture['last_day']} ({fixture['booked_ahead']} still to come): "
        f"{fixture['busy_day_appointments']} on {fixture['busy_day']}, "
        f"{fixture['quiet_day_appointments']} on {fixture['quiet_day']}",
        flush=True,
    )
    expected = (APPOINTMENTS, BUSY_DAY, QUIET_DAY, CHAIRS, CLINICIANS)
    found = (
        fixture["appointments"],
        fixture["busy_day_appointments"],
        fixture["quiet_day_appointments"],
        fixture["chairs"],
        fixture["clinicians"],
    )
    if found != expected:
        report.failures.append(
            "fixture has (infusions, busy day, quiet day, chairs, clinicians) = "
            f"{found}, not {expected}"
        )

    # 2. The pages: which exist, their queries, and sessions to load them with.
    try:
        checked = _helper(ctx, "pages", "--queries-runs", str(args.queries_runs))
    except HelperError as exc:
        report.failures.append(f"pages: {exc}")
        return report
    pages = checked["pages"]
    report.data["pages"] = {
        key: {k: v for k, v in page.items() if k != "sql"} for key, page in pages.items()
    }
    available = {key: page for key, page in pages.items() if page["available"]}
    for key, page in pages.items():
        if not page["available"]:
            print(f"{LABELS[key]}: not available (no URL named {page['name']} yet)")
        elif page["status"] != 200:
            report.failures.append(
                f"{LABELS[key]}: GET {page['path']} answered HTTP {page['status']} "
                f"as the {page['who']}, not 200"
            )
    if report.failures:
        report.data["summary"] = summary({}, pages)
        return report

    # 3. HTTP, /healthz and every available page, in interleaved slices.
    slices = getattr(args, "slices", 5)
    warmup = getattr(args, "warmup", 1.0)
    workers, threads = getattr(args, "workers", 2), getattr(args, "threads", 4)
    if slices < 1:
        report.failures.append("--slices must be >= 1")
        return report
    targets: dict[str, tuple[str, dict[str, str]]] = {HEALTH: (HEALTH, {})}
    for key, page in available.items():
        cookie = f"{checked['cookie_name']}={checked['cookies'][page['who']]}"
        targets[key] = (page["path"], {"Cookie": cookie})
    order = list(targets)
    slice_seconds = args.seconds / slices
    print(
        f"\ngunicorn gthread, {workers} workers x {threads} threads, DB mode {MODE}; "
        f"{args.seconds:g}s per page at concurrency {args.concurrency}, in {slices} "
        f"interleaved slices of {slice_seconds:g}s; warm-up {warmup:g}s per page",
        flush=True,
    )
    parts: dict[str, list[Result]] = {key: [] for key in order}
    with gunicorn(
        getattr(args, "app", "clinic.wsgi:application"),
        ctx.env(MODE),
        cwd=ctx.repo,
        python=ctx.python,
        workers=workers,
        threads=threads,
    ) as server:
        if warmup > 0:
            for path, headers in targets.values():
                measure(server.url(path), warmup, args.concurrency, headers=headers)
        for index in range(slices):
            for key in order if index % 2 == 0 else order[::-1]:
                path, headers = targets[key]
                parts[key].append(
                    measure(
                        server.url(path),
                        slice_seconds,
                        args.concurrency,
                        owner_of=server.connection_owners,
                        owners=server.workers,
                        headers=headers,
                    )
                )
            print(f"  slice {index + 1}/{slices} done", flush=True)
    results = {key: combine(rs) for key, rs in parts.items()}

    print(f"\n== schedule pages vs /healthz (mode {MODE}, {APPOINTMENTS} infusions)")
    print(format_page_table(results, pages))
    for key, page in available.items():
        print(f"  {LABELS[key]}: GET {page['path']} as the {page['who']}")
    print(format_spread({LABELS.get(k, k): r for k, r in results.items()}), flush=True)
    report.data["http"] = {key: r.as_dict() for key, r in results.items()}
    report.data["summary"] = summary(results, pages)
    for key, result in results.items():
        if result.failed:
            report.failures.append(f"[{MODE}] {LABELS.get(key, key)}: {result.describe_failure()}")
    return report


def summary(results: dict[str, Result], pages: dict[str, dict]) -> dict:
    """The figures the issue asks for; None for a page not available (or not measured)."""
    health = results.get(HEALTH)

    def ratio(key):
        result = results.get(key)
        if result is None or health is None or not health.rps:
            return None
        return round(result.rps / health.rps, 3)

    def queries(key):
        page = pages.get(key, {})
        return page.get("queries") if page.get("available") else None

    return {
        "healthz_rps": round(health.rps, 1) if health else None,
        "day_board_ratio": ratio("day_board"),
        "day_board_ratio_20": ratio("day_board_quiet"),
        "day_board_queries_20": queries("day_board_quiet"),
        "day_board_queries_80": queries("day_board"),
        "week_board_ratio": ratio("week_board"),
        "week_board_queries": queries("week_board"),
        "infusion_booking_ratio": ratio("infusion_booking"),
        "infusion_booking_queries": queries("infusion_booking"),
        "consultation_booking_ratio": ratio("consultation_booking"),
        "consultation_booking_queries": queries("consultation_booking"),
    }


def format_page_table(results: dict[str, Result], pages: dict[str, dict]) -> str:
    """A Markdown table, so it can be pasted into bench/README.md as is; pages that are not
    there yet get a row saying so."""
    health = results.get(HEALTH)
    header = ["page", "req/s", "p50 ms", "p99 ms", "ratio to /healthz", "queries"]
    header.append("non-2xx / errors")
    rows = []
    for key in [HEALTH, *pages] if HEALTH in results else pages:
        if key in results:
            r = results[key]
            rows.append(
                [
                    LABELS.get(key, key),
                    f"{r.rps:.1f}",
                    f"{r.p50:.1f}",
                    f"{r.p99:.1f}",
                    f"{r.rps / health.rps:.2f}" if health and health.rps else "-",
                    str(pages[key]["queries"]) if key in pages else "-",
                    f"{r.non_2xx} / {r.error_count}",
                ]
            )
        else:
            shown = "not measured" if pages[key]["available"] else "not available"
            rows.append([LABELS[key], shown, "-", "-", "-", "-", "-"])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [cells[0].ljust(widths[0])]
        out += [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(out) + " |"

    rule = "|:" + "-" * (widths[0] + 1) + "|" + "|".join("-" * (w + 1) + ":" for w in widths[1:])
    return "\n".join([line(header), rule + "|", *(line(row) for row in rows)])
