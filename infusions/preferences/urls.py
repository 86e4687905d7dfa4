"""The patient's reminder settings."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/reminders/", views.my_reminder_channels, name="my_reminder_channels"),
]
