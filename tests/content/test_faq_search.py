"""FAQ search by word stems: "driver", "driving" and "drive" all find "Can I drive myself home?".

Checked on the pure rule (`stemmed_search`) and through the FAQ page, on whichever database
the suite runs: SQLite applies the rule in Python, PostgreSQL through full-text search, and both
must find the same questions.
"""

import re
from html import unescape

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from clinic.content.default_content import FAQ
from clinic.content.models import FAQCategory, FAQEntry
from clinic.content.stemmed_search import PREFIX_LETTERS, search_terms, text_matches
from tests.factories import FAQCategoryFactory, FAQEntryFactory

DRIVING_HOME = "Can I drive myself home?"
SPELLINGS_OF_DRIVING = ["driver", "driving", "drive", "DRIVING", "drive home", "Drivers", "driven"]
EVERY_DEFAULT_QUESTION = [entry["question"] for group in FAQ for entry in group["entries"]]

QUESTION = re.compile(r'<summary class="fw-semibold">(.*?)</summary>')


def finds(query, text):
    return text_matches(search_terms(query), text)


def faq_page(client, **params):
    response = client.get(reverse("content:faq"), params)
    assert response.status_code == 200
    return response.text


def shown_questions(html):
    return [unescape(q) for q in QUESTION.findall(html)]


@pytest.fixture
def clear_default_faq(db):
    FAQEntry.objects.all().delete()
    FAQCategory.objects.all().delete()


# The rule --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", SPELLINGS_OF_DRIVING)
def test_every_spelling_of_driving_finds_the_question_about_driving_home(query):
    assert finds(query, DRIVING_HOME)


def test_driver_and_driving_meet_on_their_first_five_letters_not_on_their_stems():
    # Snowball keeps "driver" whole, so the shared five-letter prefix is what joins them.
    assert search_terms("driver driving") == ("drive",)
    assert finds("driver", "Arrange your ride before you come in; driving is not allowed.")


def test_a_word_shorter_than_five_letters_finds_only_itself():
    assert finds("cars", "The car park is free.")
    assert not finds("car", "Please take care on the way home.")
    assert not finds("home", "Bring your homework.")


def test_every_word_of_the_query_must_be_found():
    assert finds("drive home", DRIVING_HOME)
    assert not finds("drive insurance", DRIVING_HOME)


def test_a_word_inside_a_longer_one_is_not_found():
    assert not finds("rive", DRIVING_HOME)
    assert not finds("elf", DRIVING_HOME)


def test_common_words_alone_are_not_searched_for():
    assert finds("can I drive myself home", DRIVING_HOME)
    assert search_terms("Can I?") == ()
    assert search_terms("the and of") == ()


@pytest.mark.parametrize("query", ["", "   ", "?!", "...---...", "“”’", "&|!():*", "\x00"])
def test_punctuation_alone_leaves_nothing_to_search_for(query):
    assert search_terms(query) == ()


def test_terms_keep_the_order_typed_and_drop_repeats():
    assert search_terms("Driving home, drivers: HOME!") == ("drive", "home")


@pytest.mark.parametrize(
    "query",
    [
        "drive " * 20_000,
        "d" * 100_000,
        "drive\x00home",
        "drive & !home | (:*) <-> 'x' \\",
        "'; DROP TABLE content_faqentry; --",
        "🚗 drive ☕ home",
        "\ud800 unpaired surrogate",
    ],
)
def test_hostile_queries_never_raise(query):
    terms = search_terms(query)

    assert text_matches(terms, DRIVING_HOME) in (True, False)


def test_a_nul_byte_only_separates_words():
    assert finds("drive\x00home", DRIVING_HOME)


@given(st.text())
def test_any_text_gives_terms_of_letters_and_digits_only(text):
    # So no term can carry a tsquery operator or a NUL to PostgreSQL.
    for term in search_terms(text):
        assert term
        assert len(term) <= PREFIX_LETTERS
        assert all(ch.isalnum() for ch in term)


@given(st.text())
def test_any_text_is_found_by_its_own_words(text):
    assert finds(text, text)


# Through the FAQ page, on the suite's database -------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", SPELLINGS_OF_DRIVING)
def test_driving_finds_the_question_about_driving_home(client, query):
    html = faq_page(client, q=query)

    assert shown_questions(html) == [DRIVING_HOME]
    assert f"Questions matching “{query}”." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "driver",
        "medications",
        "insurance",
        "infusions",
        "blood pressure",
        "side effects",
        "nurse",
        "60 minutes",
        "free consultation",
        "stopping",
        "xylophone",
    ],
)
def test_the_page_finds_exactly_the_questions_the_matching_rule_finds(client, query):
    terms = search_terms(query)
    expected = {
        entry.question
        for entry in FAQEntry.objects.published()
        if text_matches(terms, f"{entry.question}\n{entry.answer}")
    }

    assert set(shown_questions(faq_page(client, q=query))) == expected


@pytest.mark.django_db
def test_a_question_that_matches_comes_before_one_found_only_in_its_answer(
    client, clear_default_faq
):
    visits = FAQCategoryFactory(name="Visits")
    FAQEntryFactory(
        category=visits, order=1, question="Where do I park?", answer="Drivers park at the back."
    )
    FAQEntryFactory(category=visits, order=2, question="Who drives me home?", answer="An adult.")
    FAQEntryFactory(category=visits, order=3, question="What should I wear?", answer="Layers.")

    assert shown_questions(faq_page(client, q="driving")) == [
        "Who drives me home?",
        "Where do I park?",
    ]


@pytest.mark.django_db
def test_categories_keep_staff_order_in_search_results(client, clear_default_faq):
    later = FAQCategoryFactory(name="Later", order=20)
    first = FAQCategoryFactory(name="First", order=10)
    FAQEntryFactory(category=later, question="Can I drive after?", answer="Not that day.")
    FAQEntryFactory(category=first, question="Where do drivers wait?", answer="In the lounge.")

    assert shown_questions(faq_page(client, q="drive")) == [
        "Where do drivers wait?",
        "Can I drive after?",
    ]


@pytest.mark.django_db
def test_an_unpublished_question_is_not_found_by_its_stem(client):
    FAQEntryFactory(question="Can my driver wait inside?", is_published=False)

    assert "Can my driver wait inside?" not in shown_questions(faq_page(client, q="driving"))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["can I", "the", "?!", "…", "&|!"])
def test_a_search_with_no_word_to_look_for_shows_every_question_and_says_why(client, query):
    html = faq_page(client, q=query)

    assert shown_questions(html) == EVERY_DEFAULT_QUESTION
    assert "There is no word to search for" in html
    assert "No question matches" not in html
    assert "Questions matching" not in html


@pytest.mark.django_db
def test_tsquery_operators_in_a_search_are_taken_as_separators(client):
    assert shown_questions(faq_page(client, q="drive & !home | (:*)")) == [DRIVING_HOME]


@pytest.mark.django_db
def test_a_nul_byte_in_a_search_is_refused_and_every_question_shown(client):
    assert shown_questions(faq_page(client, q="drive\x00home")) == EVERY_DEFAULT_QUESTION


@pytest.mark.django_db
def test_a_search_at_the_length_limit_works(client):
    query = "home " * 19 + "drive"
    assert len(query) == 100

    assert shown_questions(faq_page(client, q=query)) == [DRIVING_HOME]


@pytest.mark.django_db
def test_a_search_needs_no_more_queries_than_the_whole_faq(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("content:faq"), {"q": "driving home"})

    assert response.status_code == 200
