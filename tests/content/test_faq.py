"""The public FAQ: grouped by category, searchable, and showing only published questions."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from clinic.content.default_content import FAQ
from clinic.content.models import FAQCategory, FAQEntry
from tests.factories import FAQCategoryFactory, FAQEntryFactory

SECTION = re.compile(
    r'<section class="mb-5 prose".*?<h2 id="faq-cat-\d+">(.*?)</h2>(.*?)</section>', re.S
)
QUESTION = re.compile(r'<summary class="fw-semibold">(.*?)</summary>')


def faq_page(client, **params):
    response = client.get(reverse("content:faq"), params)
    assert response.status_code == 200
    return response.text


def shown_questions(html):
    return [unescape(q) for q in QUESTION.findall(html)]


def sections(html):
    """[(category name, [questions])] in page order."""
    return [(unescape(name), shown_questions(body)) for name, body in SECTION.findall(html)]


@pytest.fixture
def clear_default_faq(db):
    """Start from an empty FAQ, for tests about layout rather than the shipped questions."""
    FAQEntry.objects.all().delete()
    FAQCategory.objects.all().delete()


# What a new install ships ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_install_ships_every_default_question_published_under_its_category(client):
    html = faq_page(client)

    assert sections(html) == [
        (group["category"], [entry["question"] for entry in group["entries"]]) for group in FAQ
    ]


@pytest.mark.django_db
def test_the_faq_is_open_to_anonymous_visitors_and_needs_few_queries(
    client, django_assert_max_num_queries
):
    # The content fingerprint (for the cache), the categories, their published questions, and
    # the menu of pages.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("content:faq"))

    assert response.status_code == 200


# Grouping and order ----------------------------------------------------------------------


@pytest.mark.django_db
def test_questions_are_grouped_under_their_category_in_the_order_staff_chose(
    client, clear_default_faq
):
    money = FAQCategoryFactory(name="Money", order=20)
    visits = FAQCategoryFactory(name="Visits", order=10)
    FAQEntryFactory(category=money, question="How do I pay?", order=2)
    FAQEntryFactory(category=visits, question="Where do I park?", order=5)
    FAQEntryFactory(category=money, question="What does it cost?", order=1)
    FAQEntryFactory(category=visits, question="How long is a visit?", order=1)

    assert sections(faq_page(client)) == [
        ("Visits", ["How long is a visit?", "Where do I park?"]),
        ("Money", ["What does it cost?", "How do I pay?"]),
    ]


@pytest.mark.django_db
def test_a_category_with_no_published_question_is_not_shown(client, clear_default_faq):
    FAQEntryFactory(category=FAQCategoryFactory(name="Shown"), question="Visible?")
    FAQEntryFactory(
        category=FAQCategoryFactory(name="Only drafts"), question="Hidden?", is_published=False
    )
    FAQCategoryFactory(name="Empty")

    assert [name for name, _ in sections(faq_page(client))] == ["Shown"]


# Published or not ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_unpublished_question_never_shows_even_when_searched_for_exactly(client):
    FAQEntryFactory(
        question="Is the secret draft question visible?",
        answer="Not until it is published.",
        is_published=False,
    )

    assert "secret draft question" not in faq_page(client)
    searched = faq_page(client, q="secret draft question")
    assert "secret draft question" not in shown_questions(searched)
    assert "No question matches" in searched


@pytest.mark.django_db
def test_staff_unpublishing_a_question_in_the_editor_takes_it_off_the_faq(client_as):
    entry = FAQEntryFactory(question="Will this question go away?")
    admin = client_as("clinic_admin")

    admin.post(
        reverse("content:staff_faq_edit", args=[entry.pk]),
        {
            "category": entry.category.pk,
            "question": entry.question,
            "answer": entry.answer,
            "order": entry.order,
            "save": "Save",
            # an unticked checkbox is simply absent from the form data
        },
    )

    assert "Will this question go away?" not in shown_questions(faq_page(Client()))
    entry.refresh_from_db()
    assert not entry.is_published


# Search ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_searching_insurance_shows_only_the_questions_about_insurance(client):
    html = faq_page(client, q="insurance")

    questions = shown_questions(html)
    assert "Does insurance pay for ketamine infusions?" in questions
    assert "Can I drive myself home?" not in questions
    for question in questions:
        entry = FAQEntry.objects.get(question=question)
        assert "insurance" in f"{entry.question} {entry.answer}".lower()
    assert "Questions matching “insurance”." in html


@pytest.mark.django_db
def test_search_ignores_case(client):
    assert shown_questions(faq_page(client, q="INSURANCE")) == shown_questions(
        faq_page(client, q="insurance")
    )


@pytest.mark.django_db
def test_search_finds_words_in_the_answer_as_well_as_the_question(client, clear_default_faq):
    FAQEntryFactory(question="What should I wear?", answer="Loose clothing with roomy sleeves.")

    assert shown_questions(faq_page(client, q="sleeves")) == ["What should I wear?"]


@pytest.mark.django_db
def test_a_search_that_matches_nothing_says_so(client):
    html = faq_page(client, q="xylophone-zebra")

    assert shown_questions(html) == []
    assert "No question matches “xylophone-zebra”." in html
    assert 'href="/faq/"' in html  # the way back to every question


@pytest.mark.django_db
def test_a_blank_search_shows_every_question(client):
    assert shown_questions(faq_page(client, q="   ")) == shown_questions(faq_page(client))


@pytest.mark.django_db
def test_the_search_box_keeps_what_was_typed(client):
    assert 'value="insurance"' in faq_page(client, q="insurance")


@pytest.mark.django_db
def test_a_search_with_markup_is_echoed_as_text(client):
    html = faq_page(client, q='<script>alert("q")</script>')

    assert '<script>alert("q")</script>' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_an_overlong_search_is_refused_without_an_error_page(client):
    html = faq_page(client, q="a" * 101)

    assert "No question matches" not in html
    assert len(shown_questions(html)) == sum(len(group["entries"]) for group in FAQ)
