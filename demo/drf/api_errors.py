"""
api_errors: one JSON error envelope for every failed Django REST Framework request.

Copy this file into your project (stdlib + Django + DRF only) and install it::

    MIDDLEWARE = [
        # ... as early as possible, so every response gets the header:
        "api_errors.CorrelationIdMiddleware",
        # ...
    ]
    REST_FRAMEWORK = {
        "EXCEPTION_HANDLER": "api_errors.envelope_exception_handler",
    }

Every error raised in a DRF view (validation, auth, permission, 404, 405, 415,
throttling, parse errors, your own APIException subclasses, and unhandled
exceptions) is answered with its HTTP status and this body::

    {"error": {
        "message": "Validation failed",         # human readable, never empty
        "code": "VALIDATION_ERROR",             # default_code upper-cased
        "status": 400,
        "errors": {"email": ["Enter a valid email address."]},  # DRF's own structure
        "timestamp": "2026-11-24T12:00:00.000000+00:00",        # ISO 8601, UTC
        "correlation_id": "6f1c0d7e0b8a4c52a8d5e5c1f0b3a9d2"}}

- ``errors`` is DRF's validation structure kept exactly (nested dicts, lists of
  dicts, a list at the root, ``non_field_errors``); ``{}`` for other errors.
- Unhandled exceptions become a 500 with code ``SERVER_ERROR`` and the message
  "A server error occurred."; the exception text is never sent to the client,
  it is logged (logger ``api_errors``) together with the correlation id.
- Headers DRF sets (``WWW-Authenticate``, ``Retry-After``) are kept, and the
  response carries ``X-Correlation-ID``.

The middleware reuses a client's ``X-Correlation-ID`` header only when it is
1-64 characters of ``[A-Za-z0-9._-]`` (a UUID fits); anything else is replaced
by a fresh ``uuid4().hex``. Read it in your code with ``get_correlation_id(request)``.
"""
import logging
import re
import uuid
from datetime import datetime, timezone

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

__all__ = [
    "CorrelationIdMiddleware",
    "envelope_exception_handler",
    "get_correlation_id",
    "CORRELATION_HEADER",
]

logger = logging.getLogger("api_errors")

CORRELATION_HEADER = "X-Correlation-ID"
_META_KEY = "HTTP_X_CORRELATION_ID"
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

SERVER_ERROR_MESSAGE = "A server error occurred."
VALIDATION_MESSAGE = "Validation failed"


def _new_id():
    return uuid.uuid4().hex


def _safe_id(value):
    """Return ``value`` when it is a safe correlation id, else ``None``."""
    if isinstance(value, str) and _SAFE_ID.fullmatch(value):
        return value
    return None


def _printable(text):
    """Text for a log line: control characters escaped (no log injection)."""
    return str(text).encode("unicode_escape").decode("ascii")


def get_correlation_id(request):
    """The request's correlation id (a Django HttpRequest or a DRF Request).

    Set by ``CorrelationIdMiddleware``; without the middleware (a view called
    through ``APIRequestFactory``, say) a safe ``X-Correlation-ID`` request header
    is used, else a fresh id, remembered on the request.
    """
    if request is None:
        return _new_id()
    cid = getattr(request, "correlation_id", None)
    if isinstance(cid, str) and cid:
        return cid
    target = getattr(request, "_request", request)  # DRF Request wraps HttpRequest
    meta = getattr(target, "META", None)
    cid = _safe_id(meta.get(_META_KEY)) if isinstance(meta, dict) else None
    cid = cid or _new_id()
    try:
        target.correlation_id = cid
    except AttributeError:
        pass
    return cid


class CorrelationIdMiddleware:
    """Give every request a correlation id and echo it in ``X-Correlation-ID``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cid = _safe_id(request.META.get(_META_KEY)) or _new_id()
        request.correlation_id = cid
        logger.info(
            "%s %s correlation_id=%s",
            _printable(request.method), _printable(request.path), cid,
        )
        response = self.get_response(request)
        response[CORRELATION_HEADER] = cid
        return response


def _envelope(message, code, status, errors, cid):
    return {
        "error": {
            "message": message,
            "code": code,
            "status": status,
            "errors": errors,
            "timestamp": datetime.now(timezone.utc).isoformat(),
            "correlation_id": cid,
        }
    }


def _code_for(exc):
    codes = exc.get_codes()
    if isinstance(codes, str) and codes:
        return codes.upper()
    return str(getattr(exc, "default_code", "error") or "error").upper()


def envelope_exception_handler(exc, context):
    """DRF ``EXCEPTION_HANDLER``: every error becomes the JSON envelope."""
    request = (context or {}).get("request")
    cid = get_correlation_id(request)

    # DRF's default handler: converts Http404 / PermissionDenied, sets
    # WWW-Authenticate and Retry-After, and calls set_rollback().
    response = drf_exception_handler(exc, context)

    if response is None:
        set_rollback()
        logger.exception(
            "Unhandled exception correlation_id=%s %s %s",
            cid,
            _printable(getattr(request, "method", "-")),
            _printable(getattr(request, "path", "-")),
            exc_info=exc,
        )
        response = Response(
            _envelope(SERVER_ERROR_MESSAGE, "SERVER_ERROR", 500, {}, cid),
            status=500,
        )
    else:
        # The exception the default handler actually rendered.
        if isinstance(exc, Http404):
            exc = exceptions.NotFound()
        elif isinstance(exc, DjangoPermissionDenied):
            exc = exceptions.PermissionDenied()

        data = response.data
        if isinstance(exc, exceptions.ValidationError):
            message, code, errors = VALIDATION_MESSAGE, "VALIDATION_ERROR", data
        else:
            code = _code_for(exc)
            if isinstance(data, dict) and set(data) == {"detail"}:
                message, errors = str(data["detail"]), {}
            else:
                # An APIException raised with a list or dict as its detail.
                message, errors = str(exc.default_detail), data
        response.data = _envelope(
            message or str(exc.default_detail), code, response.status_code, errors, cid
        )

    response[CORRELATION_HEADER] = cid
    return response
