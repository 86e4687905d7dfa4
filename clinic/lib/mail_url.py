"""EMAIL_URL, the one setting that says how the portal sends e-mail, read into the mailer
Django uses (settings.MAILERS["default"]).

django-environ parses the URL, but each backend takes its own options: only SMTP wants a
host and a password, and the file backend needs the folder (which environ also reads
wrongly for an absolute path). So this module builds each backend's options itself.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

SMTP_TIMEOUT_SECONDS = 20

# Names people know from Django's backends, for environ's.
ALIASES = {"console": "consolemail", "locmem": "memorymail"}

ACCEPTED = (
    "smtp://user:password@host:587, smtp+tls:// (or smtps://), smtp+ssl://, "
    "filemail:///absolute/folder (or filemail://folder/in/the/project), "
    "consolemail:// (or console://), memorymail:// (or locmem://), dummymail://"
)


def mailer_from_url(url: str, *, base_dir: Path) -> dict:
    """The MAILERS entry for an EMAIL_URL.

    1. An alias (console://, locmem://) becomes environ's name for the same backend.
    2. environ reads the scheme, host, port, user and password (percent-decoded).
    3. SMTP gets its connection options; the file backend the folder after "filemail://",
       relative to base_dir unless absolute; the others need nothing.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ImproperlyConfigured(f"EMAIL_URL must look like one of: {ACCEPTED}.")
    scheme = ALIASES.get(scheme, scheme)
    try:
        config = environ.Env.email_url_config(f"{scheme}://{rest}")
    except ImproperlyConfigured:
        # Never repeat the URL: it may hold the mail server's password.
        raise ImproperlyConfigured(
            f"EMAIL_URL has an unknown scheme {scheme!r}; use one of: {ACCEPTED}."
        ) from None
    backend = config["EMAIL_BACKEND"]

    if backend == "django.core.mail.backends.smtp.EmailBackend":
        if not config["EMAIL_HOST"]:
            raise ImproperlyConfigured("EMAIL_URL names no mail server: smtp://user:pass@host:587")
        options = {
            "host": config["EMAIL_HOST"],
            "port": config["EMAIL_PORT"],
            "username": config["EMAIL_HOST_USER"],
            "password": config["EMAIL_HOST_PASSWORD"],
            "use_tls": config.get("EMAIL_USE_TLS", False),
            "use_ssl": config.get("EMAIL_USE_SSL", False),
            "timeout": SMTP_TIMEOUT_SECONDS,
        }
    elif backend == "django.core.mail.backends.filebased.EmailBackend":
        folder = rest.split("?", 1)[0]
        if not folder:
            raise ImproperlyConfigured(
                "EMAIL_URL=filemail:// needs a folder: filemail:///var/mail/clinic"
            )
        options = {"file_path": str(base_dir / folder)}
        backend = "clinic.lib.file_mail.EmailBackend"  # a file per connection and process
    else:
        options = {}
    return {"BACKEND": backend, "OPTIONS": options}
