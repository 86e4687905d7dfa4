"""The ``http`` suite: public pages through gunicorn, per DB connection mode.

It starts one gunicorn per DB mode (all at once), waits for /healthz on each, warms
every path up, then measures /healthz and each page. The ``--seconds`` of measuring
per (mode, path) are cut into ``--slices`` slices that are interleaved: slice 1 of /healthz
on mode A, then on mode B, then / on A, on B, ..., and the mode order flips every round
(A B, B A, A B, ...). Anything else happening on the machine (a test suite, a browser,
CPU boost running out) then hits every mode and path alike instead of whichever
happened to run last. An A/A check with a DB-free app, measured mode after mode,
showed up to 39% "difference" between two identical servers on a shared 2-core box;
interleaved, the same check stayed within 6%. ``--sequential`` restores
mode-after-mode (one server at a time).

The ratio column divides a page's req/s by /healthz's req/s in the same mode and run,
which factors out most of the machine: /healthz is the request cycle plus a trivial
query, so the ratio says what building the page costs on top.
"""

from __future__ import annotations

import argparse
import math
import statistics
from contextlib import ExitStack

from bench.context import Context, SuiteReport
from bench.http_load import Result, combine, measure
from bench.prepare import MODES
from bench.server import Server, gunicorn

DESCRIPTION = "public pages under gunicorn, persistent DB connections vs psycopg pool"
HEALTH = "/healthz"


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
        "--slices",
        type=int,
        default=5,
        help="interleaved slices the --seconds of each (mode, path) are cut into (default: 5)",
    )
    group.add_argument(
        "--sequential",
        action="store_true",
        help="one mode after the other, one server at a time, instead of interleaving",
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
    modes = list(dict.fromkeys(args.modes))
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        return SuiteReport(failures=[f"unknown DB mode(s) {unknown}; choose from {list(MODES)}"])
    if args.slices < 1:
        return SuiteReport(failures=["--slices must be >= 1"])
    paths = [HEALTH, *(p for p in dict.fromkeys(args.paths) if p != HEALTH)]
    slice_seconds = args.seconds / args.slices

    print(
        f"gunicorn gthread, {args.workers} workers x {args.threads} threads per mode; "
        f"{args.seconds:g}s per (mode, path) at concurrency {args.concurrency}, in "
        f"{args.slices} {'consecutive' if args.sequential else 'interleaved'} slices "
        f"of {slice_seconds:g}s; warm-up {args.warmup:g}s per path",
        flush=True,
    )
    slices: dict[str, dict[str, list[Result]]] = {m: {p: [] for p in paths} for m in modes}
    groups = [[m] for m in modes] if args.sequential else [modes]
    for group in groups:
        with ExitStack() as stack:
            servers: dict[str, Server] = {}
            for mode in group:
                servers[mode] = stack.enter_context(
                    gunicorn(
                        args.app,
                        ctx.env(mode),
                        cwd=ctx.repo,
                        python=ctx.python,
                        workers=args.workers,
                        threads=args.threads,
                    )
                )
            if args.warmup > 0:
                for server in servers.values():
                    for path in paths:
                        measure(server.url(path), args.warmup, args.concurrency)
            for index in range(args.slices):
                order = group if index % 2 == 0 else group[::-1]
                for path in paths:
                    for mode in order:
                        server = servers[mode]
                        slices[mode][path].append(
                            measure(
                                server.url(path),
                                slice_seconds,
                                args.concurrency,
                                owner_of=server.connection_owners,
                                owners=server.workers,
                            )
                        )
                print(f"  {'+'.join(group)}: slice {index + 1}/{args.slices} done", flush=True)

    report = SuiteReport(data={"slices": args.slices, "modes": {}})
    results = {m: {p: combine(rs) for p, rs in by_path.items()} for m, by_path in slices.items()}
    for mode, by_path in results.items():
        settings = " ".join(f"{k}={v}" for k, v in MODES[mode].items())
        print(f"\n== mode: {mode} ({settings})")
        print(format_table(by_path))
        print(format_spread(by_path), flush=True)
        report.data["modes"][mode] = {p: r.as_dict() for p, r in by_path.items()}
        for path, result in by_path.items():
            if result.failed:
                report.failures.append(f"[{mode}] GET {path}: {result.describe_failure()}")
    if len(modes) > 1:
        print(format_comparison(results, slices, paths), flush=True)
    return report


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
            f"{r.rps / health.rps:.2f}" if health and health.rps else "-",
            f"{r.non_2xx} / {r.error_count}",
        ]
        for path, r in by_path.items()
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [cells[0].ljust(widths[0])]
        out += [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(out) + " |"

    rule = "|:" + "-" * (widths[0] + 1) + "|" + "|".join("-" * (w + 1) + ":" for w in widths[1:])
    return "\n".join([line(header), rule + "|", *(line(row) for row in rows)])


def format_spread(by_path: dict[str, Result]) -> str:
    """How the keep-alive connections sat on the gunicorn workers while measuring."""
    parts = []
    for path, r in by_path.items():
        spread = "+".join(map(str, r.spread)) if r.spread else "unknown"
        extra = f", {r.connections} reconnects" if r.connections else ""
        parts.append(f"{path} {spread}{extra}")
    return "connections per worker (most uneven slice): " + "; ".join(parts)


def format_comparison(
    results: dict[str, dict[str, Result]],
    slices: dict[str, dict[str, list[Result]]],
    paths: list[str],
) -> str:
    """Which mode served more req/s per path, and whether that beats the noise.

    Slices of two modes measured back to back form pairs. The mean and standard error
    of the per-pair log ratio of req/s say how much of the lead could be chance; a lead
    under 2 standard errors is reported as within noise.
    """
    lines = ["\n== faster DB mode per path (req/s over all slices)"]
    for path in paths:
        figures = {mode: by_path[path].rps for mode, by_path in results.items()}
        ranked = sorted(figures, key=figures.__getitem__, reverse=True)
        best, second = ranked[0], ranked[1]
        lead = (figures[best] / figures[second] - 1) * 100 if figures[second] else math.inf
        paired = [
            (a.rps, b.rps)
            for a, b in zip(slices[best][path], slices[second][path], strict=True)
            if a.rps and b.rps
        ]
        wins = sum(a > b for a, b in paired)
        line = (
            f"{path}: {best} {figures[best]:.1f} vs {second} {figures[second]:.1f} req/s "
            f"(+{lead:.1f}%); {best} ahead in {wins}/{len(paired)} paired slices"
        )
        if len(paired) > 1:
            logs = [math.log(a / b) for a, b in paired]
            mean = statistics.fmean(logs)
            stderr = statistics.stdev(logs) / math.sqrt(len(logs))
            verdict = "within noise" if abs(mean) < 2 * stderr else "beyond noise"
            line += (
                f", paired difference {math.expm1(mean) * 100:+.1f}% "
                f"± {math.expm1(stderr) * 100:.1f}% (1 SE): {verdict}"
            )
        lines.append(line)
    return "\n".join(lines)
