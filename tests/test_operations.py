"""Running the portal: health checks, error pages, the site-wide footer, demo data and the
production settings check."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import include, path, reverse

from clinic import health
from clinic.accounts.management.commands.seed_demo import DEMO_PASSWORD
from clinic.accounts.roles import STAFF_ROLES, Role
from clinic.locations.models import Chair, ConsultantHours, Location, OpeningHours
from tests.factories import LocationFactory

REPO = Path(__file__).resolve().parents[1]
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: a real refusal


@login_not_required
def explode(request):
    raise RuntimeError("secret patient detail")


# Used by @pytest.mark.urls("tests.test_operations"): the real site plus a view that fails.
urlpatterns = [
    path("explode/", explode),
    path("", include("clinic.urls")),
]


# /healthz --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_reports_ok_to_anyone_without_logging_in(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "broker": True}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_over_plain_http_when_everything_else_redirects_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def use_broker(settings, url):
    """Settings as production has them with a broker: tasks go to it, none run in-process."""
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_broker_ok_is_false_when_the_broker_refuses_connections(settings):
    use_broker(settings, CLOSED_PORT_BROKER)

    assert health.broker_ok() is False


@pytest.mark.django_db
def test_healthz_is_unavailable_when_the_broker_cannot_be_reached(client, settings):
    use_broker(settings, CLOSED_PORT_BROKER)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": True, "broker": False},
    }


def test_broker_ok_needs_no_broker_when_tasks_run_in_process(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True

    assert health.broker_ok() is True


# Error pages -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_404_page_is_the_sites_own_and_gives_nothing_away(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.text
    assert "We could not find that page" in html
    assert "call 911" in html
    for leak in ("Traceback", "Using the URLconf", "SECRET_KEY", "clinic.urls", "DEBUG"):
        assert leak not in html


@pytest.mark.django_db
def test_the_403_page_is_the_sites_own(client_as):
    response = client_as("patient").get(reverse("accounts:staff_home"))

    assert response.status_code == 403
    html = response.text
    assert "You do not have access to this page" in html
    assert "call 911" in html


@pytest.mark.django_db
@pytest.mark.urls("tests.test_operations")
def test_a_crash_shows_a_calm_500_page_without_the_error(client):
    client.raise_request_exception = False

    response = client.get("/explode/")

    assert response.status_code == 500
    html = response.text
    assert "Something went wrong" in html
    assert "call 911" in html
    for leak in ("secret patient detail", "RuntimeError", "Traceback", "SECRET_KEY"):
        assert leak not in html


@pytest.mark.django_db
@pytest.mark.urls("tests.test_operations")
def test_the_500_page_needs_no_database(client, django_assert_max_num_queries):
    client.raise_request_exception = False

    # The 500 page may be shown because the database is down: it must not query it.
    with django_assert_max_num_queries(0):
        assert client.get("/explode/").status_code == 500


# The footer and headers every public page carries ------------------------------------------


PUBLIC_PAGES = [
    ("/", 200),
    ("/learn/what-is-ketamine-therapy/", 200),
    ("/learn/medical-disclaimer/", 200),
    ("/faq/", 200),
    ("/faq/?q=insurance", 200),
    ("/locations/", 200),
    ("/locations/riverside/", 200),
    ("/consultation/", 200),
    ("/accounts/login/", 200),
    ("/accounts/password-reset/", 200),
    ("/accounts/password-reset/sent/", 200),
    ("/learn/no-such-page/", 404),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status"), PUBLIC_PAGES)
def test_every_public_page_has_the_emergency_line_and_the_disclaimer_link(client, url, status):
    LocationFactory(slug="riverside")

    response = client.get(url)

    assert response.status_code == status
    html = response.text
    footer = html[html.index('<footer class="site-footer') :]
    assert "call 911" in footer
    assert "call or text 988" in footer
    assert 'href="/learn/medical-disclaimer/"' in footer


@pytest.mark.django_db
def test_the_medical_disclaimer_the_footer_links_to_is_published(client):
    assert client.get("/learn/medical-disclaimer/").status_code == 200


@pytest.mark.django_db
def test_pages_forbid_inline_scripts_and_framing(client):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


# seed_demo -------------------------------------------------------------------------------


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def demo_counts():
    return {
        "locations": Location.objects.count(),
        "chairs": Chair.objects.count(),
        "opening hours": OpeningHours.objects.count(),
        "consultant hours": ConsultantHours.objects.count(),
        "users": get_user_model().objects.count(),
        **{role.value: Group.objects.get(name=role.value).user_set.count() for role in Role},
    }


@pytest.mark.django_db
def test_seed_demo_run_twice_makes_the_same_data_once():
    seed()
    first = demo_counts()

    seed()

    assert demo_counts() == first
    assert first["locations"] == 2
    assert first["chairs"] == 5


@pytest.mark.django_db
def test_seed_demo_makes_one_user_per_staff_role_and_some_patients():
    seed()

    for role in STAFF_ROLES:
        assert Group.objects.get(name=role.value).user_set.count() == 1
    assert Group.objects.get(name=Role.PATIENT.value).user_set.count() >= 1
    admin = Group.objects.get(name=Role.CLINIC_ADMIN.value).user_set.get()
    assert admin.is_staff


@pytest.mark.django_db
def test_seed_demo_makes_an_open_and_a_coming_soon_location():
    seed()

    assert Location.objects.filter(status=Location.Status.OPEN).exists()
    assert Location.objects.filter(status=Location.Status.COMING_SOON).exists()
    assert all(location.chairs.exists() for location in Location.objects.all())


@pytest.mark.django_db
def test_seed_demo_says_what_it_made_and_then_what_it_kept():
    first = seed()
    second = seed()

    assert "Created location Riverside Infusion Center (Open, 3 chairs, America/New_York)" in first
    assert "Created location Lakeshore Infusion Center (Coming soon" in first
    assert "Created front desk frontdesk@example.com" in first
    assert "Created clinic admin admin@example.com" in first
    assert f"Every demo user's password: {DEMO_PASSWORD}" in first
    assert "Created" not in second
    assert "Kept location Riverside Infusion Center" in second
    assert "Kept patient patient@example.com" in second


@pytest.mark.django_db
def test_the_demo_users_can_log_in_with_the_printed_password(client):
    seed()

    response = client.post(
        reverse("login"), {"username": "frontdesk@example.com", "password": DEMO_PASSWORD}
    )

    assert response.status_code == 302
    # Signed in: what is left is the staff member's second step, set up on first sign-in.
    staff_home = client.get(reverse("accounts:staff_home"))
    assert staff_home["Location"] == f"{reverse('second_factor')}?next=/staff/"
    assert (
        client.get(staff_home["Location"], follow=True)
        .redirect_chain[-1][0]
        .startswith(reverse("second_factor_setup"))
    )


@pytest.mark.django_db
def test_seed_demo_puts_back_a_demo_password_someone_changed():
    seed()
    user = get_user_model().objects.get(email="patient@example.com")
    user.set_password("something-else-entirely")
    user.save()

    seed()

    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)


# The production settings check ---------------------------------------------------------------


SYSTEM_ENVIRONMENT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT"}


def deploy_check(**overrides):
    """`manage.py check --deploy` in a fresh process with production's environment and nothing
    from this test run (which may set test-only variables); an override of None leaves that
    variable unset."""
    env = {key: value for key, value in os.environ.items() if key in SYSTEM_ENVIRONMENT}
    production = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "clinic.example.com",
        "EMAIL_URL": "smtp+tls://mailer:app-password@smtp.example.com:587",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
    }
    env.update({**production, **overrides})
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - our own interpreter running our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_settings_pass_the_deploy_check_without_warnings():
    result = deploy_check()

    assert result.returncode == 0, result.stderr


def test_the_deploy_check_refuses_to_send_production_mail_to_the_console():
    # Reset links printed to a log are credentials in the log.
    result = deploy_check(EMAIL_URL=None)

    assert result.returncode != 0
    assert "mail.E001" in result.stderr


# make run ------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["run", "dev"])
def test_make_serves_and_links_e_mails_to_the_same_port(target):
    planned = subprocess.run(  # noqa: S603 - make printing its own plan, nothing run
        ["make", "-n", target, "PORT=8123"],  # noqa: S607
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "SITE_URL"},
    ).stdout
    serve = next(line for line in planned.splitlines() if "runserver" in line)

    assert "SITE_URL=http://127.0.0.1:8123 " in serve
    assert serve.rstrip().endswith("127.0.0.1:8123")
