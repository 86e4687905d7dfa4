"""Benchmarks for the clinic portal. Run from the repository root:

    python bench/run.py [--seconds N] [--concurrency C] [--modes persistent,pool]
                        [--paths / /faq/] [--suite http,slots,consent,schedule,reminders]

(``python -m bench`` does the same.) It creates the PostgreSQL database ``clinic_bench``
if needed, runs migrate / seed_demo / collectstatic once, then runs the chosen suites.
Exit status: 0 when every request of every suite succeeded, 1 when anything failed
(non-2xx, connection errors, setup), 130 on Ctrl-C. See bench/README.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # `python bench/run.py` puts bench/, not the repo, on the path
    sys.path.insert(0, str(REPO))

from bench.context import Context  # noqa: E402
from bench.prepare import (  # noqa: E402
    PrepareError,
    app_env,
    ensure_database,
    machine_description,
    prepare_app,
)
from bench.server import ServerError  # noqa: E402

# Suite name -> module in bench/ (see bench/context.py for what a module provides).
# Later benchmarks plug in here, e.g. "search": "bench.search".
SUITES: dict[str, str] = {
    "http": "bench.pages",
    "slots": "bench.slots",
    "consent": "bench.consent",
    "schedule": "bench.schedule",
    "reminders": "bench.reminders",
}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/clinic_bench"


def _load_suites() -> dict[str, ModuleType]:
    return {name: importlib.import_module(module) for name, module in SUITES.items()}


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def build_parser(suites: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="Benchmark the clinic portal.",
        epilog="suites: "
        + "; ".join(f"{name} = {mod.DESCRIPTION}" for name, mod in suites.items()),
    )
    parser.add_argument(
        "--suite",
        type=_csv,
        default=list(suites),
        help=f"comma-separated suites to run, out of {', '.join(suites)} (default: all)",
    )
    parser.add_argument(
        "--seconds", type=float, default=5.0, help="measuring time per case (default: 5)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=8, help="requests in flight (default: 8)"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="benchmark database, created if missing (default: $BENCH_DATABASE_URL or "
        f"{DEFAULT_DATABASE_URL})",
    )
    parser.add_argument(
        "--skip-prepare",
        action="store_true",
        help="skip migrate / seed_demo / collectstatic (the database must be ready)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    for mod in suites.values():
        if hasattr(mod, "add_arguments"):
            mod.add_arguments(parser)
    return parser


def _terminate(signum: int, _frame: object) -> None:
    # Turn SIGTERM into an exception so the `finally`/`with` blocks stop gunicorn.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminate)
    suites = _load_suites()
    args = build_parser(suites).parse_args(argv)
    unknown = [name for name in args.suite if name not in suites]
    if unknown:
        print(f"bench: unknown suite(s) {unknown}; available: {list(suites)}", file=sys.stderr)
        return 2
    if args.seconds <= 0 or args.concurrency < 1:
        print("bench: --seconds must be > 0 and --concurrency >= 1", file=sys.stderr)
        return 2

    failures: list[str] = []
    output: dict = {}
    try:
        created = ensure_database(args.database_url)
        if not args.skip_prepare:
            print(
                f"preparing {'new' if created else 'existing'} database "
                f"{args.database_url.rsplit('/', 1)[-1]}: migrate, seed_demo, collectstatic",
                flush=True,
            )
            prepare_app(app_env(args.database_url))
        machine = machine_description(args.database_url)
        print(f"machine: {machine}", flush=True)
        output["machine"] = machine
        ctx = Context(
            args=args,
            repo=REPO,
            python=sys.executable,
            database_url=args.database_url,
            machine=machine,
        )
        for name in args.suite:
            print(f"\n# suite: {name}", flush=True)
            report = suites[name].run(ctx)
            failures += [f"{name}: {failure}" for failure in report.failures]
            output[name] = report.data
    except (PrepareError, ServerError) as exc:
        failures.append(str(exc))
    except KeyboardInterrupt:
        print("\nbench: interrupted; servers stopped.", file=sys.stderr)
        return 130

    if args.json:
        output["failures"] = failures
        args.json.write_text(json.dumps(output, indent=2) + "\n")

    if failures:
        print("\nBENCHMARK FAILED:", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        print(
            "Any figures above include failed requests and are not valid; "
            "fix the errors and rerun.",
            file=sys.stderr,
        )
        return 1
    print("\nbench: all requests succeeded.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
