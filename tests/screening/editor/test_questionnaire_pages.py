"""The questionnaire editor's pages: versions, the draft, adding and removing, publishing."""

import pytest
from django.urls import reverse

from screening.editor import services
from screening.models import QuestionnaireVersion
from screening.questions import DEFAULT_QUESTIONS
from tests.screening.editor.helpers import field_block, formset_data, question

pytestmark = pytest.mark.django_db


def test_the_versions_list_shows_each_version_and_offers_a_new_one(client_as):
    page = client_as("clinician").get(reverse("screening:questionnaire_versions")).text

    assert "Version 1" in page
    assert "Shipped with the portal" in page
    assert f"<td>{len(DEFAULT_QUESTIONS)}</td>" in page
    assert reverse("screening:questionnaire_draft_start") in page


def test_starting_a_version_from_the_list_opens_the_draft(client_as):
    response = client_as("clinician").post(reverse("screening:questionnaire_draft_start"))

    draft = QuestionnaireVersion.objects.get(published_at__isnull=True)
    assert response["Location"] == reverse("screening:questionnaire_version", args=[draft.number])
    listing = client_as("clinician").get(reverse("screening:questionnaire_versions")).text
    assert "Continue the draft" in listing


def test_a_published_version_is_shown_read_only_by_section(client_as):
    page = client_as("clinician").get(reverse("screening:questionnaire_version", args=[1])).text

    assert "Health and safety" in page
    assert "Mood (PHQ-9)" in page
    assert "Are you pregnant, or could you be pregnant?" in page
    assert "<textarea" not in page
    assert "never changes" in page


def test_posting_to_a_published_version_changes_nothing(client_as):
    version = QuestionnaireVersion.objects.get(number=1)
    client = client_as("clinician")
    data = formset_data(version, pregnant={"text": "Changed?"})

    responses = [
        client.post(reverse("screening:questionnaire_version", args=[1]), data),
        client.post(
            reverse("screening:questionnaire_question_add", args=[1]),
            {"code": "seizures", "text": "Seizures?"},
        ),
    ]

    assert all(r.status_code == 302 for r in responses)
    assert question(version, "pregnant").text == "Are you pregnant, or could you be pregnant?"
    assert not version.questions.filter(code="seizures").exists()
    page = client.get(responses[0]["Location"]).text
    assert "Version 1 is published and never changes" in page


def test_the_draft_saves_the_edits_and_says_so(client_as, draft):
    client = client_as("clinician")
    url = reverse("screening:questionnaire_version", args=[draft.number])

    response = client.post(
        url, formset_data(draft, breastfeeding={"text": "Are you nursing a baby?"}), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert "Saved 1 change to the draft." in response.text
    assert question(draft, "breastfeeding").text == "Are you nursing a baby?"


def test_a_milder_safety_question_is_refused_by_the_field_keeping_the_typing(client_as, draft):
    url = reverse("screening:questionnaire_version", args=[draft.number])
    data = formset_data(
        draft,
        pregnant={"flag_severity": "relative", "text": "Might you be pregnant?"},
        aneurysm={"text": "Any aneurysm, ever?"},
    )

    response = client_as("clinician").post(url, data)

    assert response.status_code == 200
    block = field_block(response.text, "id_form-0-flag_severity")
    assert "“pregnant” is a shipped safety question" in block
    assert 'value="relative" selected' in block
    assert "Might you be pregnant?" in response.text
    assert "Any aneurysm, ever?" in response.text
    assert question(draft, "pregnant").flag_severity == "absolute"
    assert question(draft, "aneurysm").text.startswith("Have you ever had an aneurysm")


def test_the_add_form_refuses_a_shipped_code_by_the_field_keeping_the_typing(client_as, draft):
    url = reverse("screening:questionnaire_question_add", args=[draft.number])

    response = client_as("clinician").post(
        url, {"code": "pregnant", "text": "Are you expecting?", "flag_reason": "Expecting."}
    )

    assert response.status_code == 200
    assert "belongs to a shipped question" in field_block(response.text, "id_add_code")
    assert 'value="pregnant"' in field_block(response.text, "id_add_code")
    assert "Are you expecting?" in response.text
    assert 'value="Expecting."' in response.text
    assert draft.questions.filter(code="pregnant").count() == 1


def test_a_shipped_question_has_no_remove_button_and_cannot_be_removed(client_as, draft):
    client = client_as("clinician")
    pain = question(draft, "pain_score")
    remove_url = reverse("screening:questionnaire_question_remove", args=[draft.number, pain.pk])

    page = client.get(reverse("screening:questionnaire_version", args=[draft.number])).text
    response = client.post(remove_url, follow=True)

    assert remove_url not in page
    assert "“pain_score” is a shipped question" in response.text
    assert draft.questions.filter(code="pain_score").exists()


def test_publishing_from_the_page_without_a_note_keeps_the_draft(client_as, draft):
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": ""})

    assert response.status_code == 200
    assert services.CHANGE_NOTE_NEEDED in field_block(response.text, "id_publish_change_note")
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


def test_publishing_from_the_page_names_what_is_wrong(client_as, draft):
    draft.questions.filter(code="aneurysm").update(flag_severity="relative")
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": "Milder aneurysm question."})

    assert response.status_code == 200
    assert "“aneurysm” is a shipped safety question" in response.text
    assert "Milder aneurysm question." in response.text
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


def test_publishing_from_the_page_makes_the_draft_current(client_as, clinician, draft):
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": "Asks about seizures."})

    assert response["Location"] == reverse("screening:questionnaire_versions")
    current = QuestionnaireVersion.objects.current()
    assert current == draft
    assert current.published_by == clinician
