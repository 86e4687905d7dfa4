"""Whole-page caching of public pages for anonymous visitors.

Public pages are the same for every anonymous visitor, and they are most of the site's
traffic. A cached copy is keyed by the page's address and a fingerprint of the public
content (one small query), so an edit anywhere shows at once, with no invalidation code to
forget. Signed-in people, and anyone with a message waiting, always get a fresh render.

Which tables public pages show is each app's to say: an AppConfig lists its models in
`public_content_models`, so this module imports none of the apps it serves.
"""

import hashlib
from functools import wraps

from django.apps import apps
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

CACHE_SECONDS = 60 * 10


def _public_tables() -> list[str]:
    """Every table a public page shows, as the apps declare them; each needs `updated_at`."""
    return [
        config.get_model(name)._meta.db_table
        for config in apps.get_app_configs()
        for name in getattr(config, "public_content_models", ())
    ]


def public_content_fingerprint() -> str:
    """Changes whenever anything a public page shows is added, edited or removed."""
    tables = [connection.ops.quote_name(table) for table in _public_tables()]
    columns = ", ".join(
        f"(SELECT COUNT(*) FROM {t}), (SELECT MAX(updated_at) FROM {t})"  # noqa: S608  # nosec B608
        for t in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")  # quoted table names only, no user input
        row = cursor.fetchone()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:16]


def cached_for_visitors(view):
    """Serve an anonymous GET from the cache when the public content has not changed."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            request.method != "GET"
            or request.user.is_authenticated
            or len(messages.get_messages(request))
        ):
            return view(request, *args, **kwargs)
        address = f"{request.get_full_path()}|{public_content_fingerprint()}"
        key = "public-page:" + hashlib.sha256(address.encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            content_type, body = cached
            response = HttpResponse(body, content_type=content_type)
            response["Vary"] = "Cookie"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, (response["Content-Type"], response.content), CACHE_SECONDS)
        return response

    return wrapper
