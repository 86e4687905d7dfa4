"""EMAIL_URL: every scheme README lists gives a mailer that really sends
(clinic/lib/mail_url.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from clinic.lib.mail_url import mailer_from_url

REPO = Path(__file__).resolve().parents[2]
SYSTEM_ENVIRONMENT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT"}


def sent_files(folder):
    return [path.read_text() for path in sorted(folder.glob("*.log"))]


def test_filemail_writes_each_message_into_the_folder(settings, tmp_path):
    settings.MAILERS = {"default": mailer_from_url(f"filemail://{tmp_path}/sent", base_dir=REPO)}

    mail.send_mail("Your consultation", "See you on Monday.", None, ["pat@example.com"])

    [message] = sent_files(tmp_path / "sent")
    assert "Subject: Your consultation" in message
    assert "To: pat@example.com" in message
    assert "See you on Monday." in message


def test_filemail_reads_an_absolute_folder_as_absolute_and_a_relative_one_in_the_project():
    assert mailer_from_url("filemail:///var/mail/clinic", base_dir=REPO) == {
        "BACKEND": "clinic.lib.file_mail.EmailBackend",
        "OPTIONS": {"file_path": "/var/mail/clinic"},
    }
    assert mailer_from_url("filemail://sent-mail", base_dir=REPO)["OPTIONS"] == {
        "file_path": str(REPO / "sent-mail")
    }


def test_filemail_without_a_folder_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="filemail:///var/mail/clinic"):
        mailer_from_url("filemail://", base_dir=REPO)


@pytest.mark.parametrize("url", ["memorymail://", "locmem://"])
def test_memorymail_keeps_messages_in_the_outbox(settings, url):
    settings.MAILERS = {"default": mailer_from_url(url, base_dir=REPO)}
    mail.outbox.clear()

    mail.send_mail("Hello", "Body", None, ["pat@example.com"])

    assert [message.subject for message in mail.outbox] == ["Hello"]


@pytest.mark.parametrize("url", ["consolemail://", "console://"])
def test_consolemail_prints_the_message(settings, url, capsys):
    settings.MAILERS = {"default": mailer_from_url(url, base_dir=REPO)}

    mail.send_mail("Printed", "Body", None, ["pat@example.com"])

    assert "Subject: Printed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "security"),
    [
        ("smtp://mailer:pa%2Fss@smtp.example.com:25", {"use_tls": False, "use_ssl": False}),
        ("smtp+tls://mailer:pa%2Fss@smtp.example.com:587", {"use_tls": True, "use_ssl": False}),
        ("smtps://mailer:pa%2Fss@smtp.example.com:587", {"use_tls": True, "use_ssl": False}),
        ("smtp+ssl://mailer:pa%2Fss@smtp.example.com:465", {"use_tls": False, "use_ssl": True}),
    ],
)
def test_smtp_gets_the_server_the_login_and_the_security(url, security):
    mailer = mailer_from_url(url, base_dir=REPO)

    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "smtp.example.com",
        "port": int(url.rsplit(":", 1)[1]),
        "username": "mailer",
        "password": "pa/ss",
        "timeout": 20,
        **security,
    }


def test_an_unknown_scheme_is_refused_without_repeating_the_password():
    with pytest.raises(ImproperlyConfigured, match="unknown scheme 'smtpx'") as refused:
        mailer_from_url("smtpx://mailer:hunter2@smtp.example.com", base_dir=REPO)

    assert "hunter2" not in str(refused.value)


def test_an_email_url_of_filemail_sends_from_a_real_start(tmp_path):
    # The whole way: the environment, the settings, Django's mailer, a file on disk.
    env = {key: value for key, value in os.environ.items() if key in SYSTEM_ENVIRONMENT}
    env.update(LOCAL_DEMO="1", EMAIL_URL=f"filemail://{tmp_path}/outbox")

    result = subprocess.run(  # noqa: S603 - our own interpreter running our own manage.py
        [sys.executable, "manage.py", "sendtestemail", "pat@example.com"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    [message] = sent_files(tmp_path / "outbox")
    assert "To: pat@example.com" in message
