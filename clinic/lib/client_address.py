"""The client's network address when the portal is served behind a proxy.

Behind the proxy every request comes from the proxy's address, so rate limits, sign-in
lockouts, the access log and the consent record would all see one address for everybody.
The proxy (ops/nginx/clinic.conf.template) puts the client's address in X-Real-IP,
overwriting whatever the client sent; that header is believed only on a request that came
from an address listed in TRUSTED_PROXIES, never from anyone else.
"""

import ipaddress

from django.conf import settings

HEADER = "HTTP_X_REAL_IP"


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except (ValueError, AttributeError):
        return None


def trusted_proxy(address) -> bool:
    # settings parsed TRUSTED_PROXIES into networks once, at start-up.
    return address is not None and any(address in network for network in settings.TRUSTED_PROXIES)


class ClientAddressMiddleware:
    """REMOTE_ADDR becomes the address the trusted proxy reports, for everything after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TRUSTED_PROXIES and trusted_proxy(_address(request.META.get("REMOTE_ADDR"))):
            client = _address(request.META.get(HEADER))
            if client is not None:
                request.META["REMOTE_ADDR"] = str(client)
        return self.get_response(request)
