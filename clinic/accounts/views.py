from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit

from .forms import LoginForm, PasswordResetForm, SetPasswordForm
from .permissions import STAFF_AREA, StaffRequiredMixin


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
# a person who mistypes a few times never meets the limit.
_limit_by_address = ratelimit(key="ip", rate="30/h", method="POST")
_limit_by_account = ratelimit(key="post:username", rate="10/h", method="POST")


@method_decorator([_limit_by_address, _limit_by_account], name="post")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


@method_decorator(
    [_limit_by_address, ratelimit(key="post:email", rate="5/h", method="POST")], name="post"
)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")
