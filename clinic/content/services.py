"""Changes to public content. Every entry point (staff editor, admin, seed) goes through here."""

from django.db import transaction
from django.utils import timezone

from .models import Page


@transaction.atomic
def page_publish(*, page: Page) -> Page:
    """Make the current draft what visitors see."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    page.published_title = page.title
    page.published_summary = page.summary
    page.published_body = page.body
    page.published_at = timezone.now()
    page._change_reason = "Published"
    page.save()
    return page


@transaction.atomic
def page_unpublish(*, page: Page) -> Page:
    """Take the page off the site; the draft stays for staff."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    page.published_at = None
    page._change_reason = "Unpublished"
    page.save()
    return page
