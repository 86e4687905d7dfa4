"""Patient accounts: sign-up, the invitation that pre-fills it, and e-mail confirmation."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.accounts.roles import Role
from clinic.accounts.tasks import CONFIRM_EMAIL_SALT, send_email_confirmation
from clinic.lib.signed_links import read_token
from clinic.outbox.services import email_enqueue, email_enqueued_since

from ..models import Consultation
from .tasks import send_account_exists_notice

VERIFY_LINK_AGE = timedelta(days=3)
REPEAT_WINDOW = timedelta(minutes=10)
# Sign-ups with an address that has an account e-mail its owner at most this often, so a
# stranger cannot flood someone's inbox from the sign-up form.
OWNER_NOTICE_INTERVAL = timedelta(hours=1)


def invited_consultation(token: str | None) -> Consultation | None:
    """The consultation an invitation link was sent for, if the link is genuine."""
    pk = read_token("invite", token or "", max_age=timedelta(days=30))
    return Consultation.objects.filter(pk=pk).first() if pk else None


@transaction.atomic
def patient_sign_up(*, first_name: str, last_name: str, email: str, password: str, invitation=None):
    """Create a patient's account. It works once the e-mail address is confirmed; an
    invitation sent to the same address already confirms it.

    None when the address already has an account: that account is left as it is and its
    owner is told by e-mail, while the page answers as for a new address, so the form never
    tells a stranger which addresses have accounts.
    """
    existing = get_user_model().objects.filter(email__iexact=email).first()
    if existing is not None:
        _tell_the_owner(existing, password)
        return None
    confirmed = invitation is not None and invitation.email.lower() == email.lower()
    try:
        # A savepoint: of two sign-ups with one new address at once, the second fails on
        # the unique address and is answered as for an existing account.
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                is_active=confirmed,
            )
    except IntegrityError:
        _tell_the_owner(get_user_model().objects.get(email__iexact=email), password)
        return None
    user.groups.add(Group.objects.get(name=Role.PATIENT.value))
    if not confirmed:
        email_enqueue(send_email_confirmation, user_id=user.pk)
    return user


def _tell_the_owner(user, password: str) -> None:
    """E-mail the owner of an address someone signed up with: the confirmation link again
    for an account never confirmed, otherwise a note with links to log in or reset the
    password. Nothing for an account staff switched off."""
    # Hashed and thrown away, so this answer takes as long as making an account does.
    make_password(password)
    if user.is_active:
        task = send_account_exists_notice
    elif user.last_login is None:
        task = send_email_confirmation
    else:
        return
    since = timezone.now() - OWNER_NOTICE_INTERVAL
    if not email_enqueued_since(task, since, user_id=user.pk):
        email_enqueue(task, user_id=user.pk)


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
