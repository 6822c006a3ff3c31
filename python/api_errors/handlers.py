"""``exception_handler`` for ``REST_FRAMEWORK["EXCEPTION_HANDLER"]``: every error in the envelope.

DRF's own handler still runs (it sets ``WWW-Authenticate`` and ``Retry-After`` and rolls back
``ATOMIC_REQUESTS``); this one maps what DRF leaves alone (Django's exceptions, the project's
``EXCEPTION_MAP``), hands status, code and message to the formatter, and reports server errors
the way Django does for its own 500s.
"""
import json
import logging
from typing import Any, Dict, Optional

from django.conf import settings
from django.core import exceptions as django_exceptions
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.log import log_response
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework import views as drf_views
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.settings import api_settings as drf_settings

from .formatters import JSON, ErrorInfo, render
from .mapping import django_validation_errors, mapped_exception, should_not_handle
from .middleware import get_correlation_id, printable
from .responses import add_headers
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


class CsrfFailed(exceptions.PermissionDenied):
    """A failed CSRF check. Its reason (which may quote the request's ``Origin``) is logged, and
    shown in the message only under ``DEBUG``."""
    default_detail = _("CSRF verification failed. Request aborted.")  # Django's own words
    default_code = "csrf_failed"


_TOO_LARGE = tuple(
    getattr(django_exceptions, name)
    for name in ("RequestDataTooBig", "TooManyFieldsSent", "TooManyFilesSent")
    if hasattr(django_exceptions, name)
)
# What a body the client got wrong raises inside a parser (a 10,000-level JSON body recurses);
# anything else raised there is a bug in the parser, a 500.
_DECODING = (UnicodeError, json.JSONDecodeError, RecursionError)


def _raised_by_parser(exc):
    tb = exc.__traceback__
    while tb is not None:
        if isinstance(tb.tb_frame.f_locals.get("self"), BaseParser):
            return True
        tb = tb.tb_next
    return False


def csrf_failed(reason):
    """The ``CsrfFailed`` to answer with, its reason kept for the log."""
    exc = CsrfFailed("CSRF Failed: %s" % reason) if settings.DEBUG else CsrfFailed()
    exc.reason = reason
    return exc


def _suspicious(exc):
    """The 400 to answer Django's ``SuspiciousOperation`` with, as Django does; ``exc`` kept for the log."""
    answer = RequestTooLarge() if isinstance(exc, _TOO_LARGE) else BadRequest()
    answer.suspicious = exc
    return answer


def log_security_event(exc, request, response):
    """A CSRF failure or a ``SuspiciousOperation``: one record on ``django.security.*``, as Django
    logs its own (``log_response`` marks the response logged, so ``django.request`` does not log
    it again). Nothing for any other ``exc``."""
    http_request = getattr(request, "_request", request)
    reason, suspicious = getattr(exc, "reason", None), getattr(exc, "suspicious", None)
    if isinstance(exc, CsrfFailed) and reason is not None:
        path = printable(getattr(http_request, "path", "-"))
        log_response("Forbidden (%s): %s", printable(reason), path, response=response,
                     request=http_request, logger=logging.getLogger("django.security.csrf"))
    elif suspicious is not None:
        log_response("%s", printable(suspicious), response=response, request=http_request, level="error",
                     exception=suspicious,
                     logger=logging.getLogger("django.security.%s" % suspicious.__class__.__name__))


def _translate(exc, request, cid):
    """The DRF exception to answer with, or ``exc`` itself when nothing maps it.

    Django's ``Http404`` and ``PermissionDenied`` become DRF's with no arguments: DRF 3.15+
    passes the arguments on (``NotFound(*exc.args)``), which would show their internal text.
    """
    mapped = mapped_exception(exc)
    if mapped is not None:
        return mapped
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, django_exceptions.PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, django_exceptions.ValidationError):
        return exceptions.ValidationError(django_validation_errors(exc, drf_settings.NON_FIELD_ERRORS_KEY))
    if isinstance(exc, django_exceptions.SuspiciousOperation):
        return _suspicious(exc)
    if type(exc) is exceptions.PermissionDenied and str(exc.detail).startswith("CSRF Failed: "):
        # DRF's SessionAuthentication raises PermissionDenied("CSRF Failed: <reason>").
        return csrf_failed(str(exc.detail)[len("CSRF Failed: "):])
    if isinstance(exc, exceptions.ParseError) or (isinstance(exc, _DECODING) and _raised_by_parser(exc)):
        detail = exc.detail if isinstance(exc, exceptions.APIException) else repr(exc)
        logger.warning("Unreadable request body correlation_id=%s: %s", cid, printable(detail)[:1000])
        return exceptions.ParseError(api_settings.PARSE_ERROR_MESSAGE)
    return exc


def _code_for(exc):
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) and codes else getattr(exc, "default_code", None)
    return str(code or "error").upper()


def _readable(detail):
    """A ``detail`` a person can read: its text, or a list of texts joined; None for structures."""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list) and detail and all(isinstance(item, str) for item in detail):
        return " ".join(detail)
    return None


def report_server_error(exc, request, response):
    """A 5xx, as Django reports its own: ``got_request_exception`` (error trackers), then one
    ``django.request`` record with the traceback (``log_response`` marks the response logged, so
    Django does not log it a second time without it)."""
    http_request = getattr(request, "_request", request)
    got_request_exception.send(sender=None, request=http_request)
    log_response("%s: %s", response.reason_phrase, getattr(http_request, "path", "-"),
                 response=response, request=http_request, exception=exc)


def _body_for(exc, data):
    """(message, code, errors, field_codes) for an exception DRF's handler answered."""
    if isinstance(exc, exceptions.ValidationError):
        codes = exc.get_codes() if api_settings.FIELD_CODES else None
        return api_settings.VALIDATION_MESSAGE, "VALIDATION_ERROR", data, codes
    message = _readable(data.get("detail")) if isinstance(data, dict) and set(data) == {"detail"} else None
    # An APIException raised with a list or a dict as its detail keeps it as ``errors``.
    errors = {} if message is not None else data
    codes = exc.get_codes() if api_settings.FIELD_CODES and errors else None
    return message or exc.default_detail, _code_for(exc), errors, codes


def exception_handler(exc: Exception, context: Dict[str, Any]) -> Optional[Response]:
    """Answer ``exc`` with the envelope; ``None`` (DRF re-raises) for a crash under ``DEBUG``."""
    request = (context or {}).get("request")
    if should_not_handle(exc, request):
        return drf_views.exception_handler(exc, context)
    cid = get_correlation_id(request)
    raised, exc = exc, _translate(exc, request, cid)
    response = drf_views.exception_handler(exc, context)

    if response is None:
        if settings.DEBUG and api_settings.RERAISE_IN_DEBUG:
            return None  # Django's debug page, its got_request_exception and its log
        drf_views.set_rollback()
        info = ErrorInfo(500, "SERVER_ERROR", api_settings.SERVER_ERROR_MESSAGE, {}, cid)
        response = Response(status=500)
        report_server_error(exc, request, response)
    else:
        message, code, errors, field_codes = _body_for(exc, response.data)
        wait = getattr(exc, "wait", None)
        retry_after = int(wait) if wait is not None else None
        info = ErrorInfo(response.status_code, code, message, errors, cid, retry_after, field_codes)
        if response.status_code >= 500:
            report_server_error(raised, request, response)
        else:
            log_security_event(exc, request, response)

    info.request, info.exception = request, raised
    response.data, content_type = render(info)
    renderer = getattr(request, "accepted_renderer", None)
    if content_type != JSON and getattr(renderer, "format", "json") == "json":
        response.content_type = content_type  # application/problem+json; the browsable API stays HTML
    add_headers(response, info)
    return response
