"""The outcomes pages' addresses: the answers before an infusion (a signed link, no login),
the patient's own progress, and a clinician's view of one patient's trend."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/how-are-you/<str:token>/", views.outcomes_check, name="outcomes_check"),
    path("infusions/progress/", views.my_progress, name="my_progress"),
    path(
        "staff/patients/<int:pk>/outcomes/",
        views.PatientOutcomesView.as_view(),
        name="patient_outcomes",
    ),
]
