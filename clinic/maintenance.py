"""The page shown when a request fails: 503 "back soon" while the database cannot be reached,
the calm 500 page otherwise (settings: handler500 in clinic/urls.py).

Django sends every uncaught error here, wherever it was raised: in a view, or in a middleware
loading the session before any view runs. Django's request logger has already written one line
for it (method, path, status and the traceback, never the request's data).
"""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 120


@requires_csrf_token
def server_error(request):
    if not database_unreachable(sys.exception()):
        return django_server_error(request)
    # Rendered without the request: no context processor may touch the database.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def database_unreachable(error: BaseException | None) -> bool:
    """Did the request fail because the database cannot be reached (down, restarting, the
    network gone), rather than on a fault of ours that a working database also reports (a
    missing table on SQLite, a deadlock)? Only the first earns "back soon"."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    if connection.connection is None:
        return True  # the connection was never made
    return not connection.is_usable()
