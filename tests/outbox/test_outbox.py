"""The e-mail outbox: written with the change it is about, sent once by deliveries that overlap,
retried, given up on."""

import threading
import time
from datetime import timedelta

import pytest
from celery import shared_task
from django.core import mail
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.tasks import send_second_factor_notice
from clinic.outbox.delivery import MAX_ATTEMPTS, email_deliver, emails_send_due
from clinic.outbox.models import Email
from clinic.outbox.services import email_enqueue
from tests.factories import UserFactory

# Sending to this fails for real: nothing listens on port 1, so the connection is refused.
UNREACHABLE_SMTP = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 5},
    }
}


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


@pytest.fixture
def person(db):
    return UserFactory(email="staff-person@example.com")


@pytest.fixture
def waiting(person):
    """An e-mail in the outbox, committed with the change it is about but not handed over
    (the hand-off runs on commit, and a plain test never commits)."""
    return email_enqueue(send_second_factor_notice, user_id=person.pk)


def test_an_email_holds_the_task_and_its_ids_only(waiting, person):
    assert waiting.task == "clinic.accounts.tasks.send_second_factor_notice"
    assert waiting.kwargs == {"user_id": person.pk}
    assert waiting.status == Email.Status.PENDING


def test_a_change_rolled_back_sends_no_email(person):
    with pytest.raises(RuntimeError), transaction.atomic():
        email_enqueue(send_second_factor_notice, user_id=person.pk)
        raise RuntimeError("the change failed")

    assert not Email.objects.exists()


def test_delivering_an_email_twice_sends_it_once(waiting):
    assert email_deliver(email_id=waiting.pk) is True
    assert email_deliver(email_id=waiting.pk) is False

    assert [m.to for m in mail.outbox] == [["staff-person@example.com"]]
    waiting.refresh_from_db()
    assert waiting.status == Email.Status.SENT
    assert waiting.sent_at is not None


def test_two_sweeps_send_each_email_once(waiting, person):
    other = email_enqueue(send_second_factor_notice, user_id=UserFactory().pk)

    assert emails_send_due(now=later(2)) == 2
    assert emails_send_due(now=later(3)) == 0

    assert len(mail.outbox) == 2
    assert set(Email.objects.values_list("status", flat=True)) == {Email.Status.SENT}
    assert email_deliver(email_id=other.pk) is False
    assert len(mail.outbox) == 2


def test_the_sweep_leaves_a_new_email_to_the_hand_off_for_a_minute(waiting):
    assert emails_send_due() == 0
    assert emails_send_due(now=later(2)) == 1


def test_an_email_that_no_longer_applies_is_not_sent_and_not_tried_again(waiting, person):
    person.is_active = False
    person.save()

    assert email_deliver(email_id=waiting.pk) is True

    assert mail.outbox == []
    waiting.refresh_from_db()
    assert waiting.status == Email.Status.SENT


def test_a_mail_server_that_cannot_be_reached_delays_the_email_until_it_can(
    waiting, settings, caplog
):
    settings.MAILERS = UNREACHABLE_SMTP

    assert email_deliver(email_id=waiting.pk) is False

    waiting.refresh_from_db()
    assert waiting.status == Email.Status.PENDING
    assert waiting.attempts == 1
    assert waiting.last_error == "ConnectionRefusedError"
    assert later(0.5) < waiting.next_attempt_at < later(1.5)
    assert "staff-person" not in caplog.text
    assert emails_send_due(now=later(0.5)) == 0  # not yet due

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert emails_send_due(now=later(2)) == 1

    assert [m.to for m in mail.outbox] == [["staff-person@example.com"]]
    waiting.refresh_from_db()
    assert waiting.status == Email.Status.SENT


def test_it_waits_longer_after_each_failure_and_gives_up_after_the_last_attempt(waiting, settings):
    settings.MAILERS = UNREACHABLE_SMTP
    pauses = []
    for _ in range(MAX_ATTEMPTS):
        before = timezone.now()
        email_deliver(email_id=waiting.pk)
        waiting.refresh_from_db()
        pauses.append(round((waiting.next_attempt_at - before).total_seconds() / 60))

    assert pauses[:8] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert waiting.status == Email.Status.FAILED
    assert waiting.attempts == MAX_ATTEMPTS
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert emails_send_due(now=later(24 * 60)) == 0
    assert mail.outbox == []


def test_staff_see_the_outbox_in_the_django_admin_and_cannot_change_it(admin_client, waiting):
    waiting.status, waiting.last_error = Email.Status.FAILED, "SMTPAuthenticationError"
    waiting.save()

    listing = admin_client.get(reverse("admin:outbox_email_changelist"))
    detail = admin_client.get(reverse("admin:outbox_email_change", args=[waiting.pk]))

    assert listing.status_code == 200
    assert "Given up" in listing.text
    assert "SMTPAuthenticationError" in detail.text
    assert admin_client.get(reverse("admin:outbox_email_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:outbox_email_delete", args=[waiting.pk])).status_code
        == 403
    )
    assert Email.objects.filter(pk=waiting.pk).exists()


# Two deliveries at the same moment (the sweep beside the hand-off) ------------------------

# Whether the e-mail below has let a second delivery start, and what that delivery returned.
second_delivery = []


@shared_task(name="tests.outbox.email_delivered_again_meanwhile")
def email_delivered_again_meanwhile(*, to: str, email_id: int) -> None:
    """An e-mail during whose sending a second delivery of its own row starts, as a second
    sweep would while the mail server is slow; it needs no second connection, so it runs on
    SQLite too."""
    if not second_delivery:
        second_delivery.append("started")
        second_delivery.append(email_deliver(email_id=email_id))
    mail.send_mail("Meanwhile", "Sent while a second delivery was asked for.", None, [to])


@pytest.fixture
def delivered_again_meanwhile(db):
    second_delivery.clear()
    email = Email.objects.create(
        task=email_delivered_again_meanwhile.name, kwargs={}, next_attempt_at=timezone.now()
    )
    email.kwargs = {"to": "a@example.com", "email_id": email.pk}
    email.save()
    yield email
    second_delivery.clear()


def test_a_delivery_that_starts_while_another_sends_the_email_leaves_it_to_that_one(
    delivered_again_meanwhile,
):
    # The first delivery claims the row before it sends, so the second finds it taken.
    assert email_deliver(email_id=delivered_again_meanwhile.pk) is True

    assert second_delivery == ["started", False]
    assert len([m for m in mail.outbox if m.subject == "Meanwhile"]) == 1
    delivered_again_meanwhile.refresh_from_db()
    assert delivered_again_meanwhile.status == Email.Status.SENT


def test_a_failed_send_puts_back_the_claim_it_made(waiting, settings):
    settings.MAILERS = UNREACHABLE_SMTP

    email_deliver(email_id=waiting.pk)

    waiting.refresh_from_db()
    assert (waiting.status, waiting.sent_at) == (Email.Status.PENDING, None)


@shared_task(name="tests.outbox.slow_email")
def slow_email(*, to: str) -> None:
    """An e-mail that takes a while to send, so that two deliveries overlap."""
    time.sleep(0.5)
    mail.send_mail("Slow", "A message that took its time.", None, [to])


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)
def test_two_deliveries_of_one_email_at_the_same_moment_send_it_once(committed_db):
    # Made directly, not enqueued: here nothing is handed to a worker on commit.
    email = Email.objects.create(
        task=slow_email.name, kwargs={"to": "a@example.com"}, next_attempt_at=timezone.now()
    )
    start = threading.Barrier(2)
    results = []

    def deliver():
        try:
            start.wait()
            results.append(email_deliver(email_id=email.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(results) == [False, True]
    assert len([m for m in mail.outbox if m.subject == "Slow"]) == 1
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
