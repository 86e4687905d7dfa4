"""A page's history: who changed it, which fields, and publishing, at a fixed cost."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from clinic.content.models import Page
from tests.content.helpers import editor_data
from tests.factories import PageFactory


def history_rows(html):
    """(who, what, fields changed) for each row of the history table, newest first."""
    return re.findall(
        r"<tr>\s*<td>[^<]*</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html
    )


@pytest.mark.django_db
def test_the_history_shows_who_changed_the_page_and_which_fields(clinic_admin_client, clinic_admin):
    page = PageFactory(slug="history", title="Old title", body="Old body.")
    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, title="New title", body="New body.", save="Save"),
    )

    latest = page.history.first()
    html = clinic_admin_client.get(reverse("content:staff_page_history", args=[page.pk])).text

    assert latest.history_user == clinic_admin
    assert {"title", "body"} <= set(latest.diff_against(latest.prev_record).changed_fields)
    who, what, fields = history_rows(html)[0]
    assert who == escape(str(clinic_admin))
    assert what == "Changed"
    assert set(fields.split(", ")) == {"title", "body"}


@pytest.mark.django_db
def test_the_history_records_publishing_by_name(clinic_admin_client, clinic_admin):
    page = PageFactory(slug="to-publish")

    clinic_admin_client.post(
        reverse("content:staff_page_publish", args=[page.pk]), {"action": "publish"}
    )
    html = clinic_admin_client.get(reverse("content:staff_page_history", args=[page.pk])).text

    latest = page.history.first()
    assert latest.history_change_reason == "Published"
    assert latest.history_user == clinic_admin
    who, what, fields = history_rows(html)[0]
    assert who == escape(str(clinic_admin))
    assert what == "Published"
    # What went live is named too, though these fields are never typed into a form.
    assert {"published_title", "published_body", "published_at"} <= set(fields.split(", "))


@pytest.mark.django_db
def test_a_shipped_page_starts_its_history_as_shipped_with_the_portal(clinic_admin_client):
    page = Page.objects.get(slug="how-it-works")

    rows = history_rows(
        clinic_admin_client.get(reverse("content:staff_page_history", args=[page.pk])).text
    )

    assert rows == [("System", "Shipped with the portal", "First recorded version")]


@pytest.mark.django_db
def test_editing_a_shipped_page_lists_the_changed_fields_against_what_shipped(clinic_admin_client):
    page = Page.objects.get(slug="how-it-works")

    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, summary="A shorter summary.", save="Save"),
    )
    rows = history_rows(
        clinic_admin_client.get(reverse("content:staff_page_history", args=[page.pk])).text
    )

    assert [fields for _who, _what, fields in rows] == ["summary", "First recorded version"]


@pytest.mark.django_db
def test_the_history_page_stays_cheap_however_long_the_history(
    clinic_admin_client, django_assert_max_num_queries
):
    page = PageFactory(slug="busy")
    for n in range(15):
        clinic_admin_client.post(
            reverse("content:staff_page_edit", args=[page.pk]),
            editor_data(page, body=f"Revision {n}.", save="Save"),
        )

    # 7 whatever the length: session, user, the staff member's verified device, perms...
    with django_assert_max_num_queries(7):
        response = clinic_admin_client.get(reverse("content:staff_page_history", args=[page.pk]))

    assert len(history_rows(response.text)) == 16  # created, then 15 edits
