"""Consultation pages. No app_name: they join the `patients` namespace through patients/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("consultation/", views.consultation_start, name="consultation_start"),
    path(
        "consultation/manage/<str:token>/",
        views.ConsultationManageView.as_view(),
        name="consultation_manage",
    ),
    path(
        "consultation/manage/<str:token>/calendar.ics",
        views.consultation_calendar_file,
        name="consultation_calendar",
    ),
    path("consultation/<slug:slug>/", views.consultation_book, name="consultation_book"),
    path(
        "staff/consultations/",
        views.StaffConsultationListView.as_view(),
        name="staff_consultations",
    ),
    path(
        "staff/consultations/<int:pk>/outcome/",
        views.StaffConsultationOutcomeView.as_view(),
        name="staff_consultation_outcome",
    ),
]
