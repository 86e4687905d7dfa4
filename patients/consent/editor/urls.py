"""The consent editor's pages. No app_name: they join the `patients` namespace through
patients/consent/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("staff/consent/", views.ConsentVersionListView.as_view(), name="consent_versions"),
    path("staff/consent/new/", views.ConsentDraftStartView.as_view(), name="consent_draft_start"),
    path("staff/consent/<int:pk>/", views.ConsentVersionView.as_view(), name="consent_version"),
    path(
        "staff/consent/<int:pk>/preview/",
        views.ConsentPreviewView.as_view(),
        name="consent_preview",
    ),
    path(
        "staff/consent/<int:pk>/publish/",
        views.ConsentPublishView.as_view(),
        name="consent_publish",
    ),
]
