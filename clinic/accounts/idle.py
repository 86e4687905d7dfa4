"""Staff sessions end after STAFF_IDLE_SECONDS without a request (HIPAA's automatic logoff):
a screen left open at the front desk must not stay signed in to patients' records. Pages
warn STAFF_IDLE_WARNING_SECONDS before, with a button that keeps the session."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from .permissions import is_staff_account

LAST_SEEN = "staff_last_seen"
# A request within this many seconds of the last one recorded does not write the session.
RECORD_EVERY = 15

SIGNED_OUT = (
    "You were signed out after {idle} without activity, to keep patients' records private. "
    "Log in again to go on."
)


def _idle_words(seconds: int) -> str:
    minutes = seconds // 60
    if minutes >= 1:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} seconds"


class StaffIdleLogoutMiddleware:
    """After the session and messages middleware; before the views, so LoginRequiredMiddleware
    then sends a signed-out member of staff to the login page and back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and is_staff_account(user):
            now = time.time()
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.STAFF_IDLE_SECONDS:
                logout(request)
                messages.info(
                    request, SIGNED_OUT.format(idle=_idle_words(settings.STAFF_IDLE_SECONDS))
                )
            else:
                if now - last_seen >= RECORD_EVERY or LAST_SEEN not in request.session:
                    request.session[LAST_SEEN] = now
                request.staff_idle_seconds = settings.STAFF_IDLE_SECONDS
                request.staff_idle_warning_seconds = settings.STAFF_IDLE_WARNING_SECONDS
        return self.get_response(request)


@require_POST
def still_here(request):
    """The warning's "Stay signed in": a request like any other, which the middleware has
    just recorded."""
    request.session[LAST_SEEN] = time.time()
    return HttpResponse(status=204)
