"""The ``http`` suite: public pages through gunicorn, per DB connection mode.

For each mode it starts gunicorn, waits for /healthz, warms every path up, then measures
/healthz and each page one after the other against the same server, and prints a
table. The ratio column divides a page's req/s by /healthz's req/s from the same mode
and run, which factors out most of the machine: /healthz is the cost of the request
cycle plus one trivial query, so the ratio is what rendering the page costs on top.
"""

from __future__ import annotations

import argparse
import math

from bench.context import Context, SuiteReport
from bench.http_load import Result, measure
from bench.prepare import MODES
from bench.server import gunicorn

DESCRIPTION = "public pages under gunicorn, persistent DB connections vs psycopg pool"
HEALTH = "/healthz"
HOME = "/"


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("http suite")
    group.add_argument(
        "--modes",
        type=_csv,
        default=list(MODES),
        help=f"comma-separated DB modes out of {', '.join(MODES)} (default: all)",
    )
    group.add_argument(
        "--paths",
        nargs="+",
        default=["/", "/faq/"],
        help="pages to measure besides /healthz (default: / /faq/)",
    )
    group.add_argument(
        "--warmup", type=float, default=1.0, help="seconds of warm-up per path (default: 1)"
    )
    group.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: 2)")
    group.add_argument(
        "--threads", type=int, default=4, help="gthread threads per worker (default: 4)"
    )
    group.add_argument(
        "--app", default="clinic.wsgi:application", help="WSGI application for gunicorn"
    )


def run(ctx: Context) -> SuiteReport:
    args = ctx.args
    unknown = [m for m in args.modes if m not in MODES]
    if unknown:
        return SuiteReport(failures=[f"unknown DB mode(s) {unknown}; choose from {list(MODES)}"])
    paths = [HEALTH, *(p for p in dict.fromkeys(args.paths) if p != HEALTH)]
    report = SuiteReport(data={"modes": {}})
    results: dict[str, dict[str, Result]] = {}

    for mode in args.modes:
        settings = " ".join(f"{k}={v}" for k, v in MODES[mode].items())
        print(
            f"\n== mode: {mode} ({settings}); gunicorn gthread {args.workers} workers x "
            f"{args.threads} threads; {args.seconds:g}s per path at concurrency "
            f"{args.concurrency}",
            flush=True,
        )
        with gunicorn(
            args.app,
            ctx.env(mode),
            cwd=ctx.repo,
            python=ctx.python,
            workers=args.workers,
            threads=args.threads,
        ) as server:
            if args.warmup > 0:
                for path in paths:
                    measure(server.url(path), args.warmup, args.concurrency)
            results[mode] = {}
            for path in paths:
                result = measure(server.url(path), args.seconds, args.concurrency)
                results[mode][path] = result
                if result.failed:
                    report.failures.append(f"[{mode}] GET {path}: {result.describe_failure()}")
        print(format_table(results[mode]), flush=True)
        report.data["modes"][mode] = {p: r.as_dict() for p, r in results[mode].items()}

    if len(results) > 1:
        print(format_comparison(results, paths), flush=True)
    return report


def _ratio(result: Result, health: Result | None) -> str:
    if health is None or not health.rps:
        return "-"
    return f"{result.rps / health.rps:.2f}"


def _fmt(value: float, digits: int) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def format_table(by_path: dict[str, Result]) -> str:
    """A Markdown table, so it can be pasted into bench/README.md as is."""
    health = by_path.get(HEALTH)
    header = ["path", "req/s", "p50 ms", "p99 ms", "ratio to /healthz", "non-2xx / errors"]
    rows = [
        [
            path,
            f"{r.rps:.1f}",
            _fmt(r.p50, 1),
            _fmt(r.p99, 1),
            _ratio(r, health),
            f"{r.non_2xx} / {r.error_count}",
        ]
        for path, r in by_path.items()
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [cells[0].ljust(widths[0])]
        out += [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(out) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 1) + ":" if i else ":" + "-" * (w + 1) for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def format_comparison(results: dict[str, dict[str, Result]], paths: list[str]) -> str:
    lines = ["\n== faster DB mode per path (req/s; differences under ~5% are noise)"]
    for path in paths:
        figures = {mode: by_path[path].rps for mode, by_path in results.items()}
        ranked = sorted(figures.items(), key=lambda item: item[1], reverse=True)
        (best, best_rps), (_, second_rps) = ranked[0], ranked[1]
        lead = (best_rps / second_rps - 1) * 100 if second_rps else math.inf
        detail = ", ".join(f"{mode} {rps:.1f}" for mode, rps in figures.items())
        lines.append(f"{path}: {best} by {lead:.1f}% ({detail})")
    return "\n".join(lines)
