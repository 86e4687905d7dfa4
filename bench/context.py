"""What run.py hands to a suite, and what a suite hands back.

A suite is a module in bench/ with::

    DESCRIPTION = "one line for --help"

    def add_arguments(parser: argparse.ArgumentParser) -> None:  # optional
        ...

    def run(ctx: Context) -> SuiteReport:
        ...

and an entry in ``SUITES`` in bench/run.py. ``run`` prints its own table and returns
the failures (any failure makes ``bench/run.py`` exit non-zero) plus raw figures for
``--json``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from bench.prepare import app_env


@dataclass
class Context:
    args: argparse.Namespace  # every option, including the suites' own
    repo: Path  # the repository root (cwd for manage.py and gunicorn)
    python: str  # the interpreter to run manage.py and gunicorn with
    database_url: str  # the prepared, seeded benchmark database
    machine: str  # one-line machine description

    def env(self, mode: str | None = None) -> dict[str, str]:
        """The portal's environment, optionally for one DB mode (see prepare.MODES)."""
        return app_env(self.database_url, mode)


@dataclass
class SuiteReport:
    failures: list[str] = field(default_factory=list)  # human-readable, one per problem
    data: dict = field(default_factory=dict)  # JSON-serialisable figures
