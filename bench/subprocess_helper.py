"""Running a suite's Django helper script (``bench/*_django.py``) in a subprocess.

The script runs with the bench's interpreter, from the repository root, and prints its
result as JSON on its last line of stdout.
"""

from __future__ import annotations

import json
import subprocess

from bench.context import Context


class HelperError(RuntimeError):
    """The helper timed out, failed, or printed no JSON; the message says which."""


def run_helper(ctx: Context, script: str, *args: str, env: dict[str, str], timeout: float) -> dict:
    """Run ``script`` with ``args`` in ``env`` (DJANGO_SETTINGS_MODULE defaults to
    clinic.settings); return its last stdout line, parsed as JSON."""
    env = {**env}
    env.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    cmd = [ctx.python, script, *args]
    try:
        proc = subprocess.run(
            cmd,
            cwd=ctx.repo,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise HelperError(f"`{' '.join(cmd[1:])}` took over {timeout}s") from exc
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise HelperError(
            f"`{' '.join(cmd[1:])}` failed with exit code {proc.returncode}:\n"
            f"{proc.stdout}{proc.stderr}".rstrip()
        )
    try:
        return json.loads(lines[-1])
    except json.JSONDecodeError as exc:
        raise HelperError(f"`{' '.join(cmd[1:])}` printed no JSON:\n{proc.stdout}") from exc
