from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import TemplateView

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


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")
