"""Where a request came from, for the access log: the services that write it are called far
from the request, so the address travels in a context variable for the request's length."""

from contextvars import ContextVar

request_address: ContextVar[str | None] = ContextVar("request_address", default=None)


class RequestAddressMiddleware:
    """REMOTE_ADDR: behind the proxy, the client's address as clinic.lib.client_address
    takes it from a trusted proxy, never from a header any client can send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_address.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            request_address.reset(token)
