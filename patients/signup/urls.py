"""Sign-up pages. No app_name: they join the `patients` namespace through patients/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
]
