"""The self_service pages' addresses: a patient's own infusion, moving and cancelling it."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/<int:pk>/", views.my_infusion, name="my_infusion"),
    path("infusions/<int:pk>/move/", views.my_infusion_move, name="my_infusion_move"),
    path("infusions/<int:pk>/cancel/", views.my_infusion_cancel, name="my_infusion_cancel"),
]
