"""A consultation booked while the broker is down is confirmed all the same, a minute later."""

import logging
from datetime import timedelta

from django.utils import timezone

from clinic.outbox.delivery import emails_send_due
from clinic.outbox.models import Email
from patients.consultations import tasks
from tests.outbox.helpers import unreachable_broker
from tests.patients.consultations.helpers import booked_through_the_page


def test_a_booking_made_while_the_broker_is_down_is_confirmed_by_the_next_sweep(
    client, location, book_url, mailoutbox, task_queue, caplog
):
    task_queue.wait()  # with a real worker: what earlier tests queued has run
    caplog.set_level(logging.WARNING, logger="clinic.outbox")

    with unreachable_broker():
        _, manage_url = booked_through_the_page(client, book_url)

    page = client.get(manage_url).text
    assert "You are booked. A confirmation is on its way to robin@example.com." in page
    waiting = Email.objects.filter(status=Email.Status.PENDING)
    assert sorted(waiting.values_list("task", flat=True)) == [
        tasks.alert_front_desk_of_consultation.name,
        tasks.send_consultation_confirmation.name,
    ]
    assert len(mailoutbox) == 0
    assert "not handed to Celery (OperationalError)" in caplog.text
    assert "robin" not in caplog.text.lower()

    # The broker is back; beat's sweep runs a minute or two later.
    sent = emails_send_due(now=timezone.now() + timedelta(minutes=2))

    assert sent == 2
    assert sorted(m.to[0] for m in mailoutbox) == [location.email, "robin@example.com"]
    assert not Email.objects.filter(status=Email.Status.PENDING).exists()
    assert emails_send_due(now=timezone.now() + timedelta(minutes=5)) == 0
    assert len(mailoutbox) == 2
