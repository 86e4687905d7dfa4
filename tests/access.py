"""Who gets what from a page: the personas, what a test expects each of them to get, and the
checks of a response against that.

A typical access test is parametrized over `matrix(...).items()`, logs in with the
`client_as` fixture (tests/conftest.py) and ends with `assert_responds`.
"""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

# Every persona `client_as` knows; "anonymous" is the visitor who has not logged in.
PERSONAS = ("anonymous", "patient", "front_desk", "clinician", "clinic_admin")

# What a persona gets: a status code, or TO_LOGIN, the login page with a way back.
ALLOWED, REDIRECT, FORBIDDEN, NOT_FOUND, TO_LOGIN = 200, 302, 403, 404, "login"


def matrix(**allowed):
    """persona -> expected response: 403 unless named, and the login page for anonymous."""
    return {p: allowed.get(p, TO_LOGIN if p == "anonymous" else FORBIDDEN) for p in PERSONAS}


def assert_sent_to_login(response, url):
    """The response sends the visitor to log in, and back to `url` afterwards."""
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("login")
    assert parse_qs(location.query)["next"] == [url]


def assert_responds(response, url, expected):
    """The response is `expected`: a status code, or TO_LOGIN (see assert_sent_to_login)."""
    if expected == TO_LOGIN:
        assert_sent_to_login(response, url)
    else:
        assert response.status_code == expected
