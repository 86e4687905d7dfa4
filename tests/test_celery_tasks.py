"""A worker knows every task: in a fresh process, as `celery worker` starts, each task of every
tasks.py in the project is registered (a task the worker has not imported is refused)."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ["clinic", "patients", "screening", "infusions"]
WORKER_IMPORTS = """
import json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
from clinic.celery import app
app.loader.import_default_modules()
print(json.dumps(sorted(app.tasks)))
"""


def _is_shared_task(decorator) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Name) and target.id == "shared_task"


def tasks_in_the_source() -> set[str]:
    """Every function decorated with @shared_task in a tasks.py, by its task name."""
    names = set()
    for package in PACKAGES:
        for path in (REPO / package).rglob("tasks.py"):
            module = ".".join(path.relative_to(REPO).with_suffix("").parts)
            for node in ast.parse(path.read_text()).body:
                if isinstance(node, ast.FunctionDef) and any(
                    _is_shared_task(d) for d in node.decorator_list
                ):
                    names.add(f"{module}.{node.name}")
    return names


def test_a_worker_registers_every_task_of_the_project():
    env = {**os.environ, "LOCAL_DEMO": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter on our own code
        [sys.executable, "-c", WORKER_IMPORTS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    registered = set(json.loads(result.stdout.strip().splitlines()[-1]))

    expected = tasks_in_the_source()
    assert "infusions.reminders.tasks.send_reminder" in expected  # the scan finds them
    assert expected - registered == set()
