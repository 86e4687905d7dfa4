"""The page editor: previews that save nothing, creating a page, errors beside the fields."""

import pytest
from django.urls import reverse

from clinic.content.models import Page
from tests.content.helpers import editor_data, field_block, published_page
from tests.factories import PageFactory


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
