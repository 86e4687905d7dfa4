"""Browser tests: a real Chromium (Debian's package) driven by Playwright, pages checked by axe.

Playwright's own browser download cannot work on these machines, so the tests launch the
system Chromium through `executable_path`. Where Chromium or axe-core is missing the tests
are skipped with the fix, unless REQUIRE_BROWSER=1 (CI), where a skip would hide a gap.
"""

import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM, used by the
# test itself to arrange data, is safe here because nothing else shares the thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
AXE_PATH = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _chromium_path():
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    if not executable:
        _missing("Chromium is not installed; fix: sudo apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed; fix: make install")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_PATH.exists():
        _missing("axe-core is not installed; fix: npm ci")
    return AXE_PATH.read_text()


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving static files as production does: the hashed
    names from STATIC_ROOT (its default handler looks in the source folders, where the
    hashed names do not exist, and every page would load unstyled)."""
    from django.test.testcases import _StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _StaticFilesHandler
    server.start()
    request.addfinalizer(server.stop)
    return server


@pytest.fixture
def page(browser, live_server, committed_db):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    missing = []
    page.on(
        "response",
        lambda r: missing.append(r.url) if r.status >= 400 and "/static/" in r.url else None,
    )
    yield page
    context.close()
    assert missing == [], f"static files failed to load: {missing}"


@pytest.fixture
def seeded(committed_db):
    """The demo clinic of `seed_demo`: two locations, staff, consultant hours."""
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())


def log_in(page, email, password="clinic-demo-2026"):
    """Log in through the real form (the demo password unless told otherwise); staff then
    type a code from an authenticator app, as they do for real."""
    code = authenticator_code_for(email)  # before signing in: the app is already set up
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if code is not None:
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(lambda url: "/accounts/two-step/" not in url)


def authenticator_code_for(email):
    """The code a staff member's authenticator app shows now, or None for who needs none.

    Each call links a new app (a real device in the database, with its own key): a code is
    accepted once, and a test may log the same person in twice within its 30 seconds."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from clinic.accounts.models import User
    from clinic.accounts.second_factor import AUTHENTICATOR_NAME, second_factor_required
    from tests.logins import code_now

    user = User.objects.get(email__iexact=email)
    if not second_factor_required(user):
        return None
    return code_now(TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=True))


def wait_for_mail(mailoutbox, to, seconds=15):
    """Mail is sent by a Celery task: at once in-process, or by the worker on a broker."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [m for m in mailoutbox if to in m.to]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"no e-mail to {to} within {seconds}s")


@pytest.fixture
def csp_violations(page):
    """What the browser refused under the Content-Security-Policy while the test ran."""
    refused = []
    page.on(
        "console",
        lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return refused


@pytest.fixture
def check_accessibility(axe_source, request):
    """check_accessibility(page): no serious or critical axe violation on the page as shown."""

    def _check(page):
        page.evaluate(axe_source)
        results = page.evaluate("async () => await axe.run(document)")
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            ARTIFACTS.mkdir(exist_ok=True)
            name = request.node.name.replace("/", "_")
            (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(serious, indent=2))
        summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
        assert not serious, f"axe found serious violations on {page.url}: {summary}"

    return _check
