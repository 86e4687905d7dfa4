from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from clinic.lib.mail import RETRY, absolute_url, send_templated
from clinic.lib.signed_links import make_token

# The salt of the link that confirms a new account's address; whoever reads it uses this too.
CONFIRM_EMAIL_SALT = "confirm-email"


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_password_reset_email(*, user_id: int, domain: str, use_https: bool) -> None:
    """Mail a one-time reset link. Takes an id, not an address, so the broker holds no e-mail."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return
    context = {
        "protocol": "https" if use_https else "http",
        "domain": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "user": user,
        "clinic_name": settings.CLINIC_NAME,
    }
    subject = render_to_string("registration/password_reset_subject.txt", context)
    body = render_to_string("registration/password_reset_email.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


@shared_task(**RETRY)
def send_second_factor_notice(*, user_id: int) -> None:
    """Tell a staff member two-step sign-in was just set up on their account: if it was not
    them, someone has their password and should not keep a working code."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    send_templated(
        to=user.email,
        subject=f"Two-step sign-in is on for your {settings.CLINIC_NAME} account",
        template="accounts/email/second_factor_on.txt",
        context={"user": user},
    )


@shared_task(**RETRY)
def send_email_confirmation(*, user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return
    token = make_token(CONFIRM_EMAIL_SALT, user.pk)
    send_templated(
        to=user.email,
        subject=f"Confirm your e-mail address for {settings.CLINIC_NAME}",
        template="accounts/email/confirm_email.txt",
        context={
            "user": user,
            "confirm_url": absolute_url(reverse("patients:signup_confirm", args=[token])),
        },
    )
