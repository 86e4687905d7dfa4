"""The editors' pages. No app_name: they join the `screening` namespace through
screening/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "staff/screening/questionnaire/",
        views.QuestionnaireVersionListView.as_view(),
        name="questionnaire_versions",
    ),
    path(
        "staff/screening/questionnaire/new/",
        views.QuestionnaireDraftStartView.as_view(),
        name="questionnaire_draft_start",
    ),
    path(
        "staff/screening/questionnaire/<int:number>/",
        views.QuestionnaireVersionView.as_view(),
        name="questionnaire_version",
    ),
    path(
        "staff/screening/questionnaire/<int:number>/questions/new/",
        views.QuestionnaireQuestionAddView.as_view(),
        name="questionnaire_question_add",
    ),
    path(
        "staff/screening/questionnaire/<int:number>/questions/<int:pk>/remove/",
        views.QuestionnaireQuestionRemoveView.as_view(),
        name="questionnaire_question_remove",
    ),
    path(
        "staff/screening/questionnaire/<int:number>/publish/",
        views.QuestionnairePublishView.as_view(),
        name="questionnaire_publish",
    ),
    path("staff/screening/drugs/", views.DrugListView.as_view(), name="drugs"),
    path("staff/screening/drugs/new/", views.DrugCreateView.as_view(), name="drug_add"),
    path("staff/screening/drugs/<int:pk>/", views.DrugEditView.as_view(), name="drug_edit"),
    path(
        "staff/screening/drugs/<int:pk>/history/",
        views.DrugHistoryView.as_view(),
        name="drug_history",
    ),
]
