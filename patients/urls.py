from django.urls import path

from . import consent_editor_urls, consent_views, intake_views, views

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
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("intake/", intake_views.intake_start, name="intake_start"),
    path("intake/review/", intake_views.intake_review, name="intake_review"),
    path("intake/finish/", intake_views.intake_finish, name="intake_finish"),
    path("intake/<slug:slug>/", intake_views.intake_step, name="intake_step"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("consent/", consent_views.consent_sign, name="consent_sign"),
    path("consent/<int:pk>/", consent_views.consent_detail, name="consent_detail"),
    path("consent/<int:pk>/pdf/", consent_views.consent_pdf, name="consent_pdf"),
    path(
        "staff/consents/verify/",
        consent_views.staff_consent_verify_page,
        name="staff_consent_verify",
    ),
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
    *consent_editor_urls.urlpatterns,
]
