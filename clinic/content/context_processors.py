from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .selectors import navigation_pages


def site_navigation(request):
    # Lazy: pages that never show the menu (healthz, admin) never run the query.
    return {
        "nav_pages": SimpleLazyObject(lambda: list(navigation_pages())),
        "clinic_name": settings.CLINIC_NAME,
    }
