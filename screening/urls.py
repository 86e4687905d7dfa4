"""Every page of the screening app, in the `screening` namespace."""

from django.urls import include, path

from . import views

app_name = "screening"

urlpatterns = [
    path("screening/", views.questionnaire, name="questionnaire"),
    path("screening/support/", views.crisis, name="crisis"),
    path("screening/reply/", views.reply, name="reply"),
    path("staff/screening/", views.ReviewQueueView.as_view(), name="queue"),
    path("staff/screening/<int:pk>/", views.ReviewView.as_view(), name="review"),
    path("", include("screening.editor.urls")),
]
