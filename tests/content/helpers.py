"""What the public page tests share: a published page, the editor's post, a field's markup."""

import re

from clinic.content import services
from tests.factories import PageFactory


def published_page(**fields):
    return services.page_publish(page=PageFactory(**fields))


def editor_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "nav_order": page.nav_order,
    }
    return {**data, **changes}


def field_block(html, field):
    """The form group crispy renders for one field: its input, label and error text."""
    match = re.search(
        rf'<div id="div_id_{field}".*?(?=<div id="div_id_|<input type="submit")', html, re.S
    )
    assert match, f"no form group for {field}"
    return match.group(0)
