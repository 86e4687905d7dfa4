"""The booked time is shown as the visitor chose it, in the location's zone, everywhere."""

import pytest
from django.urls import reverse

from clinic.accounts.roles import Role
from patients.models import Consultation
from tests.factories import UserFactory
from tests.logins import log_in
from tests.patients.consultations.helpers import CONTACT, first_time

pytestmark = pytest.mark.django_db


def as_shown(consultation, fmt):
    local = consultation.local_starts_at()
    return fmt.format(t=local, time=f"{local:%-I:%M %p}")


def on_the_manage_page(client, consultation, manage, mailoutbox, capture):
    return client.get(manage).text, "{t:%A, %B} {t.day}, {t.year}, {time} to"


def in_the_confirmation(client, consultation, manage, mailoutbox, capture):
    [mail] = [m for m in mailoutbox if m.to == [consultation.email]]
    return mail.body, "When: {t:%A, %B} {t.day}, {t.year} at {time} (Eastern time)"


def in_the_desk_alert(client, consultation, manage, mailoutbox, capture):
    [mail] = [m for m in mailoutbox if m.to == [consultation.location.email]]
    return mail.body, "{t:%A, %B} {t.day} at {time}, by phone."


def in_the_cancellation(client, consultation, manage, mailoutbox, capture):
    with capture(execute=True):
        client.post(manage, {"action": "cancel", "confirmed": "yes"})
    [mail] = [m for m in mailoutbox if "is cancelled" in m.subject]
    return mail.body, "on {t:%A, %B} {t.day} at {time} is cancelled"


def in_the_staff_list(client, consultation, manage, mailoutbox, capture):
    log_in(client, UserFactory(role=Role.FRONT_DESK))
    url = f"{reverse('patients:staff_consultations')}?location={consultation.location.slug}"
    return client.get(url).text, "{t:%a %b} {t.day}, {time}"


def on_the_patient_dashboard(client, consultation, manage, mailoutbox, capture):
    log_in(client, UserFactory(role=Role.PATIENT, email=consultation.email))
    return client.get(reverse("patients:dashboard")).text, "{t:%A, %B} {t.day} at {time}"


@pytest.mark.parametrize(
    "where",
    [
        on_the_manage_page,
        in_the_confirmation,
        in_the_desk_alert,
        in_the_cancellation,
        in_the_staff_list,
        on_the_patient_dashboard,
    ],
    ids=lambda f: f.__name__,
)
def test_the_booked_time_is_shown_as_the_visitor_picked_it(
    client, book_url, mailoutbox, django_capture_on_commit_callbacks, where
):
    day, value, label = first_time(client, book_url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url, {**CONTACT, "day": day, "slot": value})
    consultation = Consultation.objects.get()

    text, fmt = where(
        client, consultation, response["Location"], mailoutbox, django_capture_on_commit_callbacks
    )

    expected = as_shown(consultation, fmt)
    assert label in expected  # what the booking page offered is the location's local time
    assert expected in text
