"""Public pages: staff edit a draft, patients see only what was published."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from clinic.content import services
from clinic.content.default_content import PAGES
from clinic.content.models import Page
from tests.factories import PageFactory, UserFactory
from tests.logins import log_in


def published_page(**fields):
    return services.page_publish(page=PageFactory(**fields))


def editor_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "nav_order": page.nav_order,
    }
    return {**data, **changes}


@pytest.fixture
def clinic_admin_client(client_as):
    return client_as("clinic_admin")


@pytest.fixture
def visitor():
    """An anonymous browser of its own, beside the logged-in `clinic_admin_client`."""
    return Client()


# Draft and publish -----------------------------------------------------------------------


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


# Preview ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_preview_shows_the_unsaved_text_and_saves_nothing(visitor, clinic_admin_client):
    page = published_page(slug="aftercare", title="Aftercare", body="Rest at home.")

    response = clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, title="Aftercare, revised", body="Rest **all day**.", preview="Preview"),
    )

    assert response.status_code == 200
    html = response.text
    assert "Preview — not saved yet" in html
    assert "Rest <strong>all day</strong>." in html
    page.refresh_from_db()
    assert (page.title, page.body) == ("Aftercare", "Rest at home.")
    assert page.history.count() == 2  # created, published: the preview left no trace
    assert "Rest at home." in visitor.get("/learn/aftercare/").text


@pytest.mark.django_db
def test_preview_of_a_new_page_creates_nothing(clinic_admin_client):
    pages_before = Page.objects.count()

    response = clinic_admin_client.post(
        reverse("content:staff_page_new"),
        {
            "title": "Brand new",
            "slug": "brand-new",
            "summary": "",
            "body": "Fresh text.",
            "nav_order": 100,
            "preview": "Preview",
        },
    )

    assert "Fresh text." in response.text
    assert Page.objects.count() == pages_before


@pytest.mark.django_db
def test_the_saved_draft_preview_shows_the_draft_while_the_site_shows_the_published_text(
    visitor, clinic_admin_client
):
    page = published_page(slug="driving", title="Driving", body="Bring a driver.")
    clinic_admin_client.post(
        reverse("content:staff_page_edit", args=[page.pk]),
        editor_data(page, title="Driving home", body="Bring an adult driver.", save="Save"),
    )

    preview = clinic_admin_client.get(reverse("content:staff_page_preview", args=[page.pk]))

    html = preview.text
    assert "Preview of the saved draft" in html
    assert "the site still shows the last published version" in html
    assert "Driving home" in html
    assert "Bring an adult driver." in html
    assert "Bring a driver." in visitor.get("/learn/driving/").text


@pytest.mark.django_db
def test_the_saved_draft_preview_of_an_unpublished_page_says_it_is_not_on_the_site(
    clinic_admin_client,
):
    page = PageFactory(body="Not yet public.")

    html = clinic_admin_client.get(reverse("content:staff_page_preview", args=[page.pk])).text

    assert "this page is not on the site" in html
    assert "Not yet public." in html


# Creating and validating -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_clinic_admin_can_create_a_page_which_starts_as_a_draft(visitor, clinic_admin_client):
    response = clinic_admin_client.post(
        reverse("content:staff_page_new"),
        {
            "title": "Parking",
            "slug": "parking",
            "summary": "Where to park.",
            "body": "Behind the building.",
            "nav_order": 50,
            "save": "Save",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("content:staff_pages")
    page = Page.objects.get(slug="parking")
    assert not page.is_published
    assert visitor.get("/learn/parking/").status_code == 404


@pytest.mark.django_db
def test_the_editor_shows_errors_beside_the_fields_and_keeps_what_was_typed(clinic_admin_client):
    response = clinic_admin_client.post(
        reverse("content:staff_page_new"),
        {
            "title": "",
            "slug": "Not a slug!",
            "summary": "My summary stays.",
            "body": "My long text stays.",
            "nav_order": 100,
            "save": "Save",
        },
    )

    assert response.status_code == 200
    html = response.text
    assert set(response.context["form"].errors) == {"title", "slug"}
    slug_field = field_block(html, "slug")
    assert "is-invalid" in slug_field
    assert "Enter a valid “slug”" in slug_field
    assert 'value="Not a slug!"' in slug_field
    assert "This field is required." in field_block(html, "title")
    assert "My long text stays." in field_block(html, "body")
    assert 'value="My summary stays."' in field_block(html, "summary")
    assert not Page.objects.filter(slug="Not a slug!").exists()


@pytest.mark.django_db
def test_two_pages_cannot_share_an_address(clinic_admin_client):
    PageFactory(slug="taken")

    response = clinic_admin_client.post(
        reverse("content:staff_page_new"),
        {"title": "Copy", "slug": "taken", "body": "x", "nav_order": 1, "save": "Save"},
    )

    assert response.status_code == 200
    assert "already exists" in field_block(response.text, "slug")


def field_block(html, field):
    """The form group crispy renders for one field: its input, label and error text."""
    match = re.search(
        rf'<div id="div_id_{field}".*?(?=<div id="div_id_|<input type="submit")', html, re.S
    )
    assert match, f"no form group for {field}"
    return match.group(0)


# History ---------------------------------------------------------------------------------


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


# Default content -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_install_ships_eight_published_pages():
    published = Page.objects.published()

    assert published.count() == 8
    assert {p.slug for p in published} == {p["slug"] for p in PAGES}
    assert all(not p.has_unpublished_changes for p in published)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", [p["slug"] for p in PAGES])
def test_every_default_page_opens_for_a_visitor(client, slug):
    response = client.get(reverse("content:page", args=[slug]))

    assert response.status_code == 200
    assert response.context["title"] == Page.objects.get(slug=slug).published_title


@pytest.mark.django_db
def test_the_site_menu_lists_the_published_pages_in_their_order(client):
    html = client.get(reverse("content:home")).text

    positions = [
        html.index(f'href="/learn/{p["slug"]}/"')
        for p in sorted(PAGES, key=lambda p: p["nav_order"])
    ]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_a_public_page_needs_few_queries(client, django_assert_max_num_queries):
    # The content fingerprint (for the cache), the page, and the menu of published pages.
    with django_assert_max_num_queries(3):
        client.get(reverse("content:page", args=["how-it-works"]))


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
