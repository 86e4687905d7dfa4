"""Passwords that leaked in data breaches are refused, checked against a list on the server;
so are their look-alikes (other case, backwards, symbols for letters)."""

import pytest
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.urls import reverse

from clinic.accounts.breached_passwords import BreachedPasswordValidator
from clinic.accounts.models import User
from tests.patients.intake.helpers import field_errors, input_value

LEAKED = "Leaked in a data breach"
MESSAGE = (
    "This password is on lists of passwords leaked in data breaches, which attackers try "
    "first. Please choose another."
)


def refused(password):
    try:
        BreachedPasswordValidator().validate(password)
    except ValidationError as error:
        assert error.messages == [MESSAGE]
        return True
    return False


@pytest.mark.parametrize(
    "password",
    [
        "translator",  # on the leaked list, not on Django's common one
        "TRANSLATOR",
        "rotalsnart",
        "Tr4nsl4t0r",
        "B4sk3tb4ll",
        "m0nk3ym4n",
    ],
)
def test_a_leaked_password_or_a_look_alike_is_refused(password):
    assert refused(password)


def test_the_list_reaches_past_djangos_common_passwords():
    CommonPasswordValidator().validate("translator")  # Django's own list lets it through

    assert refused("translator")


@pytest.mark.parametrize(
    "password", ["correct-horse-battery", "a-long-enough-passphrase", "Tr0ub4dor&3", "x" * 10_000]
)
def test_a_password_not_on_the_list_is_accepted(password):
    assert not refused(password)


@pytest.mark.django_db
def test_sign_up_with_a_leaked_password_says_so_by_the_field_and_keeps_the_rest(client):
    response = client.post(
        reverse("patients:signup"),
        {
            "first_name": "Robin",
            "last_name": "Visitor",
            "email": "robin@example.com",
            "password1": "Tr4nsl4t0r",
            "password2": "Tr4nsl4t0r",
        },
    )

    assert response.status_code == 200
    assert MESSAGE in " ".join(field_errors(response.text, "password1"))
    assert input_value(response.text, "email") == "robin@example.com"
    assert not User.objects.filter(email="robin@example.com").exists()
