"""CorrelationIdMiddleware: every request gets a correlation id, in the response header and the logs.

A client's id (``X-Correlation-ID`` by default) is kept only when it is 1-64 characters of
``[A-Za-z0-9._-]`` (a UUID fits); anything else is replaced by a fresh ``uuid4().hex`` and never
echoed or logged. While the request runs, the id is also the current one for this thread or task,
which ``CorrelationIdFilter`` and ``error_response`` read.
"""
import contextvars
import logging
import re
import uuid
from typing import Any, Callable, Optional

from django.http import HttpRequest, HttpResponseBase

from .settings import api_settings

logger = logging.getLogger("api_errors")

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_current = contextvars.ContextVar("api_errors_correlation_id", default=None)


def new_correlation_id():
    return uuid.uuid4().hex


def safe_correlation_id(value):
    """``value`` when it is a safe correlation id, else ``None``."""
    if isinstance(value, str) and _SAFE_ID.fullmatch(value):
        return value
    return None


def printable(text):
    """Text for a log line: control and non-ASCII characters escaped (no log injection)."""
    return str(text).encode("unicode_escape").decode("ascii")


def current_correlation_id() -> Optional[str]:
    """The id of the request being handled in this thread or task, or ``None`` outside one."""
    return _current.get()


def _incoming_id(request):
    headers = getattr(request, "headers", None)
    try:
        value = headers.get(api_settings.REQUEST_HEADER) if headers is not None else None
    except AttributeError:
        value = None
    return safe_correlation_id(value)


def get_correlation_id(request: Any = None) -> str:
    """The correlation id of ``request`` (a Django ``HttpRequest`` or a DRF ``Request``).

    Set by the middleware; without it (a view called through ``APIRequestFactory``), a safe
    incoming header is used, else a fresh id, remembered on the request so it stays the same.
    """
    if request is None:
        return current_correlation_id() or new_correlation_id()
    cid = getattr(request, "correlation_id", None)
    if isinstance(cid, str) and cid:
        return cid
    cid = _incoming_id(request) or current_correlation_id() or new_correlation_id()
    # A DRF Request reads attributes through to the HttpRequest it wraps: store it there.
    target = getattr(request, "_request", request)
    try:
        target.correlation_id = cid
    except AttributeError:
        pass
    return cid


class CorrelationIdMiddleware:
    """Put it as early in ``MIDDLEWARE`` as you can, so every response carries the header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        cid = _incoming_id(request) or new_correlation_id()
        request.correlation_id = cid  # type: ignore[attr-defined]
        token = _current.set(cid)
        try:
            if api_settings.LOG_REQUESTS:
                logger.info("%s %s correlation_id=%s", printable(request.method),
                            printable(request.path), cid)
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[api_settings.RESPONSE_HEADER] = cid
        return response
