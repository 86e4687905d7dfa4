from django.urls import path

from . import views

app_name = "patients"

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
    path("signup/", views.signup, name="signup"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
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
