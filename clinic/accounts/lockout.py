"""Stopping password guessing (django-axes): failed sign-ins are counted per account and
network address together.

Ten wrong passwords for one address from one IP lock that pair for AXES_COOLOFF_TIME. The
address is counted as the login reads it (trimmed, in any case), so "Pat@x", "PAT@x" and
" pat@x" share one count. Because the IP is part of the key, the owner signing in from their
own network is never locked out by someone guessing elsewhere. A clinic admin unlocks early
by deleting the attempt (Django admin → Access attempts).
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
