"""Production refuses what only a local demo may use: the built-in SECRET_KEY, a weak or
copied one, and a cache each process keeps to itself (clinic/settings.py). `make run`,
DEBUG=1 and the tests may."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SYSTEM_ENVIRONMENT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT"}
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "clinic.example.com",
    "EMAIL_URL": "smtp+tls://mailer:app-password@smtp.example.com:587",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args, **overrides):
    """manage.py in a fresh process with production's environment and nothing from this test
    run; an override of None leaves that variable unset."""
    env = {key: value for key, value in os.environ.items() if key in SYSTEM_ENVIRONMENT}
    env.update({**PRODUCTION, **overrides})
    return subprocess.run(  # noqa: S603 - our own interpreter running our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={key: value for key, value in env.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", "--deploy", SECRET_KEY=None)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set." in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr


def test_an_empty_secret_key_is_no_key():
    result = manage("check", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY is not set." in result.stderr


@pytest.mark.parametrize(
    "weak_key",
    [
        # What startproject makes, however long.
        pytest.param("django-insecure-" + secrets.token_urlsafe(50), id="django-insecure"),
        # What the example .env once held.
        pytest.param("change-me-to-50-or-more-random-characters", id="old-example"),
        pytest.param("changeme-" + secrets.token_urlsafe(50), id="changeme"),
        pytest.param("REPLACE-with-a-real-key-" + secrets.token_urlsafe(50), id="replace"),
        # 48 random characters: too few.
        pytest.param(secrets.token_urlsafe(36), id="short"),
    ],
)
def test_production_refuses_to_start_with_a_weak_or_copied_secret_key(weak_key):
    result = manage("check", SECRET_KEY=weak_key)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak for production" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr
    assert weak_key not in result.stderr  # a key, even a weak one, is never printed


def test_a_local_run_may_use_a_short_key():
    result = manage("check", SECRET_KEY="local", CACHE_URL=None, LOCAL_DEMO="1")

    assert result.returncode == 0, result.stderr


def test_the_example_environment_leaves_the_key_empty_and_says_how_to_make_one():
    example = (REPO / ".env.example").read_text()

    assert re.search(r"^SECRET_KEY=$", example, re.M)
    assert "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'" in example


def test_production_with_a_cache_per_process_fails_the_check():
    # Each gunicorn worker would count the rate limits on public forms on its own.
    result = manage("check", CACHE_URL=None)

    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stderr
    assert "LocMemCache is not a shared cache" in result.stderr


SCALED_OUT = {  # docker-compose.yml's web nodes: private files in a bucket, behind the proxy
    "PRIVATE_FILES_BUCKET": "clinic-private",
    "PRIVATE_FILES_ENDPOINT_URL": "http://minio:9000",
    "TRUSTED_PROXIES": "172.28.0.10",
}


@pytest.mark.parametrize("layout", [{}, SCALED_OUT], ids=["one node", "scaled out"])
def test_production_with_a_shared_cache_and_a_key_passes_the_deploy_check(layout):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **layout)

    assert result.returncode == 0, result.stderr


def test_a_mistyped_trusted_proxy_stops_the_start_up():
    result = manage("check", TRUSTED_PROXIES="172.28.0.300")

    assert result.returncode != 0
    assert "172.28.0.300" in result.stderr


@pytest.mark.parametrize("local", [{"LOCAL_DEMO": "1"}, {"DEBUG": "1"}])
def test_a_local_run_needs_neither_a_key_nor_a_shared_cache(local):
    result = manage("check", SECRET_KEY=None, CACHE_URL=None, **local)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("target", ["run", "db-ready", "lint"])
def test_make_marks_its_manage_commands_as_a_local_demo(target):
    planned = subprocess.run(  # noqa: S603 - make printing its own plan, nothing run
        ["make", "-n", target],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [line for line in planned.splitlines() if "manage.py" in line]

    assert commands
    assert all("LOCAL_DEMO=1 " in line for line in commands), commands
