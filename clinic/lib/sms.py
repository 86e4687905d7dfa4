"""Sending text messages through a pluggable backend, as Django does e-mail.

SMS_BACKEND names the class: `ConsoleBackend` (the default: printed), `FileBackend` (a file
per message under SMS_FILE_PATH), `MemoryBackend` (kept in `sms.outbox`, for tests) or
`HttpProviderBackend`, an adapter for a Twilio-style HTTP API (SMS_API_URL, SMS_ACCOUNT_SID,
SMS_AUTH_TOKEN, SMS_FROM). Another provider is a class with the same `send`.

`send` returns the provider's id for the message. It raises `SmsNotSent` when the provider
said the message was not taken (a 429 or a 5xx, or no connection: try again later), and
`SmsRefused` when it will never be (a 4xx: a bad number). A timeout after the request left
is neither: the message may have gone, so it raises `SmsMaybeSent` and is not tried again.
"""

import base64
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string


class SmsNotSent(Exception):
    """The provider did not take the message: send it again later."""


class SmsRefused(Exception):
    """The provider will never take this message (a bad number, say)."""


class SmsMaybeSent(Exception):
    """No answer after the request left: the message may have gone out."""


@dataclass(frozen=True)
class Sms:
    to: str
    body: str
    key: str = ""  # the sender's own id for it, by which `sent_before` finds it


def sms_send(message: Sms) -> str:
    backend = import_string(settings.SMS_BACKEND)()
    return backend.send(message)


class ConsoleBackend:
    def send(self, message: Sms) -> str:
        sys.stdout.write(f"SMS to {message.to}:\n{message.body}\n{'-' * 40}\n")
        sys.stdout.flush()
        return f"console-{uuid.uuid4()}"


class FileBackend:
    def send(self, message: Sms) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        sent_id = f"file-{uuid.uuid4()}"
        text = f"To: {message.to}\nKey: {message.key}\n\n{message.body}\n"
        (folder / f"{sent_id}.txt").write_text(text)
        return sent_id

    def sent_before(self, key: str) -> bool:
        folder = Path(settings.SMS_FILE_PATH)
        line = f"Key: {key}\n"
        return any(line in path.read_text() for path in folder.glob("*.txt"))


outbox: list[Sms] = []


class MemoryBackend:
    def send(self, message: Sms) -> str:
        outbox.append(message)
        return f"memory-{len(outbox)}"

    def sent_before(self, key: str) -> bool:
        return any(message.key == key for message in outbox)


class HttpProviderBackend:
    """Twilio's Messages API: a form POST with basic auth; the answer's `sid` is the id."""

    timeout = 10

    def send(self, message: Sms) -> str:
        sid, token = settings.SMS_ACCOUNT_SID, settings.SMS_AUTH_TOKEN
        url = f"{settings.SMS_API_URL.rstrip('/')}/Accounts/{sid}/Messages.json"
        data = urllib.parse.urlencode(
            {"To": message.to, "From": settings.SMS_FROM, "Body": message.body}
        ).encode()
        request = urllib.request.Request(url, data=data, method="POST")  # noqa: S310 (https in settings)
        credentials = base64.b64encode(f"{sid}:{token}".encode()).decode()
        request.add_header("Authorization", f"Basic {credentials}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                return json.load(response)["sid"]
        except urllib.error.HTTPError as error:
            if error.code == 429 or error.code >= 500:
                raise SmsNotSent(f"HTTP {error.code}") from None
            raise SmsRefused(f"HTTP {error.code}") from None
        except (TimeoutError, urllib.error.URLError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, ConnectionRefusedError | ConnectionResetError):
                raise SmsNotSent(type(reason).__name__) from None
            raise SmsMaybeSent(type(reason).__name__) from None


def provider_signature(url: str, params: dict, token: str) -> str:
    """Twilio's request signature: HMAC-SHA1 of the URL and the sorted form fields."""
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def provider_signature_valid(url: str, params: dict, signature: str) -> bool:
    token = settings.SMS_AUTH_TOKEN
    return bool(token) and hmac.compare_digest(provider_signature(url, params, token), signature)
