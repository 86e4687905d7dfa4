"""A worker killed while it sends a reminder leaves the row "being sent"; once that has lasted
too long the dispatcher asks the channel whether the message went out: if so the row is sent,
if not it goes out now, and where the channel cannot tell it is "maybe sent" for the staff.
Never twice, never lost without a word. The kill is a SystemExit from inside the mail
backend, before or after it delivered, which nothing in the portal catches."""

from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.filebased import EmailBackend as FileMail
from django.core.mail.backends.locmem import EmailBackend as MemoryMail

from infusions.booking.services import infusion_book
from infusions.models import Reminder
from infusions.reminders.delivery import reminder_send, reminders_claim_due, stuck_after
from tests.infusions.booking import MONDAY, at, local_day

pytestmark = pytest.mark.django_db

Kind, Status = Reminder.Kind, Reminder.Status
HERE = "tests.infusions.reminders.test_interrupted"


class KilledAfterDelivering(MemoryMail):
    def send_messages(self, messages):
        super().send_messages(messages)
        raise SystemExit("killed")


class KilledBeforeDelivering(MemoryMail):
    def send_messages(self, messages):
        raise SystemExit("killed")


def mailer(settings, backend):
    settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {}}}


@pytest.fixture
def confirmation(cleared, chair, front_desk):
    appointment = infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(local_day(MONDAY) + timedelta(days=7), 14, 30).astimezone(UTC),
        booked_by=front_desk,
    )
    return appointment.reminders.get(kind=Kind.CONFIRMATION)


def killed_while_sending(reminder, settings, backend):
    mailer(settings, f"{HERE}.{backend}")
    with pytest.raises(SystemExit):
        reminder_send(reminder_id=reminder.pk, now=reminder.due_at)
    mailer(settings, "django.core.mail.backends.locmem.EmailBackend")
    reminder.refresh_from_db()
    assert reminder.status == Status.SENDING


def test_a_second_delivery_while_one_is_sending_does_nothing(confirmation, settings):
    killed_while_sending(confirmation, settings, "KilledAfterDelivering")

    assert reminder_send(reminder_id=confirmation.pk, now=confirmation.due_at) is False
    assert len(mail.outbox) == 1


def test_killed_after_delivering_it_is_marked_sent_and_not_sent_again(confirmation, settings):
    killed_while_sending(confirmation, settings, "KilledAfterDelivering")
    later = confirmation.due_at + stuck_after() + timedelta(seconds=1)

    assert reminders_claim_due(now=confirmation.due_at + stuck_after() / 2) == []
    assert confirmation.pk not in reminders_claim_due(now=later)

    confirmation.refresh_from_db()
    assert confirmation.status == Status.SENT
    assert confirmation.provider_id == mail.outbox[0].extra_headers["Message-ID"]
    assert len(mail.outbox) == 1


def test_killed_before_delivering_it_goes_out_once_after_all(confirmation, settings):
    killed_while_sending(confirmation, settings, "KilledBeforeDelivering")
    later = confirmation.due_at + stuck_after() + timedelta(seconds=1)

    assert reminders_claim_due(now=later) == [confirmation.pk]
    assert reminder_send(reminder_id=confirmation.pk, now=later) is True

    assert len(mail.outbox) == 1
    confirmation.refresh_from_db()
    assert (confirmation.status, confirmation.attempts) == (Status.SENT, 2)


def test_where_the_channel_cannot_tell_it_is_maybe_sent_and_left_to_the_staff(
    confirmation, settings
):
    killed_while_sending(confirmation, settings, "KilledAfterDelivering")
    mailer(settings, "django.core.mail.backends.console.EmailBackend")  # keeps no record
    later = confirmation.due_at + stuck_after() + timedelta(seconds=1)

    assert reminders_claim_due(now=later) == []
    assert reminders_claim_due(now=later + timedelta(days=1)) == []

    confirmation.refresh_from_db()
    assert confirmation.status == Status.UNKNOWN
    assert len(mail.outbox) == 1


class FileKilledAfterDelivering(FileMail):
    def send_messages(self, messages):
        super().send_messages(messages)
        raise SystemExit("killed")


def test_the_file_mailer_tells_whether_a_message_went_out(confirmation, settings, tmp_path):
    settings.MAILERS = {
        "default": {
            "BACKEND": f"{HERE}.FileKilledAfterDelivering",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    with pytest.raises(SystemExit):
        reminder_send(reminder_id=confirmation.pk, now=confirmation.due_at)
    settings.MAILERS = {
        "default": {
            "BACKEND": "clinic.lib.file_mail.EmailBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    confirmation.refresh_from_db()

    reminders_claim_due(now=confirmation.due_at + stuck_after() + timedelta(seconds=1))

    confirmation.refresh_from_db()
    assert confirmation.status == Status.SENT
    assert len(list(tmp_path.iterdir())) == 1
