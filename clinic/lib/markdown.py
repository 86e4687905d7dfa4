"""Markdown written by staff, turned into HTML that is safe to show to anyone.

Staff are trusted to write text, not markup: whatever HTML the Markdown holds or produces
is cleaned by nh3 to a short list of tags, so a pasted `<script>` or `onclick=` is inert.
"""

from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=512)
def render_markdown(text: str) -> SafeString:
    """Render Markdown to sanitized HTML. Cached: published text is rendered on every view."""
    html = markdown.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # nh3 has just removed everything not allowed.
    return mark_safe(cleaned)  # noqa: S308  # nosec B308 B703
