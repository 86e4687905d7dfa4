"""Sign-up answers odd input with a message beside the field, never a server error: nothing
unchecked reaches the database, and names lose invisible direction characters."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic.accounts.models import User

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Robin",
    "last_name": "Visitor",
    "email": "robin@example.com",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


@pytest.mark.parametrize("length", [255, 300, 320])
def test_an_address_too_long_for_any_mailbox_is_explained_beside_the_field(client, length):
    email = "r" * (length - len("@example.com")) + "@example.com"

    response = client.post(reverse("patients:signup"), {**FORM, "email": email})

    assert response.status_code == 200
    assert field_errors(response.text, "email") == [
        f"An e-mail address has at most 254 characters; this one has {length}. Please check it."
    ]
    assert 'value="Robin"' in response.text
    assert not User.objects.exists()


def test_a_nul_byte_in_the_address_is_refused_before_any_query_sees_it(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            reverse("patients:signup"), {**FORM, "email": "robin@exa\x00mple.com"}
        )

    assert response.status_code == 200
    assert "Null characters are not allowed." in field_errors(response.text, "email")
    # SQLite's own quoting cuts the logged query at the NUL, so look for what comes before it.
    assert not [q["sql"] for q in queries.captured_queries if "robin@exa" in q["sql"]]
    assert not User.objects.exists()


def test_names_are_kept_without_their_invisible_direction_characters(client):
    response = client.post(
        reverse("patients:signup"),
        {**FORM, "first_name": "Ro\u202ebin", "last_name": "\u200fVisitor\u202c"},
    )

    assert response.status_code == 200  # "check your e-mail"
    user = User.objects.get()
    assert (user.first_name, user.last_name) == ("Robin", "Visitor")
