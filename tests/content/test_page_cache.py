"""Anonymous visitors get cached public pages that still change the moment content does."""

import pytest
from django.urls import reverse

from clinic.content.models import FAQEntry, Page
from clinic.content.services import page_publish
from tests.logins import log_in

pytestmark = pytest.mark.django_db


def test_a_repeat_visit_to_the_home_page_costs_one_small_query(client, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(1):
        response = client.get("/")
    assert response.status_code == 200
    assert "Request a free consultation" in response.text


def test_a_published_edit_shows_to_visitors_at_once(client):
    page = Page.objects.get(slug="side-effects")
    url = reverse("content:page", args=[page.slug])
    assert "Freshly published sentence." not in client.get(url).text
    page.body += "\n\nFreshly published sentence."
    page.save()
    assert "Freshly published sentence." not in client.get(url).text  # a draft is not public
    page_publish(page=page)
    assert "Freshly published sentence." in client.get(url).text


def test_hiding_a_question_removes_it_from_the_cached_faq(client):
    entry = FAQEntry.objects.published().first()
    assert entry.question in client.get("/faq/").text
    entry.is_published = False
    entry.save()
    assert entry.question not in client.get("/faq/").text


def test_a_signed_in_person_never_gets_a_visitors_copy(client, clinician):
    client.get("/")
    log_in(client, clinician)
    response = client.get("/")
    assert "Staff area" in response.text
    assert "Log in" not in response.text
