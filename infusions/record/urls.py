"""The infusion record's addresses: the clinician's chart and the patient's visit summary."""

from django.urls import path

from . import summary, views

urlpatterns = [
    path("staff/schedule/appointments/<int:pk>/record/", views.RecordView.as_view(), name="record"),
    path(
        "staff/schedule/appointments/<int:pk>/record/vitals/",
        views.VitalsView.as_view(),
        name="record_vitals",
    ),
    path(
        "staff/schedule/appointments/<int:pk>/record/step/",
        views.StepView.as_view(),
        name="record_step",
    ),
    path(
        "staff/schedule/appointments/<int:pk>/record/sign/",
        views.SignView.as_view(),
        name="record_sign",
    ),
    path("infusions/<int:pk>/summary/", summary.visit_summary, name="visit_summary"),
]
