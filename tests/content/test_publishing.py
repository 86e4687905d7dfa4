"""Public pages: staff edit a draft, patients see only what was published."""

import pytest
from django.urls import reverse

from tests.content.helpers import editor_data, field_block, published_page
from tests.factories import PageFactory, UserFactory
from tests.logins import log_in


@pytest.mark.django_db
def test_a_page_that_was_never_published_is_not_on_the_site(client):
    page = PageFactory(slug="draft-only")

    assert client.get(page.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_published_page_is_open_to_anonymous_visitors(client):
    page = published_page(slug="welcome", title="Welcome", body="We are glad you came.")

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    assert "We are glad you came." in response.text


@pytest.mark.django_db
def test_saving_a_draft_leaves_the_public_page_as_it_was_until_publishing(
    visitor, clinic_admin_client
):
    page = published_page(slug="fasting", title="Fasting", body="No food for 6 hours.")

    saved = clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, title="Fasting rules", body="No food for 8 hours.", save="Save"),
    )
    before_publishing = visitor.get("/learn/fasting/").text
    clinic_admin_client.post(
        reverse("content:staff_page_publish", args=[page.pk]), {"action": "publish"}
    )
    after_publishing = visitor.get("/learn/fasting/").text

    assert saved.status_code == 302
    assert "No food for 6 hours." in before_publishing
    assert "8 hours" not in before_publishing
    assert "Fasting rules" not in before_publishing
    assert "No food for 8 hours." in after_publishing
    assert "Fasting rules" in after_publishing


@pytest.mark.django_db
def test_the_menu_shows_the_published_title_not_the_draft_one(visitor, clinic_admin_client):
    page = published_page(slug="costs", title="Costs")
    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, title="Unfinished new title", save="Save"),
    )

    home = visitor.get(reverse("content:home")).text

    assert "Costs" in home
    assert "Unfinished new title" not in home


@pytest.mark.django_db
def test_the_page_list_flags_a_published_page_with_unpublished_changes(clinic_admin_client):
    page = published_page(slug="flagged")
    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, body="A newer draft.", save="Save"),
    )

    listing = clinic_admin_client.get(reverse("content:staff_pages")).text

    assert "Unpublished changes" in listing


@pytest.mark.django_db
def test_unpublishing_takes_the_page_off_the_site_and_keeps_the_draft(visitor, clinic_admin_client):
    page = published_page(slug="leaving", body="Still here for staff.")

    response = clinic_admin_client.post(
        reverse("content:staff_page_publish", args=[page.pk]), {"action": "unpublish"}
    )

    assert response.status_code == 302
    assert visitor.get("/learn/leaving/").status_code == 404
    page.refresh_from_db()
    assert page.body == "Still here for staff."
    assert "leaving" not in visitor.get(reverse("content:home")).text


@pytest.mark.django_db
def test_publishing_is_a_post_only_action(clinic_admin_client):
    page = PageFactory()

    response = clinic_admin_client.get(reverse("content:staff_page_publish", args=[page.pk]))

    assert response.status_code == 405
    page.refresh_from_db()
    assert not page.is_published


@pytest.mark.django_db
def test_saving_a_new_address_for_a_published_page_leaves_the_live_page_where_it_was(
    visitor, clinic_admin_client
):
    page = published_page(slug="parking", title="Parking", body="Behind the building.")

    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, slug="parking-and-access", save="Save"),
    )

    assert visitor.get("/learn/parking/").status_code == 200
    assert visitor.get("/learn/parking-and-access/").status_code == 404


@pytest.mark.django_db
def test_the_editor_tells_staff_a_published_page_keeps_its_address(clinic_admin_client):
    page = published_page(slug="parking")

    html = clinic_admin_client.get(reverse("content:staff_page_edit", args=[page.pk])).text

    slug_field = field_block(html, "slug")
    assert "disabled" in slug_field
    assert "A published page keeps its address." in slug_field


@pytest.mark.django_db
def test_an_unpublished_page_can_move_to_a_new_address(visitor, clinic_admin_client):
    page = PageFactory(slug="old-address")

    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, slug="new-address", save="Save"),
    )

    page.refresh_from_db()
    assert page.slug == "new-address"


# Django admin ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_publish_action_publishes_through_the_service(visitor, clinic_admin_client):
    page = PageFactory(slug="from-admin", title="From the admin", body="Admin-made text.")

    response = clinic_admin_client.post(
        reverse("admin:content_page_changelist"),
        {"action": "publish", "_selected_action": [page.pk]},
        follow=True,
    )

    assert "Published 1 page(s)." in response.text
    page.refresh_from_db()
    assert page.is_published
    assert page.published_body == "Admin-made text."
    assert page.history.first().history_change_reason == "Published"
    assert "Admin-made text." in visitor.get("/learn/from-admin/").text


@pytest.mark.django_db
def test_the_admin_unpublish_action_takes_pages_off_the_site(visitor, clinic_admin_client):
    page = published_page(slug="admin-off")

    clinic_admin_client.post(
        reverse("admin:content_page_changelist"),
        {"action": "unpublish", "_selected_action": [page.pk]},
    )

    assert visitor.get("/learn/admin-off/").status_code == 404


@pytest.mark.django_db
def test_the_admin_publish_action_refuses_an_admin_site_user_without_publish_rights(client):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="content", codename__in=["view_page", "change_page"]
        )
    )
    page = PageFactory()
    log_in(client, editor)

    response = client.post(
        reverse("admin:content_page_changelist"),
        {"action": "publish", "_selected_action": [page.pk]},
        follow=True,
    )

    assert "You may not publish pages." in response.text
    page.refresh_from_db()
    assert not page.is_published
