"""Clinic admins see the outbox in the Django admin, read-only, and send again what it gave up
on once the mail server works again; nobody else opens it."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.tasks import send_second_factor_notice
from clinic.outbox.delivery import MAX_ATTEMPTS, emails_send_due
from clinic.outbox.models import Email
from clinic.outbox.services import email_enqueue
from tests.factories import UserFactory
from tests.logins import log_in

pytestmark = pytest.mark.django_db

LIST = reverse("admin:outbox_email_changelist")


@pytest.fixture
def given_up():
    email = email_enqueue(send_second_factor_notice, user_id=UserFactory(email="a@example.com").pk)
    email.status, email.attempts, email.last_error = (
        Email.Status.FAILED,
        MAX_ATTEMPTS,
        "SMTPAuthenticationError",
    )
    email.save()
    return email


@pytest.fixture
def sent():
    email = email_enqueue(send_second_factor_notice, user_id=UserFactory().pk)
    email.status, email.sent_at = Email.Status.SENT, timezone.now()
    email.save()
    return email


@pytest.fixture
def admin(client, clinic_admin):
    return log_in(client, clinic_admin)


def retry(client, *emails):
    return client.post(
        LIST,
        {"action": "retry_failed", "_selected_action": [e.pk for e in emails]},
        follow=True,
    )


def test_a_clinic_admin_sees_the_outbox_and_cannot_change_it(admin, given_up):
    listing = admin.get(LIST)
    detail = admin.get(reverse("admin:outbox_email_change", args=[given_up.pk]))

    assert listing.status_code == 200
    assert "Given up" in listing.text
    assert "Send the selected given-up e-mails again" in listing.text
    assert "SMTPAuthenticationError" in detail.text
    assert admin.get(reverse("admin:outbox_email_add")).status_code == 403
    assert admin.post(reverse("admin:outbox_email_delete", args=[given_up.pk])).status_code == 403


def test_a_clinic_admin_sends_a_given_up_email_again_within_a_minute(admin, given_up, sent):
    response = retry(admin, given_up, sent)

    assert "1 given-up e-mail will be sent again within a minute." in response.text
    assert "Left alone: 1 of the selected e-mails, which had not been given up on." in (
        response.text
    )
    given_up.refresh_from_db()
    assert (given_up.status, given_up.attempts) == (Email.Status.PENDING, 0)
    assert given_up.next_attempt_at <= timezone.now()
    sent.refresh_from_db()
    assert sent.status == Email.Status.SENT

    assert emails_send_due() == 1
    assert [m.to for m in mail.outbox] == [["a@example.com"]]


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_other_staff_cannot_open_the_outbox_or_send_again(client, request, persona, given_up):
    user = request.getfixturevalue(persona)
    user.is_staff = True  # let into the Django admin, to show the outbox is still shut
    user.save()
    staff = log_in(client, user)

    assert staff.get(LIST).status_code == 403
    assert retry(staff, given_up).status_code == 403
    given_up.refresh_from_db()
    assert given_up.status == Email.Status.FAILED
