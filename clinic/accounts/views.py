from functools import wraps

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit

from . import lockout, second_factor
from .forms import (
    AuthenticatorSetupForm,
    LoginForm,
    PasswordResetForm,
    SecondFactorForm,
    SetPasswordForm,
)
from .middleware import second_factor_exempt
from .permissions import STAFF_AREA, StaffRequiredMixin, is_staff_account


def home(request):
    """Where a person lands after logging in: staff to their area, patients to theirs."""
    if request.user.has_perm(STAFF_AREA):
        return redirect("accounts:staff_home")
    if request.user.has_perm("patients.complete_own_intake"):
        return redirect("patients:dashboard")
    return redirect("accounts:patient_home")


class PatientHomeView(TemplateView):
    template_name = "accounts/patient_home.html"


class StaffHomeView(StaffRequiredMixin, TemplateView):
    template_name = "accounts/staff_home.html"


def too_many_attempts(request, exception):
    """Shown instead of a form that was sent too often (django-ratelimit's RATELIMIT_VIEW)."""
    return render(request, "429.html", status=429)


# Guessing passwords, or flooding someone's inbox with reset links, is slowed to a crawl;
# a person who mistypes a few times never meets the limit. Wrong passwords for one account
# also lock that account from that address for a while (django-axes: lockout.py). Each limit
# names its group: a default one, made from the view's method, can be shared between views.
def _limit_by_network(group):
    return ratelimit(group=group, key="ip", rate="30/h", method="POST")


@method_decorator(
    [
        _limit_by_network("login-network"),
        # Not blocked here: the form says why, beside the address typed (lockout.py).
        ratelimit(
            group="login-account",
            key=lockout.account_key,
            rate=lockout.ACCOUNT_RATE,
            method="POST",
            block=False,
        ),
    ],
    name="post",
)
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_form_kwargs(self):
        limited = self.request.method == "POST" and getattr(self.request, "limited", False)
        return {**super().get_form_kwargs(), "account_limited": limited}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "account_limited"):
            response.status_code = 429
        return response


@method_decorator(
    [
        _limit_by_network("password-reset-network"),
        ratelimit(
            group="password-reset-address",
            key=lockout.reset_address_key,
            rate="5/h",
            method="POST",
        ),
    ],
    name="post",
)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")


# Two-step sign-in -------------------------------------------------------------------------


def _next_url(request) -> str:
    """Where to go once the code is given: the page asked for, if it is one of ours."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _code_page(view):
    """A page of the second step: open before the code is given, never cached, and slowed
    after many tries. Once the person needs no code, or has given it, it steps aside."""

    @wraps(view)
    def page(request):
        user = request.user
        wanted = second_factor.second_factor_required(user) or request.session.get(CHOOSING)
        if not wanted or user.is_verified():
            return redirect(_next_url(request))
        return view(request)

    return second_factor_exempt(
        never_cache(ratelimit(key="user", rate="30/h", method="POST")(page))
    )


# The id of the authenticator this session is setting up (its key is shown to it alone).
PENDING_AUTHENTICATOR = "second_factor_pending_device"
# A patient who asked to turn two-step sign-in on, until their app is linked.
CHOOSING = "second_factor_choosing"


def _too_soon(seconds: int) -> str:
    return (
        "That was too soon after a wrong code, so it was not checked. Try again in "
        f"{_duration(seconds)}."
    )


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = -(-seconds // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@_code_page
def second_factor_verify(request):
    """The second step of signing in, for staff who have set it up."""
    if not second_factor.has_second_factor(request.user):
        return redirect(f"{reverse('second_factor_setup')}?{request.GET.urlencode()}")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = second_factor.second_factor_check(request.user, form.cleaned_data["code"])
        if result.device is not None:
            django_otp.login(request, result.device)
            if result.device.name == second_factor.BACKUP_CODES_NAME:
                left = second_factor.backup_codes_left(request.user)
                messages.warning(
                    request,
                    f"You signed in with a backup code; {left} left. Each works once: "
                    "make a new set under Two-step sign-in in the staff area when you run low.",
                )
            return redirect(_next_url(request))
        if result.wait_seconds:
            form.add_error("code", _too_soon(result.wait_seconds))
        else:
            form.add_error(
                "code",
                "That code did not work. Use the code showing now in your authenticator "
                "app (it changes every 30 seconds), or a backup code you have not used.",
            )
        form.forget_code()
    return render(
        request,
        "accounts/second_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@_code_page
def second_factor_setup(request):
    """First sign-in of a staff member: link an authenticator app, then show backup codes."""
    if second_factor.has_second_factor(request.user):
        request.session.pop(PENDING_AUTHENTICATOR, None)
        return redirect(f"{reverse('second_factor')}?{request.GET.urlencode()}")
    device = second_factor.authenticator_for_setup(
        request.user, request.session.get(PENDING_AUTHENTICATOR)
    )
    request.session[PENDING_AUTHENTICATOR] = device.pk
    form = AuthenticatorSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if wait := second_factor.wait_seconds(device):
            form.add_error("code", _too_soon(wait))
        elif confirmed := second_factor.authenticator_confirm(request.user, device.pk, code):
            django_otp.login(request, confirmed.device)
            del request.session[PENDING_AUTHENTICATOR]
            request.session.pop(CHOOSING, None)
            return render(
                request,
                "accounts/backup_codes.html",
                {"codes": confirmed.backup_codes, "next": _next_url(request), "first": True},
            )
        else:
            form.add_error(
                "code",
                "That code did not match. Check the app shows the code for this account, and "
                "type the 6 digits showing now.",
            )
        form.forget_code()
    return _setup_page(request, form, device)


def _setup_page(request, form, device):
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": second_factor.authenticator_qr_data_url(device),
            "key": second_factor.authenticator_key(device),
        },
    )


class SecondFactorSettingsView(StaffRequiredMixin, TemplateView):
    """Where a signed-in staff member sees how many backup codes are left."""

    template_name = "accounts/second_factor_settings.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            two_factor_on=settings.STAFF_TWO_FACTOR,
            codes_left=second_factor.backup_codes_left(self.request.user),
            **kwargs,
        )


@never_cache
@require_POST
def backup_codes_new(request):
    """A new sheet of backup codes (the old ones stop working), shown once."""
    if not second_factor.second_factor_required(request.user):
        return redirect("accounts:home")
    codes = second_factor.backup_codes_replace(request.user)
    return render(
        request,
        "accounts/backup_codes.html",
        {"codes": codes, "next": reverse("second_factor_settings"), "first": False},
    )


@never_cache
def second_factor_for_patients(request):
    """A patient's own choice of two-step sign-in: turn it on (link an app, as staff do) or,
    once signed in with it, off again."""
    user = request.user
    if is_staff_account(user):
        return redirect("second_factor_settings")  # staff: the clinic decides
    if request.method == "POST":
        if request.POST.get("turn") == "on" and not user.second_factor_chosen:
            request.session[CHOOSING] = True
            return redirect(
                f"{reverse('second_factor_setup')}?next={reverse('second_factor_patient')}"
            )
        if request.POST.get("turn") == "off" and user.second_factor_chosen and user.is_verified():
            second_factor.second_factor_stop(user)
            messages.success(request, "Two-step sign-in is off: your password alone signs you in.")
            return redirect("second_factor_patient")
    return render(
        request, "accounts/second_factor_patient.html", {"chosen": user.second_factor_chosen}
    )
