"""Settings for the clinic portal, read from the environment.

Every variable is documented in README.md and .env.example. With none set, the portal
runs on the embedded default: a SQLite file, Celery tasks run in-process, e-mail printed
to the console.
"""

import ipaddress
import sys
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from clinic.lib.mail_url import mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# `make run` serves the demo on this machine, in one process, with DEBUG off (LOCAL_DEMO=1).
LOCAL_DEMO = env.bool("LOCAL_DEMO", default=False)
# Production is everything else: it must bring its own SECRET_KEY and a shared cache.
PRODUCTION = not (DEBUG or LOCAL_DEMO or "pytest" in sys.modules)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if PRODUCTION:
        # A key anyone can read in this repository would let anyone forge sessions and links.
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value, e.g. the output of "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. Only DEBUG=1, "
            "LOCAL_DEMO=1 (make run) and the test suite run on the built-in development key."
        )
    SECRET_KEY = "django-insecure-embedded-default-key-set-SECRET_KEY-in-production"  # nosec B105
elif PRODUCTION and (
    len(SECRET_KEY) < 50
    or SECRET_KEY.startswith("django-insecure")
    or any(word in SECRET_KEY.lower() for word in ("change-me", "changeme", "replace"))
):
    # A short key can be guessed, and a copied example is known to everyone who read it.
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: it needs 50 or more random characters, not "
        "an example or a django-insecure key. Make one with "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Exclusion constraints on the schedule (skipped off PostgreSQL: clinic/lib/constraints.py).
    "django.contrib.postgres",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "clinic.accounts",
    "clinic.locations",
    "clinic.content",
    "clinic.audit",
    "clinic.outbox",
    "patients",
    "screening",
    "infusions",
]

# Behind a proxy (docker-compose.yml's nginx), its addresses: requests from them carry the
# client's address in X-Real-IP (clinic/lib/client_address.py). Empty: no proxy is believed.
# A list of addresses or networks (10.0.0.2, 172.30.0.0/24); a typo stops the start-up.
TRUSTED_PROXIES = [
    ipaddress.ip_network(net, strict=False) for net in env.list("TRUSTED_PROXIES", default=[])
]

MIDDLEWARE = [
    # First: every later part sees the client's address, not the proxy's.
    "clinic.lib.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The request's network address (the client's, behind a proxy), for the access log.
    "clinic.audit.middleware.RequestAddressMiddleware",
    # Deny by default: every view needs a login unless it is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff finish signing in with a code from an authenticator app (STAFF_TWO_FACTOR).
    "clinic.accounts.middleware.SecondFactorMiddleware",
    "clinic.accounts.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff signed out after STAFF_IDLE_SECONDS without a request (before the views run).
    "clinic.accounts.idle.StaffIdleLogoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.content.context_processors.site_navigation",
            ],
        },
    },
]

# Database: SQLite by default; DATABASE_URL=postgres://… switches to PostgreSQL (psycopg 3).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reuse connections across requests. bench/README.md measures this against psycopg's pool
    # (DB_POOL=1): no difference beyond noise, so the simpler one is the default.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.bool("DB_POOL", default=False):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A booking's check-then-insert takes the write lock when its transaction begins, so two
    # bookings queue instead of both passing the check (PostgreSQL has exclusion constraints).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Password guessing (clinic/accounts/lockout.py): 10 wrong passwords for one address from one
# IP lock that pair for 15 minutes; a successful sign-in starts the count again.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "clinic.accounts.lockout.login_name"
AXES_LOCKOUT_CALLABLE = "clinic.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Tries during a lockout do not lengthen it, so a guesser sharing the owner's network cannot
# keep them out for longer than the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Failed attempts are kept for the cool-off only; a log of every sign-in's IP is not needed.
AXES_DISABLE_ACCESS_LOG = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Passwords leaked in breaches, and their look-alikes, from a list shipped offline.
    {"NAME": "clinic.accounts.breached_passwords.BreachedPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:home"
# Staff (anyone who may open the staff area or the Django admin) sign in with a password and
# a code from an authenticator app. Only a local demo should turn this off.
STAFF_TWO_FACTOR = env.bool("STAFF_TWO_FACTOR", default=True)
# The Django admin lists staff members' devices (to reset one) without their secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGOUT_REDIRECT_URL = "content:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

LANGUAGE_CODE = "en-us"
# Stored in UTC; each location shows times in its own time zone.
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Private files (ID photos, signed consent PDFs) have no URL; views that check access stream
# them. On this server's disk (MEDIA_ROOT/private) by default. With more than one web node
# they go to an S3-compatible bucket every node reads: PRIVATE_FILES_BUCKET, and
# PRIVATE_FILES_ENDPOINT_URL for a server other than Amazon's; the credentials are the usual
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role). Objects are encrypted
# at rest with PRIVATE_FILES_ENCRYPTION (S3's ServerSideEncryption; empty for none).
PRIVATE_FILES_BUCKET = env.str("PRIVATE_FILES_BUCKET", default="")
if PRIVATE_FILES_BUCKET:
    _encryption = env.str("PRIVATE_FILES_ENCRYPTION", default="AES256")
    PRIVATE_FILES_STORAGE = {
        "BACKEND": "clinic.lib.private_storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_FILES_BUCKET,
            "endpoint_url": env.str("PRIVATE_FILES_ENDPOINT_URL", default="") or None,
            "region_name": env.str("PRIVATE_FILES_REGION", default="") or None,
            "object_parameters": {"ServerSideEncryption": _encryption} if _encryption else {},
        },
    }
else:
    PRIVATE_FILES_STORAGE = {"BACKEND": "clinic.lib.private_storage.PrivateFileSystemStorage"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_FILES_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Cache: in-process by default. Production sets CACHE_URL=redis://… so every gunicorn worker
# shares the rate limits on public forms (a per-process count lets a robot through N times).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "clinic.accounts.views.too_many_attempts"
# django-ratelimit lists only third-party Redis backends; Django's own is atomic too.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if CACHES["default"]["BACKEND"].endswith("LocMemCache") and not PRODUCTION:
    # The embedded default runs one process, where an in-process count is exact. In
    # production the check stays an error: `manage.py check` and `migrate` refuse to run.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# E-mail: printed to the console by default; EMAIL_URL=smtp://user:pass@host:587 sends it
# (clinic/lib/mail_url.py reads every scheme README lists).
_email_url = env("EMAIL_URL", default="consolemail://")  # holds the password: not a setting
MAILERS = {"default": mailer_from_url(_email_url, base_dir=BASE_DIR)}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Ketamine Clinic <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CLINIC_NAME = env("CLINIC_NAME", default="Ketamine Clinic")
# Text messages (clinic/lib/sms.py): printed by default; HttpProviderBackend sends through a
# Twilio-style API, whose webhook (/sms/inbound/) takes STOP replies.
SMS_BACKEND = env("SMS_BACKEND", default="clinic.lib.sms.ConsoleBackend")
SMS_FILE_PATH = env("SMS_FILE_PATH", default=str(BASE_DIR / "sent-sms"))
SMS_API_URL = env("SMS_API_URL", default="https://api.twilio.com/2010-04-01")
SMS_ACCOUNT_SID = env("SMS_ACCOUNT_SID", default="")
SMS_AUTH_TOKEN = env("SMS_AUTH_TOKEN", default="")
SMS_FROM = env("SMS_FROM", default="")
# A reminder handed to a worker, or being sent, this long is looked at again (delivery.py).
REMINDERS_STUCK_SECONDS = env.int("REMINDERS_STUCK_SECONDS", default=600)
# The infusion record: vital signs outside these (lowest, highest) bounds are highlighted;
# the patient's visit summary names the dose given unless the clinic turns that off.
VITAL_SIGN_BOUNDS = {
    "systolic": (90, 160),
    "diastolic": (50, 100),
    "heart_rate": (50, 110),
    "spo2": (92, 100),
}
VISIT_SUMMARY_SHOWS_DOSE = env.bool("VISIT_SUMMARY_SHOWS_DOSE", default=True)
# The name authenticator apps show beside a staff member's codes.
OTP_TOTP_ISSUER = CLINIC_NAME
# The portal's public address, for links in e-mails sent from Celery (no request there).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Celery: without a broker, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://localhost/"  # never used for eager tasks; nothing to guess
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# A worker imports each app's tasks.py (autodiscovery) and these, which live in an app's
# domain packages: a task it has not imported is refused ("unregistered task").
CELERY_IMPORTS = [
    "clinic.outbox.tasks",
    "patients.consent.tasks",
    "patients.consultations.tasks",
    "patients.rights.tasks",
    "patients.signup.tasks",
    "infusions.reminders.tasks",
    "infusions.waitlist.tasks",
]
CELERY_BEAT_SCHEDULE = {
    # A signed consent whose PDF task was lost (a broker outage, a crash) gets it again.
    "render-missing-consent-pdfs": {
        "task": "patients.consent.tasks.render_missing_consent_pdfs",
        "schedule": 10 * 60,
    },
    # Every e-mail waits in the outbox until sent; this sends those the hand-off at commit
    # did not (the broker was unreachable) and retries failures.
    "send-due-emails": {
        "task": "clinic.outbox.tasks.send_due_emails",
        "schedule": 60,
    },
    # Preparation reminders whose time has come are handed to workers (no ETA tasks: the
    # due time lives in each row; infusions/reminders/delivery.py).
    "dispatch-reminders": {
        "task": "infusions.reminders.tasks.dispatch_reminders",
        "schedule": env.int("REMINDERS_DISPATCH_SECONDS", default=60),
    },
}

# Security. Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and EMAIL_URL; with these,
# `manage.py check --deploy` is clean (it refuses the console mailer in production).
# SECURE_SSL_REDIRECT can be turned off where a proxy terminates TLS and redirects itself.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# Staff are signed out after this long without a request, warned this long before.
STAFF_IDLE_SECONDS = env.int("STAFF_IDLE_SECONDS", default=15 * 60)
STAFF_IDLE_WARNING_SECONDS = env.int("STAFF_IDLE_WARNING_SECONDS", default=2 * 60)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a one-way decision for a whole domain, so it stays the clinic's choice;
    # leaving it off is deliberate and not worth a warning on every deploy check.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

# Logs carry no patient data: no request bodies, and Django's request logger only
# records method, path and status. Paths never hold names or e-mails by design.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # WeasyPrint narrates every rendering step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes narrates each sign-in at INFO; its warnings (failures, lockouts) stay.
        "axes": {"level": "WARNING"},
    },
}
