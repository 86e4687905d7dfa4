"""The login form answers an address too long for any mailbox with a message beside the
field: neither the account lookup nor django-axes (which records each failed sign-in) sees it."""

import html
import re

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


@pytest.mark.parametrize("length", [255, 300, 320])
def test_an_address_too_long_for_any_mailbox_is_explained_beside_the_field(client, patient, length):
    email = "p" * (length - len("@example.com")) + "@example.com"

    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("login"), {"username": email, "password": "a-guess"})

    assert response.status_code == 200
    assert field_errors(response.text, "username") == [
        f"An e-mail address has at most 254 characters; this one has {length}. Please check it."
    ]
    assert not [q["sql"] for q in queries.captured_queries if "ppppp" in q["sql"]]
    assert not AccessAttempt.objects.exists()
    assert "_auth_user_id" not in client.session
