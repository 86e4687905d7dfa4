"""The e-mail for a sign-up with an address that already has an account. Takes an id."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from clinic.lib.mail import RETRY, absolute_url, send_templated


@shared_task(**RETRY)
def send_account_exists_notice(*, user_id: int) -> None:
    """Someone signed up with the address of an existing account. The sign-up page answers
    as for a new address, so only the address's owner learns that it has an account."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    send_templated(
        to=user.email,
        subject=f"You already have an account with {settings.CLINIC_NAME}",
        template="patients/signup/email/account_exists.txt",
        context={
            "user": user,
            "login_url": absolute_url(reverse("login")),
            "reset_url": absolute_url(reverse("password_reset")),
        },
    )
