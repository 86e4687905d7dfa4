"""The POST forms of a page, as a browser sees them: where each one posts, and the names,
kinds and offered values of its fields."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # an input's type ("text", "date", "file"...), "select", "textarea", "button"
    values: list = field(default_factory=list)  # what the page offers: options, checkbox values


@dataclass
class Form:
    action: str  # the path it posts to
    fields: dict = field(default_factory=dict)  # name -> Field

    def add(self, name, kind, value=None):
        found = self.fields.setdefault(name, Field(name, kind))
        if value is not None and value not in found.values:
            found.values.append(value)


class _Parser(HTMLParser):
    def __init__(self, page_path):
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms = []
        self.form = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            if attrs.get("method", "get").lower() == "post":
                action = urlsplit(urljoin(self.page_path, attrs.get("action") or "")).path
                self.form = Form(action or self.page_path)
                self.forms.append(self.form)
            return
        if self.form is None:
            return
        if tag == "option" and self.select is not None:
            self.form.add(self.select, "select", attrs.get("value", ""))
            return
        if not attrs.get("name"):
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            self.form.add(name, kind, attrs.get("value"))
        elif tag == "button":
            self.form.add(name, "button", attrs.get("value", ""))
        elif tag == "select":
            self.select = name
            self.form.add(name, "select")
        elif tag == "textarea":
            self.form.add(name, "textarea")

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def post_forms(page: str, page_path: str) -> list[Form]:
    """Every <form method="post"> of the page; actions as paths (the page's own if none)."""
    parser = _Parser(page_path)
    parser.feed(page)
    return parser.forms
