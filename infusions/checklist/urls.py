"""The checklist's address: a signed link, no login."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/prepare/<str:token>/", views.checklist, name="checklist"),
]
