"""The ``reminders`` suite: sending due preparation reminders through a real Celery worker.

One worker (``celery -A clinic worker --concurrency 2``) on a real Redis broker
(``--reminders-broker``, flushed first) and the benchmark database, its e-mail going to the
file mailer in a throw-away folder. In one run, against that same worker:

1. **No-op**: ``--reminders`` ``clinic.celery.ping`` tasks, sent at once, timed until every
   result is back: the worker's rate for tasks that do nothing.
2. **Reminders**: as many due reminders of one booked infusion (seed_demo's), handed over as
   beat's dispatcher does (``reminders_claim_due`` and a ``send_reminder`` task per row),
   timed until every row is sent; then each reminder's Message-ID is looked for in the mail
   files: duplicates and missing ones (both must be 0, or the suite fails).

Prints reminders per second, no-op tasks per second and their ratio (aim: at least 0.25,
reported, never a failure). ``--json`` writes ``reminders.summary``: ``sent``,
``duplicates``, ``missing``, ``ratio_to_noop`` (bench/README.md).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import tempfile
import time

from bench.context import Context, SuiteReport
from bench.subprocess_helper import HelperError, run_helper

DESCRIPTION = (
    "preparation reminders: sent per second by one Celery worker on Redis, against the same "
    "worker's no-op tasks; duplicates and missing ones"
)
MODE = "persistent"
AIM_RATIO = 0.25
HELPER = "bench/reminders_django.py"
HELPER_TIMEOUT = 2400  # seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reminders suite")
    group.add_argument(
        "--reminders", type=int, default=10_000, help="reminders, and no-op tasks (default: 10000)"
    )
    group.add_argument(
        "--reminders-broker",
        default="redis://127.0.0.1:6379/12",
        help="a Redis database for the broker and results, flushed first "
        "(default: redis://127.0.0.1:6379/12)",
    )


def _env(ctx: Context, mail_folder: str) -> dict[str, str]:
    broker = ctx.args.reminders_broker
    return {
        **ctx.env(MODE),
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "EMAIL_URL": f"filemail://{mail_folder}",
    }


def _flush(broker: str) -> None:
    database = broker.rsplit("/", 1)[-1] or "0"
    subprocess.run(["redis-cli", "-n", database, "flushdb"], check=True, capture_output=True)  # noqa: S603, S607


def _start_worker(ctx: Context, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own worker, with our own interpreter
        [
            ctx.python,
            "-m",
            "celery",
            "-A",
            "clinic",
            "worker",
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ctx.repo,
        env={**env, "DJANGO_SETTINGS_MODULE": "clinic.settings"},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(worker: subprocess.Popen) -> None:
    try:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(worker.pid, signal.SIGKILL)


def run(ctx: Context) -> SuiteReport:
    count = ctx.args.reminders
    if count < 1:
        return SuiteReport(failures=["--reminders must be >= 1"])
    report = SuiteReport()
    with tempfile.TemporaryDirectory(prefix="bench-reminders-mail-") as mail_folder:
        env = _env(ctx, mail_folder)
        _flush(ctx.args.reminders_broker)
        worker = _start_worker(ctx, env)
        try:
            time.sleep(3)  # the worker connects; the no-op run's first tasks wait for it anyway
            noop = run_helper(
                ctx, HELPER, "noop", "--count", str(count), env=env, timeout=HELPER_TIMEOUT
            )
            sent = run_helper(
                ctx,
                HELPER,
                "reminders",
                "--count",
                str(count),
                "--mail-folder",
                mail_folder,
                env=env,
                timeout=HELPER_TIMEOUT,
            )
        except HelperError as exc:
            return SuiteReport(failures=[f"reminders: {exc}"])
        finally:
            _stop(worker)
    noop_rate = noop["tasks"] / noop["seconds"]
    rate = sent["reminders"] / sent["seconds"]
    ratio = rate / noop_rate
    print("\n# suite: reminders")
    print(f"one worker, concurrency 2, broker {ctx.args.reminders_broker}; {count} of each\n")
    print("| run | count | seconds | per second | ratio to no-op |")
    print("|:--|--:|--:|--:|--:|")
    print(f"| no-op tasks | {noop['tasks']} | {noop['seconds']:.1f} | {noop_rate:.0f} | 1.00 |")
    print(f"| reminders | {sent['reminders']} | {sent['seconds']:.1f} | {rate:.0f} | {ratio:.2f} |")
    print(
        f"\nsent {sent['sent']}, duplicates {sent['duplicates']}, missing {sent['missing']}; "
        f"aim: ratio at least {AIM_RATIO} ({'met' if ratio >= AIM_RATIO else 'not met'})"
    )
    if noop["ok"] != noop["tasks"]:
        report.failures.append(f"no-op: {noop['tasks'] - noop['ok']} tasks did not answer")
    if sent["duplicates"] or sent["missing"]:
        report.failures.append(
            f"reminders: {sent['duplicates']} sent twice, {sent['missing']} not sent"
        )
    report.data = {
        "noop": noop,
        "reminders": sent,
        "summary": {
            "sent": sent["sent"],
            "duplicates": sent["duplicates"],
            "missing": sent["missing"],
            "ratio_to_noop": round(ratio, 3),
        },
    }
    return report
