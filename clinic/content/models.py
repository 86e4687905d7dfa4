from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from clinic.lib.markdown import render_markdown

MARKDOWN_HELP = (
    "Markdown: ## for a heading, - for a list, **bold**. Any HTML is removed when the page is "
    "shown."
)


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Page(models.Model):
    """A page of the public site. Staff edit a draft; publishing copies it to what visitors see.

    The draft fields (title, summary, body) can change freely without touching the live page;
    the published_* fields change only through `page_publish`.
    """

    slug = models.SlugField(
        max_length=80, unique=True, help_text="The page's address on the site: /learn/<slug>/."
    )
    title = models.CharField(max_length=200)
    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences for menus and search engines."
    )
    body = models.TextField(help_text=MARKDOWN_HELP)
    nav_order = models.PositiveSmallIntegerField(
        default=100, help_text="Published pages are listed in the site menu in this order."
    )

    published_title = models.CharField(max_length=200, blank=True, editable=False)
    published_summary = models.CharField(max_length=300, blank=True, editable=False)
    published_body = models.TextField(blank=True, editable=False)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the draft was last published; empty while the page is not on the site.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["nav_order", "title"]
        permissions = [("publish_page", "Can publish and unpublish pages")]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(published_body=""),
                name="page_published_has_body",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:page", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def has_unpublished_changes(self) -> bool:
        return (self.title, self.summary, self.body) != (
            self.published_title,
            self.published_summary,
            self.published_body,
        )

    def draft_html(self):
        return render_markdown(self.body)

    def published_html(self):
        return render_markdown(self.published_body)


class FAQCategory(models.Model):
    name = models.CharField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=100)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "FAQ category"
        verbose_name_plural = "FAQ categories"

    def __str__(self):
        return self.name


class FAQEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class FAQEntry(models.Model):
    category = models.ForeignKey(FAQCategory, on_delete=models.PROTECT, related_name="entries")
    question = models.CharField(max_length=300)
    answer = models.TextField(help_text=MARKDOWN_HELP)
    order = models.PositiveSmallIntegerField(
        default=100, help_text="Questions are listed within their category in this order."
    )
    is_published = models.BooleanField(
        "published", default=False, help_text="Only published questions appear on the site."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = FAQEntryQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "question"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self):
        return self.question

    def answer_html(self):
        return render_markdown(self.answer)
