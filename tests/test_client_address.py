"""Behind the proxy, the client's address is what the trusted proxy reports in X-Real-IP;
a request from anywhere else keeps its own address, whatever header it sends."""

from ipaddress import ip_network

import pytest
from django.test import RequestFactory
from django.urls import reverse

from clinic.lib.client_address import ClientAddressMiddleware

PROXY = "172.30.0.10"
SIGN_UP = {
    "first_name": "Robin",
    "last_name": "Visitor",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def address_seen(remote_addr, **headers):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)
    return ClientAddressMiddleware(lambda request: request.META["REMOTE_ADDR"])(request)


@pytest.fixture
def behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [ip_network("172.30.0.0/24")]  # as settings.py parses it


def test_a_request_through_the_trusted_proxy_has_the_clients_address(behind_the_proxy):
    assert address_seen(PROXY, HTTP_X_REAL_IP="203.0.113.7") == "203.0.113.7"
    assert address_seen(PROXY, HTTP_X_REAL_IP="2001:db8::5") == "2001:db8::5"


def test_a_client_cannot_name_its_own_address(behind_the_proxy):
    assert address_seen("198.51.100.4", HTTP_X_REAL_IP="203.0.113.7") == "198.51.100.4"


@pytest.mark.parametrize("header", ["", "not an address", "203.0.113.7, 10.0.0.1", "999.1.1.1"])
def test_a_missing_or_malformed_header_keeps_the_proxys_address(behind_the_proxy, header):
    assert address_seen(PROXY, HTTP_X_REAL_IP=header) == PROXY


def test_with_no_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert address_seen("127.0.0.1", HTTP_X_REAL_IP="203.0.113.7") == "127.0.0.1"


@pytest.mark.django_db
def test_sign_ups_through_the_proxy_are_counted_per_client_not_per_proxy(
    behind_the_proxy, client, mailoutbox
):
    def sign_up(n, client_address):
        return client.post(
            reverse("patients:signup"),
            {**SIGN_UP, "email": f"visitor{n}@example.com"},
            REMOTE_ADDR=PROXY,
            HTTP_X_REAL_IP=client_address,
        )

    for n in range(10):  # one network's limit of ten sign-ups an hour
        sign_up(n, "203.0.113.7")

    assert "Too many sign-ups" in sign_up(10, "203.0.113.7").text
    assert "Check your e-mail" in sign_up(11, "198.51.100.23").text
