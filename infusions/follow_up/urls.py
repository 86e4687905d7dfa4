"""The follow-up list's addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path("staff/schedule/follow-up/", views.FollowUpView.as_view(), name="follow_up"),
    path(
        "staff/schedule/reminders/<int:pk>/resend/",
        views.ResendView.as_view(),
        name="reminder_resend",
    ),
]
