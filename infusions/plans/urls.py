"""The plans pages' addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "staff/patients/<int:patient_pk>/plan/",
        views.PlanEditView.as_view(),
        name="plan_edit",
    ),
    path(
        "staff/patients/<int:patient_pk>/plan/view/",
        views.PlanDetailView.as_view(),
        name="plan_detail",
    ),
    path(
        "staff/patients/<int:patient_pk>/plan/propose/",
        views.PlanProposeView.as_view(),
        name="plan_propose",
    ),
    path("infusions/plan/", views.my_plan, name="my_plan"),
]
