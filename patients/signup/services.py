"""Patient accounts: sign-up, the invitation that pre-fills it, and e-mail confirmation."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from clinic.accounts.roles import Role
from clinic.accounts.tasks import CONFIRM_EMAIL_SALT, send_email_confirmation
from clinic.lib.signed_links import read_token

from ..models import Consultation

VERIFY_LINK_AGE = timedelta(days=3)
REPEAT_WINDOW = timedelta(minutes=10)


def invited_consultation(token: str | None) -> Consultation | None:
    """The consultation an invitation link was sent for, if the link is genuine."""
    pk = read_token("invite", token or "", max_age=timedelta(days=30))
    return Consultation.objects.filter(pk=pk).first() if pk else None


@transaction.atomic
def patient_sign_up(*, first_name: str, last_name: str, email: str, password: str, invitation=None):
    """Create a patient's account. It works once the e-mail address is confirmed; an
    invitation sent to the same address already confirms it."""
    confirmed = invitation is not None and invitation.email.lower() == email.lower()
    user = get_user_model().objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_active=confirmed,
    )
    user.groups.add(Group.objects.get(name=Role.PATIENT.value))
    if not confirmed:
        transaction.on_commit(lambda: send_email_confirmation.delay(user_id=user.pk))
    return user


def is_repeat_sign_up(*, email: str, password: str) -> bool:
    """Was this exact sign-up (address and password) just made and not yet confirmed?"""
    user = (
        get_user_model()
        .objects.filter(
            email__iexact=email.strip(),
            is_active=False,
            last_login__isnull=True,
            date_joined__gte=timezone.now() - REPEAT_WINDOW,
        )
        .first()
    )
    return bool(user and password and user.check_password(password))


def patient_confirm_email(*, token: str):
    """Activate the account the link was made for; None if the link is bad or too old."""
    pk = read_token(CONFIRM_EMAIL_SALT, token, max_age=VERIFY_LINK_AGE)
    if pk is None:
        return None
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        return None
    if not user.is_active and user.last_login is None:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user if user.is_active else None
