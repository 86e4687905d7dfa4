"""Consent pages, the editor's included. No app_name: they join the `patients` namespace
through patients/urls.py."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("consent/", views.consent_sign, name="consent_sign"),
    path("consent/<int:pk>/", views.consent_detail, name="consent_detail"),
    path("consent/<int:pk>/pdf/", views.consent_pdf, name="consent_pdf"),
    path("staff/consents/verify/", views.staff_consent_verify_page, name="staff_consent_verify"),
    path("", include("patients.consent.editor.urls")),
]
