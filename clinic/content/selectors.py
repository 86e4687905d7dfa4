"""Reads of public content."""

import operator
from functools import reduce

from django.contrib.postgres.search import Lexeme, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import BooleanField, Case, Value, When

from .models import FAQCategory, FAQEntry, Page
from .stemmed_search import is_prefix, search_terms, text_matches


def navigation_pages():
    return Page.objects.published().only("slug", "published_title", "nav_order")


def faq_by_category(*, query: str = "") -> list[FAQCategory]:
    """Categories that have published questions matching the query, each with its questions
    (every published question when the query has no word to look for).

    Which entries match is the rule in `stemmed_search`, on any database. Within a category,
    entries whose question alone matches come first, then those found through the answer,
    each in staff's order; PostgreSQL also ranks by SearchRank before staff's order.
    """
    terms = search_terms(query)
    entries = FAQEntry.objects.published().select_related("category")
    if not terms:
        found = list(entries.order_by("order", "question"))
    elif connection.vendor == "postgresql":
        found = list(_ranked_in_postgresql(entries, terms))
    else:
        found = _ranked_in_python(entries, terms)
    return _by_category(found)


def _ranked_in_postgresql(entries, terms):
    # The terms are stems already: the "simple" configuration takes them as they are, where
    # "english" would stem the five-letter prefixes again.
    query = SearchQuery(
        reduce(operator.and_, (Lexeme(term, prefix=is_prefix(term)) for term in terms)),
        config="simple",
    )
    question = SearchVector("question", config="english", weight="A")
    document = question + SearchVector("answer", config="english", weight="B")
    return (
        entries.annotate(document=document, question_vector=question)
        .filter(document=query)
        .annotate(
            in_question=Case(
                When(question_vector=query, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            rank=SearchRank(document, query),
        )
        .order_by("-in_question", "-rank", "order", "question")
    )


def _ranked_in_python(entries, terms):
    in_question, in_answer = [], []
    for entry in entries.order_by("order", "question"):
        if text_matches(terms, entry.question):
            in_question.append(entry)
        elif text_matches(terms, f"{entry.question}\n{entry.answer}"):
            in_answer.append(entry)
    return in_question + in_answer


def _by_category(entries) -> list[FAQCategory]:
    """The entries' categories in staff's order, each with its entries in `matching_entries`."""
    categories: dict[int, FAQCategory] = {}
    for entry in entries:
        if entry.category_id not in categories:
            categories[entry.category_id] = entry.category
            entry.category.matching_entries = []
        categories[entry.category_id].matching_entries.append(entry)
    return sorted(categories.values(), key=lambda c: (c.order, c.name))
