"""The patient's home page. No app_name: it joins the `patients` namespace through
patients/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
]
