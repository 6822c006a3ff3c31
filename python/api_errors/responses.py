"""The envelope every error is sent in, and ``error_response`` for views that build one by hand.

    {"error": {"message", "code", "status", "errors", "timestamp", "correlation_id"}}

plus ``retry_after`` (seconds) when the client should wait, and ``field_codes`` when the
``FIELD_CODES`` setting is on.
"""
from datetime import datetime, timezone
from typing import Any, Optional

from django.http import HttpRequest, JsonResponse

from .middleware import get_correlation_id
from .settings import api_settings


def envelope(message, code, status, errors, correlation_id, retry_after=None, field_codes=None):
    """The envelope as a dict; ``message`` may be a lazy translation (it is rendered here)."""
    body = {
        "message": str(message),
        "code": code,
        "status": status,
        "errors": errors if errors is not None else {},
        "timestamp": datetime.now(timezone.utc).isoformat(),
        "correlation_id": correlation_id,
    }
    if retry_after is not None:
        body["retry_after"] = retry_after
    if field_codes is not None:
        body["field_codes"] = field_codes
    return {"error": body}


def retry_after_header(retry_after):
    return "%d" % retry_after


def error_response(status: int, message: Any, errors: Any = None, code: Optional[str] = None, *,
                   retry_after: Optional[float] = None, request: Optional[HttpRequest] = None) -> JsonResponse:
    """A ``JsonResponse`` with the envelope, for a DRF view or a plain Django view.

    ``code`` defaults to ``ERROR``; ``errors`` to ``{}`` (use DRF's shape: ``{"field": [...]}``).
    ``retry_after`` (seconds) also sets the ``Retry-After`` header. The correlation id is the
    request's (pass ``request`` outside the middleware), else the current one.
    """
    cid = get_correlation_id(request)
    retry = None if retry_after is None else max(0, int(retry_after))
    body = envelope(message, (code or "ERROR").upper(), status, errors, cid, retry_after=retry)
    # Compact, as DRF's JSONRenderer writes it.
    response = JsonResponse(body, status=status, json_dumps_params={"separators": (",", ":")})
    response[api_settings.RESPONSE_HEADER] = cid
    if retry is not None:
        response["Retry-After"] = retry_after_header(retry)
    return response
