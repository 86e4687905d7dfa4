"""Who may use the editor's pages: clinic admins only."""

import pytest
from django.urls import reverse

from patients.models import ConsentDocument
from tests.access import assert_sent_to_login
from tests.patients.consent.editor.helpers import page_data, reloaded, shipped

pytestmark = pytest.mark.django_db

ALLOWED = ("clinic_admin",)
FORBIDDEN = ("clinician", "front_desk", "patient")


def _pages(draft):
    """(url, method, data) of every editor page, on the draft and the shipped version."""
    return [
        (reverse("patients:consent_versions"), "get", None),
        (reverse("patients:consent_version", args=[shipped().pk]), "get", None),
        (reverse("patients:consent_version", args=[draft.pk]), "get", None),
        (
            reverse("patients:consent_version", args=[draft.pk]),
            "post",
            page_data(draft, title="Changed by a test"),
        ),
        (reverse("patients:consent_draft_start"), "post", {}),
        (reverse("patients:consent_preview", args=[draft.pk]), "get", None),
        (
            reverse("patients:consent_publish", args=[draft.pk]),
            "post",
            {"change_note": "Reworded.", "major": "major"},
        ),
    ]


PAGE_IDS = ["versions", "published", "draft", "draft-save", "draft-start", "preview", "publish"]


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", ALLOWED)
def test_clinic_admins_may_use_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", FORBIDDEN)
def test_other_staff_and_patients_get_403_on_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == 403
    assert ConsentDocument.objects.count() == 2
    assert reloaded(draft).title == shipped().title
    assert not reloaded(draft).is_published


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
def test_anonymous_visitors_are_sent_to_log_in_from_every_editor_page(client, draft, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client, method)(url, data)

    assert_sent_to_login(response, url)
    assert not reloaded(draft).is_published


def test_the_staff_home_links_the_editor_for_clinic_admins_only(client_as):
    url = reverse("patients:consent_versions")

    assert url in client_as("clinic_admin").get(reverse("accounts:staff_home")).text
    assert url not in client_as("clinician").get(reverse("accounts:staff_home")).text
