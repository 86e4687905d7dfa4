"""/healthz: is this instance able to serve? For load balancers and compose health checks."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from clinic.celery import app as celery_app

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database is unreachable")
        return False


def broker_ok() -> bool:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # tasks run in-process; there is no broker to reach
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        logger.exception("Health check: the Celery broker is unreachable")
        return False


@never_cache
@login_not_required
def healthz(request):
    checks = {"database": database_ok(), "broker": broker_ok()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "unavailable", "checks": checks}, status=status
    )
