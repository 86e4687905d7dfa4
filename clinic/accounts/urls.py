from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import idle, views
from .middleware import second_factor_exempt

app_name = "accounts"

urlpatterns = [
    path("account/home/", views.home, name="home"),
    path("account/", views.PatientHomeView.as_view(), name="patient_home"),
    path("staff/", views.StaffHomeView.as_view(), name="staff_home"),
    path("staff/still-here/", idle.still_here, name="still_here"),
]

# Django's own names (login, logout, password_reset…), outside the namespace, as its
# templates and LOGIN_URL expect them.
# Logging out and resetting a password stay open to staff who have not yet given their code
# (a reset acts on the link's token, not on whoever is signed in).
auth_urlpatterns = [
    path("login/", login_not_required(views.LoginView.as_view()), name="login"),
    path("logout/", second_factor_exempt(auth_views.LogoutView.as_view()), name="logout"),
    path("two-step/", views.second_factor_verify, name="second_factor"),
    path("two-step/setup/", views.second_factor_setup, name="second_factor_setup"),
    path(
        "two-step/settings/",
        views.SecondFactorSettingsView.as_view(),
        name="second_factor_settings",
    ),
    path("two-step/backup-codes/", views.backup_codes_new, name="backup_codes_new"),
    path("two-step/mine/", views.second_factor_for_patients, name="second_factor_patient"),
    path(
        "password-reset/",
        second_factor_exempt(views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        second_factor_exempt(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        second_factor_exempt(views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        second_factor_exempt(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
