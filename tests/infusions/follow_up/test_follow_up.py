"""The desk's follow-up list: each booked patient's checklist that monday (a missing driver
stands out), the reminders that did not get through with a button to send again; for staff
who see the schedule, the button for those who change it."""

import re
from datetime import UTC
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.checklist.services import checklist_confirm
from infusions.models import Reminder
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

Status = Reminder.Status


@pytest.fixture
def url(location, monday):
    return (
        reverse("infusions:follow_up")
        + "?"
        + urlencode({"location": location.pk, "day": monday.isoformat()})
    )


def book(patient, chair, monday, hour, front_desk, **driver):
    return infusion_book(
        patient=patient,
        chair=chair,
        starts_at=at(monday, hour).astimezone(UTC),
        booked_by=front_desk,
        **driver,
    )


@pytest.fixture
def ready_and_not(cleared, cleared_patient, chair, other_chair, monday, front_desk):
    ready = book(cleared, chair, monday, 10, front_desk)
    checklist_confirm(
        ready, driver_name="Ann Lee", driver_phone="+12125550100", fasting=True, photo_id=True
    )
    not_yet = book(cleared_patient(legal_last_name="Okafor"), other_chair, monday, 10, front_desk)
    return ready, not_yet


def row(page: str, text: str) -> str:
    return next(r for r in re.findall(r"<tr>.*?</tr>", page, re.S) if text in r)


def test_the_desk_sees_who_confirmed_what_and_a_missing_driver(client_as, url, ready_and_not):
    ready, not_yet = ready_and_not

    page = client_as("front_desk").get(url).text

    done = row(page, ready.patient.legal_last_name)
    assert "Ann Lee" in done and done.count("Confirmed") == 3
    missing = row(page, "Okafor")
    assert "No driver given" in missing and missing.count("Not yet") == 2


def test_a_given_up_reminder_is_listed_and_sent_again(client_as, url, ready_and_not, location):
    ready, _ = ready_and_not
    failed = ready.reminders.get(kind=Reminder.Kind.TWO_DAYS)
    failed.status, failed.last_error = Status.FAILED, "SMTPRecipientsRefused"
    failed.save()
    desk = client_as("front_desk")

    assert "SMTPRecipientsRefused" in row(desk.get(url).text, "Two days before")
    response = desk.post(reverse("infusions:reminder_resend", args=[failed.pk]), follow=True)

    assert "It will be sent again within a minute." in response.text
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Status.PENDING, 0)
    assert "Every reminder so far got through." in response.text


def test_a_clinician_sees_the_list_but_sends_nothing_again(client_as, url, ready_and_not):
    ready, _ = ready_and_not
    failed = ready.reminders.get(kind=Reminder.Kind.TWO_DAYS)
    Reminder.objects.filter(pk=failed.pk).update(status=Status.UNKNOWN)
    clinician = client_as("clinician")

    page = clinician.get(url).text
    assert "Maybe sent" in page and "Send again" not in page
    assert clinician.post(reverse("infusions:reminder_resend", args=[failed.pk])).status_code == 403
    failed.refresh_from_db()
    assert failed.status == Status.UNKNOWN


@pytest.mark.parametrize("persona", ["patient"])
def test_a_patient_has_no_follow_up_list(client_as, url, persona):
    assert client_as(persona).get(url).status_code == 403


def test_a_visitor_is_sent_to_log_in(client, url):
    assert client.get(url)["Location"].startswith(reverse("login"))


def test_the_list_costs_the_same_queries_for_two_patients_or_six(
    client_as,
    url,
    ready_and_not,
    cleared_patient,
    chair,
    other_chair,
    monday,
    front_desk,
):
    desk = client_as("front_desk")
    desk.get(url)
    with CaptureQueriesContext(connection) as two:
        desk.get(url)
    for hour in (12, 14):
        for seat in (chair, other_chair):
            book(cleared_patient(), seat, monday, hour, front_desk)
    with CaptureQueriesContext(connection) as six:
        desk.get(url)

    assert len(six) == len(two)
