"""Intake pages. No app_name: they join the `patients` namespace through patients/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("intake/", views.intake_start, name="intake_start"),
    path("intake/review/", views.intake_review, name="intake_review"),
    path("intake/finish/", views.intake_finish, name="intake_finish"),
    path("intake/<slug:slug>/", views.intake_step, name="intake_step"),
    path(
        "staff/patients/<int:pk>/id-photo/", views.StaffIdPhotoView.as_view(), name="staff_id_photo"
    ),
]
