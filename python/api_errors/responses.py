"""``error_response`` for views that build an error by hand, and ``respond``: any ``ErrorInfo`` as a
``JsonResponse`` in the configured formatter's shape (the envelope by default)."""
from typing import Any, Optional

from django.http import HttpRequest, HttpResponseBase, JsonResponse

from .correlation import current_request, get_correlation_id
from .formatters import JSON, ErrorInfo, render
from .settings import api_settings


def envelope(message, code, status, errors, correlation_id, retry_after=None, field_codes=None):
    """The body as a dict, in the configured formatter's shape; ``message`` may be lazy."""
    info = ErrorInfo(status, code, message, errors, correlation_id, retry_after, field_codes)
    return render(info)[0]


def retry_after_header(retry_after: int) -> str:
    return "%d" % retry_after


def add_headers(response: HttpResponseBase, info: ErrorInfo) -> None:
    """The correlation id's header, and ``Retry-After`` when the client should wait (``0`` too,
    which DRF leaves out: the body and the header always agree)."""
    response[api_settings.RESPONSE_HEADER] = info.correlation_id
    if info.retry_after is not None:
        response["Retry-After"] = retry_after_header(info.retry_after)


def respond(info: ErrorInfo) -> JsonResponse:
    """A ``JsonResponse`` for ``info``, with the correlation id and ``Retry-After`` headers."""
    body, content_type = render(info)
    # Compact, as DRF's JSONRenderer writes it.
    response = JsonResponse(body, status=info.status, safe=False,
                            json_dumps_params={"separators": (",", ":")},
                            **({} if content_type == JSON else {"content_type": content_type}))
    add_headers(response, info)
    return response


def error_response(status: int, message: Any, errors: Any = None, code: Optional[str] = None, *,
                   retry_after: Optional[float] = None, request: Optional[HttpRequest] = None,
                   field_codes: Any = None) -> JsonResponse:
    """A ``JsonResponse`` with the envelope, for a DRF view or a plain Django view.

    ``code`` defaults to ``ERROR``; ``errors`` to ``{}`` (use DRF's shape: ``{"field": [...]}``).
    ``retry_after`` (seconds) also sets the ``Retry-After`` header. ``request`` (the formatter's,
    and the correlation id's) defaults to the one the middleware is handling: pass it outside it.
    """
    return respond(error_info(status, message, errors, code, retry_after=retry_after, request=request,
                              field_codes=field_codes))


def error_info(status: int, message: Any, errors: Any = None, code: Optional[str] = None, *,
               retry_after: Optional[float] = None, request: Any = None, field_codes: Any = None,
               exception: Optional[BaseException] = None) -> ErrorInfo:
    """The ``ErrorInfo`` ``error_response`` answers; the error views also say what was raised."""
    if request is None:
        request = current_request()
    retry = None if retry_after is None else max(0, int(retry_after))
    return ErrorInfo(status, (code or "ERROR").upper(), message, errors, get_correlation_id(request),
                     retry_after=retry, field_codes=field_codes, request=request, exception=exception)
