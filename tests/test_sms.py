"""Text messages through the Twilio-style HTTP adapter, against a local fake provider: the
provider's id on success, "try again" on 429 and 5xx, "never" on other refusals, "maybe sent"
on a timeout; the webhook's signature as the provider makes it."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from clinic.lib.sms import (
    FileBackend,
    HttpProviderBackend,
    Sms,
    SmsMaybeSent,
    SmsNotSent,
    SmsRefused,
    provider_signature,
    provider_signature_valid,
)


class FakeProvider(BaseHTTPRequestHandler):
    answer = (201, {"sid": "SM123"})
    delay = 0.0
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        FakeProvider.received.append(
            {"path": self.path, "auth": self.headers["Authorization"], "form": parse_qs(body)}
        )
        time.sleep(self.delay)
        status, payload = self.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(payload).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_API_URL = f"http://127.0.0.1:{server.server_port}/2010-04-01"
    settings.SMS_ACCOUNT_SID, settings.SMS_AUTH_TOKEN = "AC1", "secret-token"
    settings.SMS_FROM = "+12125550199"
    FakeProvider.answer, FakeProvider.delay, FakeProvider.received = (201, {"sid": "SM123"}), 0, []
    yield FakeProvider
    server.shutdown()
    server.server_close()


def test_a_message_the_provider_takes_returns_its_id(provider):
    sent_id = HttpProviderBackend().send(Sms("+12125550143", "Hello"))

    assert sent_id == "SM123"
    (request,) = provider.received
    assert request["path"] == "/2010-04-01/Accounts/AC1/Messages.json"
    assert request["form"] == {"To": ["+12125550143"], "From": ["+12125550199"], "Body": ["Hello"]}
    assert request["auth"] == "Basic QUMxOnNlY3JldC10b2tlbg=="  # AC1:secret-token


@pytest.mark.parametrize("status", [429, 500, 503])
def test_a_busy_or_failing_provider_means_try_again(provider, status):
    provider.answer = (status, {"message": "busy"})

    with pytest.raises(SmsNotSent):
        HttpProviderBackend().send(Sms("+12125550143", "Hello"))


def test_a_refused_number_is_never_tried_again(provider):
    provider.answer = (400, {"code": 21211, "message": "Invalid 'To' Phone Number"})

    with pytest.raises(SmsRefused):
        HttpProviderBackend().send(Sms("+1", "Hello"))


def test_no_answer_in_time_may_have_been_sent(provider, monkeypatch):
    provider.delay = 1.0
    monkeypatch.setattr(HttpProviderBackend, "timeout", 0.2)

    with pytest.raises(SmsMaybeSent):
        HttpProviderBackend().send(Sms("+12125550143", "Hello"))


def test_a_provider_that_cannot_be_reached_means_try_again(settings):
    settings.SMS_API_URL = "http://127.0.0.1:1/2010-04-01"  # nothing listens on port 1

    with pytest.raises(SmsNotSent):
        HttpProviderBackend().send(Sms("+12125550143", "Hello"))


def test_the_signature_is_twilios(settings):
    # The worked example on Twilio's page on validating requests.
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    params = {
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+12349013030",
        "Digits": "1234",
        "From": "+12349013030",
        "To": "+18005551212",
    }
    assert provider_signature(url, params, "12345") == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="

    settings.SMS_AUTH_TOKEN = "12345"
    assert provider_signature_valid(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not provider_signature_valid(
        url, {**params, "Digits": "9"}, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    )
    settings.SMS_AUTH_TOKEN = ""
    assert not provider_signature_valid(url, params, provider_signature(url, params, ""))


def test_the_file_backend_keeps_each_message_and_finds_it_by_its_key(settings, tmp_path):
    settings.SMS_FILE_PATH = str(tmp_path)
    backend = FileBackend()

    backend.send(Sms("+12125550143", "Hello", key="<reminder-1.1@clinic>"))

    (written,) = tmp_path.glob("*.txt")
    assert "Hello" in written.read_text()
    assert backend.sent_before("<reminder-1.1@clinic>") is True
    assert backend.sent_before("<reminder-1.2@clinic>") is False
