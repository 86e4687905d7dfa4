"""The booking pages' addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/book/", views.book, name="book"),
    path("staff/patients/", views.StaffPatientListView.as_view(), name="staff_patients"),
    path("staff/infusions/", views.StaffInfusionListView.as_view(), name="staff_list"),
    path(
        "staff/infusions/book/<int:patient_pk>/",
        views.StaffInfusionBookView.as_view(),
        name="staff_book",
    ),
]
