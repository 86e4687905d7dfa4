from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/<slug:slug>/", views.page_detail, name="page"),
    path("faq/", views.faq, name="faq"),
    path("staff/content/pages/", views.PageListView.as_view(), name="staff_pages"),
    path("staff/content/pages/new/", views.PageCreateView.as_view(), name="staff_page_new"),
    path("staff/content/pages/<int:pk>/", views.PageEditView.as_view(), name="staff_page_edit"),
    path(
        "staff/content/pages/<int:pk>/preview/",
        views.PagePreviewView.as_view(),
        name="staff_page_preview",
    ),
    path(
        "staff/content/pages/<int:pk>/publish/",
        views.PagePublishView.as_view(),
        name="staff_page_publish",
    ),
    path(
        "staff/content/pages/<int:pk>/history/",
        views.PageHistoryView.as_view(),
        name="staff_page_history",
    ),
    path("staff/content/faq/", views.FAQListView.as_view(), name="staff_faq"),
    path("staff/content/faq/new/", views.FAQCreateView.as_view(), name="staff_faq_new"),
    path("staff/content/faq/<int:pk>/", views.FAQEditView.as_view(), name="staff_faq_edit"),
]
