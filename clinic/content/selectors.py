"""Reads of public content."""

from django.db.models import Prefetch

from .models import FAQCategory, FAQEntry, Page


def navigation_pages():
    return Page.objects.published().only("slug", "published_title", "nav_order")


def faq_by_category(*, query: str = "") -> list[FAQCategory]:
    """Categories that have published questions matching the query, each with its questions."""
    entries = FAQEntry.objects.published().search(query).order_by("order", "question")
    categories = FAQCategory.objects.prefetch_related(
        Prefetch("entries", queryset=entries, to_attr="matching_entries")
    )
    return [c for c in categories if c.matching_entries]
