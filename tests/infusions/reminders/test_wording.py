"""Clinic admins write a reminder's words: a draft with a preview, refused when a brace names
no fact, published and then fixed; the newest published version is what patients get, with
the links and, for texts, how to stop them always added."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from infusions.booking.services import infusion_book
from infusions.models import Reminder, ReminderWording
from infusions.reminders.content import reminder_message, reminder_sms
from tests.infusions.booking import MONDAY, at, local_day

pytestmark = pytest.mark.django_db

Kind, Channel = Reminder.Kind, Reminder.Channel
ADD = reverse("admin:infusions_reminderwording_add")
LIST = reverse("admin:infusions_reminderwording_changelist")


@pytest.fixture
def admin_client(client_as, clinic_admin):
    clinic_admin.is_staff = True
    clinic_admin.save()
    return client_as("clinic_admin")


@pytest.fixture
def evening(cleared, chair, front_desk):
    appointment = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY) + timedelta(days=7), 9).astimezone(UTC),
        booked_by=front_desk,
    )
    return appointment.reminders.get(kind=Kind.EVENING_BEFORE, channel=Channel.EMAIL)


def published(**fields):
    return ReminderWording.objects.create(
        version=fields.pop("version", 1), published_at=timezone.now(), **fields
    )


def test_a_draft_is_previewed_then_published_and_used(admin_client, evening):
    response = admin_client.post(
        ADD,
        {
            "kind": Kind.EVENING_BEFORE,
            "channel": Channel.EMAIL,
            "subject": "{name}, your infusion is tomorrow at {time}",
            "body": "Please eat nothing {stop_eating}. Water is fine {stop_drinking}.",
            "change_note": "Shorter",
        },
        follow=True,
    )
    draft = ReminderWording.objects.get()
    assert (draft.version, draft.is_published) == (1, False)
    page = admin_client.get(reverse("admin:infusions_reminderwording_change", args=[draft.pk]))
    assert "Please eat nothing after midnight. Water is fine until 7:00 AM." in page.text
    assert reminder_message(evening).subject.startswith("Tomorrow at 9:00 AM")  # not yet

    admin_client.post(LIST, {"action": "publish", "_selected_action": [draft.pk]})

    message = reminder_message(evening)
    assert (
        message.subject
        == f"{evening.appointment.patient.display_name}, your infusion is tomorrow at 9:00 AM"
    )
    assert "Please eat nothing after midnight. Water is fine until 7:00 AM." in message.text
    assert "/infusions/prepare/" in message.text  # the links are always added
    assert response.status_code == 200


def test_a_brace_that_names_no_fact_is_refused_by_its_field(admin_client):
    response = admin_client.post(
        ADD,
        {
            "kind": Kind.TWO_DAYS,
            "channel": Channel.EMAIL,
            "subject": "Soon",
            "body": "See you {diagnosis}",
        },
    )

    assert response.status_code == 200
    assert "Unknown in braces: diagnosis." in response.text
    assert not ReminderWording.objects.exists()


def test_an_e_mail_needs_a_subject(admin_client):
    response = admin_client.post(
        ADD, {"kind": Kind.TWO_DAYS, "channel": Channel.EMAIL, "subject": "", "body": "Soon."}
    )

    assert "An e-mail needs a subject." in response.text


def test_a_published_version_cannot_be_changed_and_the_newest_is_used(admin_client, evening):
    first = published(kind=Kind.EVENING_BEFORE, channel=Channel.SMS, body="v1 {time}")
    published(kind=Kind.EVENING_BEFORE, channel=Channel.SMS, body="v2 {time}", version=2)

    admin_client.post(
        reverse("admin:infusions_reminderwording_change", args=[first.pk]),
        {"kind": Kind.EVENING_BEFORE, "channel": Channel.SMS, "body": "changed"},
    )

    first.refresh_from_db()
    assert first.body == "v1 {time}"
    text = reminder_sms(evening)
    assert "v2 9:00 AM" in text and text.endswith("Reply STOP to end texts.")
    assert (
        admin_client.post(
            reverse("admin:infusions_reminderwording_delete", args=[first.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_other_staff_cannot_write_the_wording(client_as, request, persona):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save()

    assert client_as(persona).get(ADD).status_code == 403
