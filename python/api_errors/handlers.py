"""``exception_handler`` for ``REST_FRAMEWORK["EXCEPTION_HANDLER"]``: every error in the envelope.

DRF's own handler still runs (it sets ``WWW-Authenticate`` and ``Retry-After`` and rolls back
``ATOMIC_REQUESTS``); this one turns what it answers into the envelope, maps the Django
exceptions DRF leaves alone, and reports server errors the way Django does for its own 500s.
"""
import logging
from typing import Any, Dict, Optional

from django.conf import settings
from django.core import exceptions as django_exceptions
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework import views as drf_views
from rest_framework.parsers import BaseParser
from rest_framework.response import Response

from .middleware import get_correlation_id, printable
from .responses import envelope
from .settings import api_settings

logger = logging.getLogger("api_errors")


class BadRequest(exceptions.APIException):
    """What Django's ``SuspiciousOperation`` becomes: a 400 that says nothing of the cause."""
    status_code = 400
    default_detail = _("The request could not be processed.")
    default_code = "bad_request"


class RequestTooLarge(BadRequest):
    """Django's ``RequestDataTooBig`` and ``TooManyFieldsSent``: still a 400, as Django answers."""
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


_TOO_LARGE = tuple(
    getattr(django_exceptions, name)
    for name in ("RequestDataTooBig", "TooManyFieldsSent", "TooManyFilesSent")
    if hasattr(django_exceptions, name)
)


def _raised_by_parser(exc):
    """True when ``exc`` escaped from a DRF parser (a 10,000-level JSON body: RecursionError)."""
    tb = exc.__traceback__
    while tb is not None:
        if isinstance(tb.tb_frame.f_locals.get("self"), BaseParser):
            return True
        tb = tb.tb_next
    return False


def _translate(exc, request, cid):
    """The DRF exception to answer with, or ``exc`` itself when nothing maps it.

    Django's ``Http404`` and ``PermissionDenied`` become DRF's with no arguments: DRF 3.15+
    passes the arguments on (``NotFound(*exc.args)``), which would show their internal text.
    """
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, django_exceptions.PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, django_exceptions.SuspiciousOperation):
        # Django logs these on django.security.<class name>; so do we, and answer 400 as it does.
        security = logging.getLogger("django.security.%s" % exc.__class__.__name__)
        security.error("%s correlation_id=%s", printable(exc), cid)
        return RequestTooLarge() if isinstance(exc, _TOO_LARGE) else BadRequest()
    if isinstance(exc, exceptions.ParseError) or (
        not isinstance(exc, exceptions.APIException) and _raised_by_parser(exc)
    ):
        detail = exc.detail if isinstance(exc, exceptions.APIException) else repr(exc)
        logger.warning("Unreadable request body correlation_id=%s: %s", cid, printable(detail)[:1000])
        return exceptions.ParseError(api_settings.PARSE_ERROR_MESSAGE)
    return exc


def _code_for(exc):
    codes = exc.get_codes()
    if isinstance(codes, str) and codes:
        code = codes
    else:
        code = str(getattr(exc, "default_code", "error") or "error")
    if code == "permission_denied" and str(exc.detail).startswith("CSRF Failed:"):
        # DRF's SessionAuthentication raises PermissionDenied("CSRF Failed: <reason>").
        return "CSRF_FAILED"
    return code.upper()


def _report_server_error(exc, request, status):
    """A 5xx, as Django reports its own: ``got_request_exception`` (error trackers) and a log."""
    cid = get_correlation_id(request)
    http_request = getattr(request, "_request", request)
    logger.error(
        "Server error %d correlation_id=%s %s %s", status, cid,
        printable(getattr(request, "method", "-")), printable(getattr(request, "path", "-")),
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    got_request_exception.send(sender=None, request=http_request)


def _body_for(exc, data):
    """(message, code, errors, field_codes) for an exception DRF's handler answered."""
    if isinstance(exc, exceptions.ValidationError):
        codes = exc.get_codes() if api_settings.FIELD_CODES else None
        return api_settings.VALIDATION_MESSAGE, "VALIDATION_ERROR", data, codes
    if isinstance(data, dict) and set(data) == {"detail"}:
        message, errors = data["detail"], {}
    else:
        # An APIException raised with a list or a dict as its detail.
        message, errors = exc.default_detail, data
    codes = exc.get_codes() if api_settings.FIELD_CODES and errors else None
    return message or exc.default_detail, _code_for(exc), errors, codes


def exception_handler(exc: Exception, context: Dict[str, Any]) -> Optional[Response]:
    """Answer ``exc`` with the envelope; ``None`` (DRF re-raises) for a crash under ``DEBUG``."""
    request = (context or {}).get("request")
    cid = get_correlation_id(request)
    exc = _translate(exc, request, cid)
    response = drf_views.exception_handler(exc, context)

    if response is None:
        if settings.DEBUG and api_settings.RERAISE_IN_DEBUG:
            return None  # Django's debug page, its got_request_exception and its log
        drf_views.set_rollback()
        _report_server_error(exc, request, 500)
        body = envelope(api_settings.SERVER_ERROR_MESSAGE, "SERVER_ERROR", 500, {}, cid)
        response = Response(body, status=500)
    else:
        message, code, errors, field_codes = _body_for(exc, response.data)
        wait = getattr(exc, "wait", None)
        retry_after = int(wait) if wait is not None else None
        response.data = envelope(message, code, response.status_code, errors, cid,
                                 retry_after=retry_after, field_codes=field_codes)
        if response.status_code >= 500:
            _report_server_error(exc, request, response.status_code)

    response[api_settings.RESPONSE_HEADER] = cid
    return response
