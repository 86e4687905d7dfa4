"""Who may use the editors' pages: clinicians and clinic admins only."""

import pytest
from django.urls import reverse

from screening.editor import services
from screening.models import Drug, QuestionnaireVersion
from tests.access import assert_sent_to_login
from tests.screening.editor.helpers import drug_data, formset_data

pytestmark = pytest.mark.django_db

ALLOWED = ("clinician", "clinic_admin")
FORBIDDEN = ("front_desk", "patient")


def _pages(draft):
    """(url, method, data) of every editor page, on the draft and shipped data."""
    drug = Drug.objects.get(generic_name="phenelzine")
    added = services.questionnaire_question_add(version=draft, code="seizures", text="Fits?")
    number = draft.number
    return [
        (reverse("screening:questionnaire_versions"), "get", None),
        (reverse("screening:questionnaire_version", args=[1]), "get", None),
        (reverse("screening:questionnaire_version", args=[number]), "get", None),
        (reverse("screening:questionnaire_version", args=[number]), "post", formset_data(draft)),
        (reverse("screening:questionnaire_draft_start"), "post", {}),
        (
            reverse("screening:questionnaire_question_add", args=[number]),
            "post",
            {"code": "tremor", "text": "Do you have a tremor?"},
        ),
        (
            reverse("screening:questionnaire_question_remove", args=[number, added.pk]),
            "post",
            {},
        ),
        (
            reverse("screening:questionnaire_publish", args=[number]),
            "post",
            {"change_note": "Asks about seizures."},
        ),
        (reverse("screening:drugs"), "get", None),
        (reverse("screening:drug_add"), "get", None),
        (reverse("screening:drug_add"), "post", drug_data()),
        (reverse("screening:drug_edit", args=[drug.pk]), "get", None),
        (reverse("screening:drug_edit", args=[drug.pk]), "post", drug_data(drug, notes="x")),
        (reverse("screening:drug_history", args=[drug.pk]), "get", None),
    ]


PAGE_IDS = [
    "versions",
    "published-version",
    "draft",
    "draft-save",
    "draft-start",
    "question-add",
    "question-remove",
    "publish",
    "drugs",
    "drug-add",
    "drug-add-save",
    "drug-edit",
    "drug-edit-save",
    "drug-history",
]


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", ALLOWED)
def test_clinicians_and_clinic_admins_may_use_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", FORBIDDEN)
def test_the_front_desk_and_patients_get_403_on_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]
    drugs_before = list(Drug.history.values_list("pk", flat=True))

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == 403
    assert list(Drug.history.values_list("pk", flat=True)) == drugs_before
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published
    assert draft.questions.filter(code="seizures").exists()


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
def test_anonymous_visitors_are_sent_to_log_in_from_every_editor_page(client, draft, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client, method)(url, data)

    assert_sent_to_login(response, url)
