"""Staff write Markdown; whatever HTML they paste must reach patients inert.

Checked twice: on `render_markdown` itself, and on the pages patients actually load (a
published page and the FAQ), so a template that forgot to use the sanitized HTML would fail.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from clinic.content import services
from clinic.lib.markdown import render_markdown
from tests.factories import FAQEntryFactory, PageFactory

ATTACKS = {
    "script tag": "<script>alert(1)</script>",
    "image with onerror": "<img src=x onerror=alert(1)>",
    "javascript link in markdown": "[x](javascript:alert(1))",
    "javascript link in html": '<a href="javascript:alert(1)">x</a>',
    "link with onclick": '<a href="#" onclick="alert(1)">click me</a>',
    "mixed-case script": "<ScRiPt>alert(1)</sCrIpT>",
    "svg onload": "<svg onload=alert(1)></svg>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "style attribute": '<p style="background:url(javascript:alert(1))">styled</p>',
}


class _Audit(HTMLParser):
    """Collects what could run: script tags, on* handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("src", "").startswith("/static/"):
            self.problems.append("inline <script>")
        if tag in {"iframe", "object", "embed", "svg", "img"}:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if value and "javascript:" in value.replace(" ", "").lower():
                self.problems.append(f"javascript: URL in {name}= on <{tag}>")

    handle_startendtag = handle_starttag


def dangerous_parts(html):
    audit = _Audit()
    audit.feed(html)
    audit.close()
    return audit.problems


@pytest.mark.parametrize("markdown", ATTACKS.values(), ids=ATTACKS.keys())
def test_render_markdown_makes_pasted_html_inert(markdown):
    html = render_markdown(f"Before the paste.\n\n{markdown}\n\nAfter the paste.")

    assert dangerous_parts(html) == []
    assert "alert(1)" not in html
    assert "Before the paste." in html
    assert "After the paste." in html


def test_render_markdown_keeps_the_formatting_staff_are_meant_to_use():
    html = render_markdown(
        "## Preparing\n\n- **No food** for 6 hours\n- *Clear* drinks until 2 hours before\n\n"
        "[Call us](tel:+18605550142) or [read more](https://example.com/more)."
    )

    assert "<h2>Preparing</h2>" in html
    assert "<li><strong>No food</strong> for 6 hours</li>" in html
    assert "<em>Clear</em>" in html
    assert 'href="tel:+18605550142"' in html
    assert 'href="https://example.com/more"' in html


def test_links_staff_write_cannot_be_used_to_reach_back_into_the_opener():
    html = render_markdown("[partner](https://example.com/)")

    assert 'rel="noopener noreferrer"' in html


def test_an_onclick_link_keeps_its_text_and_harmless_address():
    html = render_markdown('<a href="#" onclick="steal()">click me</a>')

    assert "onclick" not in html
    assert "steal()" not in html
    assert "click me" in html


def test_render_markdown_treats_empty_text_as_an_empty_page():
    assert render_markdown("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("markdown", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_published_page_serves_pasted_html_inert(client, markdown):
    page = services.page_publish(
        page=PageFactory(slug="pasted", body=f"Safe words.\n\n{markdown}\n\nMore safe words.")
    )

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    assert dangerous_parts(html) == []
    assert "alert(1)" not in html
    assert "More safe words." in html


@pytest.mark.django_db
@pytest.mark.parametrize("markdown", ATTACKS.values(), ids=ATTACKS.keys())
def test_an_faq_answer_is_served_inert(client, markdown):
    FAQEntryFactory(question="Is this answer safe?", answer=f"Yes.\n\n{markdown}")

    response = client.get(reverse("content:faq"), {"q": "answer safe"})

    html = response.text
    assert "Is this answer safe?" in html
    assert dangerous_parts(html) == []
    assert "alert(1)" not in html


@pytest.mark.django_db
def test_the_editor_preview_of_a_pasted_script_is_inert_too(client_as):
    response = client_as("clinic_admin").post(
        reverse("content:staff_page_new"),
        {
            "title": "Sneaky",
            "slug": "sneaky",
            "summary": "",
            "body": "Hello <script>alert(1)</script> <img src=x onerror=alert(1)>",
            "nav_order": 100,
            "preview": "Preview",
        },
    )

    preview = response.text.split("Preview — not saved yet", 1)[1]
    assert dangerous_parts(preview) == []
    assert "Hello" in preview


@pytest.mark.django_db
def test_a_page_title_with_markup_is_shown_as_text(client):
    page = services.page_publish(
        page=PageFactory(slug="title-markup", title="<b>Bold</b> <script>alert(1)</script>")
    )

    html = client.get(page.get_absolute_url()).text

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert dangerous_parts(html) == []
