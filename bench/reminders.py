"""The ``reminders`` suite: sending due preparation reminders through a real Celery worker.

One worker (``celery -A clinic worker --concurrency 2``) on a real Redis broker
(``--reminders-broker``, flushed first; the result backend too) and the benchmark database,
its e-mail going to the file mailer in a throw-away folder. In one run, against that same
worker (bench/reminders_django.py does the Django side):

1. **Fixture**: one cleared patient's infusion booked through ``infusion_book`` at the
   location ``bench-reminders``, and ``--reminders`` due reminders of it.
2. **No-op**: as many ``clinic.celery.ping`` tasks, sent at once, timed until every answer is
   back: the worker's rate for tasks that do nothing.
3. **Reminders**: ``dispatch_reminders.delay()`` (beat's task) again and again, each call
   once the previous one answered, timed until every row is sent; then each row's pk is
   looked for in the Message-IDs of the mail files: duplicates and missing ones (both must
   be 0, or the suite fails).

Prints reminders per second, no-op tasks per second and their ratio (aim: at least 0.25,
reported, never a failure). ``--json`` writes ``reminders.summary``: ``sent``,
``duplicates``, ``missing``, ``ratio_to_noop`` (see bench/README.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from bench.context import Context, SuiteReport
from bench.subprocess_helper import HelperError, run_helper

DESCRIPTION = (
    "preparation reminders: sent per second by one Celery worker on Redis, against the same "
    "worker's no-op tasks; duplicates and missing ones"
)
MODE = "persistent"  # the portal's default DB settings (CONN_MAX_AGE), as a worker runs
AIM_RATIO = 0.25
MAX_COUNT = 32767  # Reminder.round is a smallint: one row per round
HELPER = "bench/reminders_django.py"
HELPER_TIMEOUT = 2400  # seconds per helper call
# The bench hands rows over as fast as the worker takes them; a row is never left queued
# longer than a batch takes, but on a very busy machine that could pass the 10-minute
# default and hand rows over twice (safe, but extra tasks in the timing).
STUCK_SECONDS = 3600


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reminders suite")
    group.add_argument(
        "--reminders",
        type=int,
        default=10_000,
        help="due reminders to send, and no-op tasks to run (default: 10000)",
    )
    group.add_argument(
        "--reminders-broker",
        default="redis://127.0.0.1:6379/12",
        help="a Redis database for the broker and results, flushed before and after "
        "(default: redis://127.0.0.1:6379/12)",
    )


def _env(ctx: Context, mail_folder: Path) -> dict[str, str]:
    broker = ctx.args.reminders_broker
    return {
        **ctx.env(MODE),
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "EMAIL_URL": f"filemail://{mail_folder}",
        "REMINDERS_STUCK_SECONDS": str(STUCK_SECONDS),
        "DJANGO_SETTINGS_MODULE": "clinic.settings",
    }


def _flush(broker: str) -> str | None:
    """FLUSHDB on the broker's database; an error message, or None."""
    host_port, _, database = broker.removeprefix("redis://").rpartition("/")
    host, _, port = host_port.rpartition("@")[2].partition(":")
    if not shutil.which("redis-cli"):
        return "redis-cli not found (the suite needs it and a Redis server)"
    cmd = ["redis-cli", "-h", host or "127.0.0.1", "-p", port or "6379", "-n", database or "0"]
    proc = subprocess.run([*cmd, "flushdb"], capture_output=True, text=True, timeout=30)  # noqa: S603
    if proc.returncode != 0 or proc.stdout.strip() != "OK":
        return f"`{' '.join(cmd)} flushdb` failed: {(proc.stdout + proc.stderr).strip()}"
    return None


def _start_worker(ctx: Context, env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
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
                "--without-heartbeat",
            ],
            cwd=ctx.repo,
            env=env,
            start_new_session=True,  # its own process group: stopped with its children
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is not None:
        return
    try:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        text = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return "\n".join(text[-lines:])


def _measure(ctx: Context, env: dict[str, str], mail_folder: Path, log: Path) -> dict:
    count = str(ctx.args.reminders)
    worker = _start_worker(ctx, env, log)
    try:
        fixture = run_helper(ctx, HELPER, "fixture", "--count", count, env=env, timeout=600)
        print(
            f"fixture: infusion {fixture['appointment']} at {fixture['starts_at']} "
            f"({'booked now' if fixture['booked_now'] else 'kept from an earlier run'}) "
            f"through infusion_book for {fixture['patient']}; {fixture['reminders']} "
            f"confirmations due (rounds 1..{count}); other due reminders in the database: "
            f"{fixture['other_due']}",
            flush=True,
        )
        if worker.poll() is not None:
            raise HelperError(f"the worker exited with code {worker.returncode}")
        noop = run_helper(ctx, HELPER, "noop", "--count", count, env=env, timeout=HELPER_TIMEOUT)
        print(f"no-op: {noop['tasks']} pings in {noop['seconds']:.1f} s", flush=True)
        sent = run_helper(
            ctx,
            HELPER,
            "reminders",
            "--mail-folder",
            str(mail_folder),
            env=env,
            timeout=HELPER_TIMEOUT,
        )
        print(f"reminders: {sent['reminders']} in {sent['seconds']:.1f} s", flush=True)
        if worker.poll() is not None:
            raise HelperError(f"the worker exited with code {worker.returncode} during the run")
        return {"fixture": fixture, "noop": noop, "reminders": sent}
    except HelperError as exc:
        tail = _tail(log)
        raise HelperError(f"{exc}\nworker log (last lines):\n{tail}" if tail else str(exc)) from exc
    finally:
        _stop(worker)
        try:
            run_helper(ctx, HELPER, "cleanup", env=env, timeout=300)
        except HelperError as exc:
            print(f"reminders: cleanup failed: {exc}", flush=True)


def run(ctx: Context) -> SuiteReport:
    count = ctx.args.reminders
    if not 1 <= count <= MAX_COUNT:
        return SuiteReport(failures=[f"--reminders must be 1..{MAX_COUNT}"])
    broker = ctx.args.reminders_broker
    problem = _flush(broker)
    if problem:
        return SuiteReport(failures=[problem])
    with tempfile.TemporaryDirectory(prefix="bench-reminders-") as tmp:
        mail_folder = Path(tmp) / "mail"
        mail_folder.mkdir()
        env = _env(ctx, mail_folder)
        print(
            f"one worker (prefork, concurrency 2, prefetch 1, acks late), broker and results "
            f"{broker} (flushed), file mailer in a temporary folder; {count} of each",
            flush=True,
        )
        try:
            data = _measure(ctx, env, mail_folder, Path(tmp) / "worker.log")
        except HelperError as exc:
            return SuiteReport(failures=[str(exc)])
        finally:
            _flush(broker)
    return _report(count, data)


def _report(count: int, data: dict) -> SuiteReport:
    noop, sent = data["noop"], data["reminders"]
    noop_rate = noop["tasks"] / noop["seconds"]
    rate = sent["reminders"] / sent["seconds"]
    ratio = rate / noop_rate
    met = ratio >= AIM_RATIO
    print(f"\n== reminders vs no-op tasks, one worker, concurrency 2 ({count} of each)")
    header = ("run", "count", "seconds", "per second", "ratio to no-op", "sent", "duplicates")
    print("| " + " | ".join(header) + " | missing |")
    print("|:--" + "|--:" * len(header) + "|")
    print(
        f"| no-op tasks (ping) | {noop['tasks']} | {noop['seconds']:.1f} | {noop_rate:.1f} "
        f"| 1.00 | {noop['ok']} | - | - |"
    )
    print(
        f"| reminders (file mailer) | {sent['reminders']} | {sent['seconds']:.1f} | {rate:.1f} "
        f"| {ratio:.2f} | {sent['sent']} | {sent['duplicates']} | {sent['missing']} |"
    )
    print(
        f"  reminders: {sent['dispatches']} dispatch_reminders calls handed over "
        f"{sent['handed_over']} rows; row statuses {sent['statuses']}; {sent['messages']} "
        f"messages in {sent['mail_files']} mail files ({sent['strangers']} of other reminders)"
    )
    print(
        f"aim, reminders at least {AIM_RATIO} of the no-op rate: {ratio:.2f}, "
        f"{'met' if met else 'NOT MET (reported, not a failure)'}"
    )
    failures = []
    if noop["ok"] != noop["tasks"]:
        failures.append(f"no-op: {noop['tasks'] - noop['ok']} of {noop['tasks']} pings failed")
    if sent["duplicates"] or sent["missing"]:
        failures.append(
            f"{sent['duplicates']} reminders sent twice or more, {sent['missing']} not sent "
            f"(row statuses {sent['statuses']})"
        )
    if sent["reminders"] != count:
        failures.append(f"{sent['reminders']} reminders in the fixture, not {count}")
    data["summary"] = {
        "sent": sent["sent"],
        "duplicates": sent["duplicates"],
        "missing": sent["missing"],
        "ratio_to_noop": round(ratio, 3),
        "reminders_per_second": round(rate, 1),
        "noop_per_second": round(noop_rate, 1),
        "aim_met": met,
    }
    return SuiteReport(failures=failures, data=data)
