from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from .second_factor import second_factor_required


def second_factor_exempt(view_func):
    """A page a signed-in person may open before giving their code: the code pages, logging
    out and resetting a password."""
    view_func.second_factor_exempt = True
    return view_func


class SecondFactorMiddleware:
    """Staff who have typed their password but not yet a code see only the pages marked
    `second_factor_exempt`: every other page sends them to give their code first, then back.

    After LoginRequiredMiddleware and django-otp's OTPMiddleware, which says whether the
    session has been verified with a device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "second_factor_exempt", False):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not second_factor_required(user):
            return None
        # Public pages too: a few of them (intake, the safety questions) keep a visitor's
        # draft and act for the signed-in person, so only the code pages are open.
        return redirect_to_login(request.get_full_path(), reverse("second_factor"))


class PrivatePagesMiddleware:
    """Every page answered to a signed-in person is theirs alone (their name in the header at
    least, their records on most): no browser, proxy or shared computer may keep a copy.
    Pages a visitor reaches by a signed link mark themselves with `never_cache`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
