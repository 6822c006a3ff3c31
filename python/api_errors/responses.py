"""``error_response`` for views that build an error by hand, and ``respond``: any ``ErrorInfo`` as a
``JsonResponse`` in the configured formatter's shape (the envelope by default)."""
from typing import Any, Optional

from django.http import HttpRequest, JsonResponse

from .formatters import JSON, ErrorInfo, render
from .middleware import get_correlation_id
from .settings import api_settings


def envelope(message, code, status, errors, correlation_id, retry_after=None, field_codes=None):
    """The body as a dict, in the configured formatter's shape; ``message`` may be lazy."""
    info = ErrorInfo(status, code, message, errors, correlation_id, retry_after, field_codes)
    return render(info)[0]


def retry_after_header(retry_after):
    return "%d" % retry_after


def respond(info: ErrorInfo) -> JsonResponse:
    """A ``JsonResponse`` for ``info``, with the correlation id and ``Retry-After`` headers."""
    body, content_type = render(info)
    # Compact, as DRF's JSONRenderer writes it.
    response = JsonResponse(body, status=info.status, safe=False,
                            json_dumps_params={"separators": (",", ":")},
                            **({} if content_type == JSON else {"content_type": content_type}))
    response[api_settings.RESPONSE_HEADER] = info.correlation_id
    if info.retry_after is not None:
        response["Retry-After"] = retry_after_header(info.retry_after)
    return response


def error_response(status: int, message: Any, errors: Any = None, code: Optional[str] = None, *,
                   retry_after: Optional[float] = None, request: Optional[HttpRequest] = None,
                   field_codes: Any = None) -> JsonResponse:
    """A ``JsonResponse`` with the envelope, for a DRF view or a plain Django view.

    ``code`` defaults to ``ERROR``; ``errors`` to ``{}`` (use DRF's shape: ``{"field": [...]}``).
    ``retry_after`` (seconds) also sets the ``Retry-After`` header. The correlation id is the
    request's (pass ``request`` outside the middleware), else the current one.
    """
    retry = None if retry_after is None else max(0, int(retry_after))
    info = ErrorInfo(status, (code or "ERROR").upper(), message, errors, get_correlation_id(request),
                     retry_after=retry, field_codes=field_codes, request=request)
    return respond(info)
