"""The pages a new install ships, published, in the menu, cheap to open."""

import pytest
from django.urls import reverse

from clinic.content.default_content import PAGES
from clinic.content.models import Page


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
