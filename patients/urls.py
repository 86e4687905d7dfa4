"""Every page of the patients app, in the `patients` namespace; each package lists its own."""

from django.urls import include, path

app_name = "patients"

urlpatterns = [
    path("", include("patients.consultations.urls")),
    path("", include("patients.signup.urls")),
    path("", include("patients.dashboard.urls")),
    path("", include("patients.intake.urls")),
    path("", include("patients.consent.urls")),
    path("", include("patients.rights.urls")),
]
