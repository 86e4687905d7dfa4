"""Stopping password guessing (django-axes): failed sign-ins are counted per account and
network address together.

Ten wrong passwords for one address from one IP lock that pair for AXES_COOLOFF_TIME. The
address is counted as the login reads it (trimmed, in any case), so "Pat@x", "PAT@x" and
" pat@x" share one count. Because the IP is part of the key, the owner signing in from their
own network is never locked out by someone guessing elsewhere. A clinic admin unlocks early
by deleting the attempt (Django admin → Access attempts).

Guessing from many networks at once is slowed by a count per account alone: after
ACCOUNT_RATE tries in an hour, from anywhere, the login form refuses that account without
checking the password until the hour is over. A person never tries that often; the price is
that someone who tries that often can keep the owner out for the rest of that hour.
"""

from django.conf import settings
from django.shortcuts import render


def login_name(request, credentials) -> str | None:
    """The account a sign-in was for (AXES_USERNAME_CALLABLE): the address trimmed and in
    lower case, as the login form and the case-blind account lookup read it."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username")
    return typed.strip().lower() if typed else None


# Tries to sign in to one account, from every network together (django-ratelimit).
ACCOUNT_RATE = "50/h"


def account_key(group, request) -> str:
    """The ratelimit key of a sign-in: the account it was for, however it was typed."""
    return login_name(request, None) or ""


def reset_address_key(group, request) -> str:
    """The ratelimit key of a password reset: the address, however it was typed."""
    return request.POST.get("email", "").strip().lower()


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the login form while that account is locked from here
    (AXES_LOCKOUT_CALLABLE)."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": seconds // 60, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
