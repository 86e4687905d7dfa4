"""The consent editor. No app_name: these patterns are included in the `patients` namespace
by patients/urls.py."""

from django.urls import path

from . import consent_editor_views as views

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
