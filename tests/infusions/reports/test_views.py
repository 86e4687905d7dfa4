"""The reports page and its CSV exports: only clinic admins open them; the page shows each
report as a table and a chart; the CSVs hold the fortnight's known figures and no patient;
a period that cannot be read is said so next to its field."""

import csv
import io
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from infusions.reports.exports import EXPORTS
from patients.models import Patient
from tests.access import ALLOWED, assert_responds, matrix
from tests.infusions.reports.conftest import FIRST, LAST

pytestmark = pytest.mark.django_db

ADMINS = matrix(clinic_admin=ALLOWED)


def query(location, first=FIRST, last=LAST) -> str:
    return "?" + urlencode({"location": location.pk, "first": first, "last": last})


def page_url(location, **dates) -> str:
    return reverse("infusions:reports") + query(location, **dates)


def csv_url(report, location, **dates) -> str:
    return reverse("infusions:reports_csv", args=[report]) + query(location, **dates)


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize(("persona", "expected"), ADMINS.items())
def test_only_clinic_admins_open_the_reports(client_as, location, persona, expected):
    url = page_url(location)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)


@pytest.mark.parametrize(("persona", "expected"), ADMINS.items())
def test_only_clinic_admins_download_a_report(client_as, location, persona, expected):
    url = csv_url("series", location)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)


def test_the_page_shows_each_report_as_a_chart_and_a_table(client_as, fortnight):
    page = client_as("clinic_admin").get(page_url(fortnight.location)).text

    charts = re.findall(r'<svg [^>]*role="img" aria-labelledby="([\w-]+)-title [\w-]+-desc"', page)
    assert charts == [
        "chart-chair-weeks",
        "chart-chair-days",
        "chart-attendance",
        "chart-series",
        "chart-outcomes",
    ]
    for chart in charts:
        assert f'<title id="{chart}-title">' in page
    assert page.count("<table") == 5
    assert "<script" not in page.split('<div class="container py-4">')[1].split("</main>")[0]
    # The period's figures in words, and one row of each table.
    assert "10.8% (780 of 7,200 chair minutes)" in page
    assert "7 appointments, 2 no-shows (28.6%), 1 late cancellation (14.3%)" in page
    assert "1 started, 2 completed" in page
    assert "4 patients checked, 1 without a screening score" in page
    assert re.search(r"<th scope=\"row\">Sun Mar 8</th><td[^>]*>480</td><td[^>]*>240</td>", page)
    for name in EXPORTS:
        assert (
            reverse("infusions:reports_csv", args=[name])
            + query(fortnight.location).replace("&", "&amp;")
            in page
        )


def names_no_word_could_hold(fortnight) -> set[str]:
    """Gives the fortnight's patients last names no report's words could contain by chance
    (a generated name such as "Day" or "Chair" could), and returns them."""
    names = set()
    for number, appointment in enumerate(fortnight.appointments.values()):
        name = f"Qxzvlast{number:03d}"
        Patient.objects.filter(pk=appointment.patient_id).update(legal_last_name=name)
        names.add(name)
    return names


def test_the_page_names_no_patient(client_as, fortnight):
    names = names_no_word_could_hold(fortnight)

    page = client_as("clinic_admin").get(page_url(fortnight.location)).text

    assert not any(name in page for name in names)


def test_by_default_the_page_shows_the_last_four_weeks(client_as, location):
    response = client_as("clinic_admin").get(reverse("infusions:reports"))

    reports = response.context["reports"]
    assert reports.period.location == location
    assert reports.period.last == location.local_time().date()
    assert len(reports.period.days) == 28


def test_chair_use_per_day_as_csv(client_as, fortnight):
    response = client_as("clinic_admin").get(csv_url("chair-use-by-day", fortnight.location))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == (
        f'attachment; filename="chair-use-by-day-{fortnight.location.slug}'
        '-2026-03-02-2026-03-10.csv"'
    )
    assert rows(response) == [
        ["day", "open_chair_minutes", "held_chair_minutes", "chair_use_percent"],
        ["2026-03-02", "960", "300", "31.2"],
        ["2026-03-03", "960", "120", "12.5"],
        ["2026-03-04", "960", "0", "0.0"],
        ["2026-03-05", "960", "0", "0.0"],
        ["2026-03-06", "960", "0", "0.0"],
        ["2026-03-07", "0", "0", ""],
        ["2026-03-08", "480", "240", "50.0"],
        ["2026-03-09", "960", "120", "12.5"],
        ["2026-03-10", "960", "0", "0.0"],
        ["total", "7200", "780", "10.8"],
    ]


def test_each_weekly_report_as_csv(client_as, fortnight):
    admin = client_as("clinic_admin")

    def get(name):
        return rows(admin.get(csv_url(name, fortnight.location)))

    assert get("chair-use-by-week")[1:] == [
        ["2026-03-02", "5280", "660", "12.5"],
        ["2026-03-09", "1920", "120", "6.2"],
        ["total", "7200", "780", "10.8"],
    ]
    assert get("no-shows-and-late-cancellations")[1:] == [
        ["2026-03-02", "5", "1", "1", "20.0", "20.0"],
        ["2026-03-09", "2", "1", "0", "50.0", "0.0"],
        ["total", "7", "2", "1", "28.6", "14.3"],
    ]
    assert get("series") == [
        ["week_from", "series_started", "series_completed"],
        ["2026-03-02", "1", "1"],
        ["2026-03-09", "0", "1"],
        ["total", "1", "2"],
    ]
    assert get("outcomes") == [
        [
            "measure",
            "patients",
            "mean_baseline",
            "mean_latest",
            "mean_change",
            "improved",
            "improved_percent",
        ],
        ["phq9_total", "3", "16", "12", "-4", "2", "66.7"],
        ["gad7_total", "2", "12.5", "10.5", "-2", "1", "50.0"],
        ["pain_score", "3", "4", "4", "0", "1", "33.3"],
    ]


def test_no_csv_names_a_patient(client_as, fortnight):
    admin = client_as("clinic_admin")
    names = names_no_word_could_hold(fortnight)

    for name in EXPORTS:
        text = admin.get(csv_url(name, fortnight.location)).content.decode()
        assert not any(n in text for n in names)


def test_an_unknown_report_is_not_found(client_as, location):
    response = client_as("clinic_admin").get(csv_url("patients", location))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("first", "last", "field", "message"),
    [
        ("2026-02-30", "2026-03-10", "first", "Enter a date such as 2026-03-02."),
        ("2026-03-10", "2026-03-02", "last", "The last day must be on or after the first."),
        ("2025-03-01", "2026-03-02", "last", "Choose at most 366 days; this period has 367."),
        ("1926-03-01", "1926-03-02", "first", "Choose a date within ten years of today."),
    ],
)
def test_a_period_that_cannot_be_read_is_said_so_by_its_field(
    client_as, location, first, last, field, message
):
    admin = client_as("clinic_admin")

    response = admin.get(page_url(location, first=first, last=last))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.text
    assert "reports" not in response.context
    csv_response = admin.get(csv_url("series", location, first=first, last=last))
    assert csv_response.status_code == 400
    assert message in csv_response.content.decode()


def test_a_full_leap_year_is_allowed(client_as, location):
    response = client_as("clinic_admin").get(
        page_url(location, first="2028-01-01", last="2028-12-31")
    )

    assert len(response.context["reports"].period.days) == 366


@pytest.mark.parametrize("persona", ["front_desk", "clinician", "clinic_admin"])
def test_the_staff_home_links_the_reports_for_clinic_admins_only(client_as, persona):
    page = client_as(persona).get(reverse("accounts:staff_home")).text

    assert (reverse("infusions:reports") in page) == (persona == "clinic_admin")
