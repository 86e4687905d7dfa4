"""The reports pages' addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path("staff/reports/", views.ReportsView.as_view(), name="reports"),
    path("staff/reports/<slug:report>.csv", views.ReportCsvView.as_view(), name="reports_csv"),
]
