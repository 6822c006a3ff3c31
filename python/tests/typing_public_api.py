"""Not a test module: the typing session runs ``mypy --strict`` on it against the installed wheel.

It uses the public API as a typed project would; mypy fails when the wheel has no ``py.typed``, when
a public function or method has no type hints, or when a hint stops matching this use.
"""
import logging
from typing import Optional

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from rest_framework.response import Response

import api_errors
from api_errors import error_response, form_error_response, get_correlation_id
from api_errors.handlers import exception_handler
from api_errors.logging import CorrelationIdFilter
from api_errors.middleware import CorrelationIdMiddleware
from api_errors.openapi import add_error_responses
from api_errors.views import csrf_failure, handler400, handler403, handler404, handler500


def view(request: HttpRequest) -> JsonResponse:
    correlation_id: str = get_correlation_id(request)
    return error_response(409, "Already paid (%s)." % correlation_id, {"order": ["Paid."]},
                          code="already_paid", retry_after=3, request=request)


def form_view(request: HttpRequest, form: object) -> JsonResponse:
    return form_error_response(form, status=422, message="Check the form.", request=request)


def handle(exc: Exception, request: HttpRequest) -> Optional[Response]:
    return exception_handler(exc, {"request": request, "view": None})


def wrap() -> CorrelationIdMiddleware:
    return CorrelationIdMiddleware(lambda request: HttpResponse())


def pages(request: HttpRequest) -> list[HttpResponse]:
    return [handler400(request, None), handler403(request), handler404(request, Exception("x")),
            handler500(request), csrf_failure(request, "reason")]


def call(middleware: CorrelationIdMiddleware, request: HttpRequest) -> HttpResponseBase:
    return middleware(request)


def schema() -> dict[str, object]:
    return add_error_responses({"paths": {}, "components": {}}, generator=None, request=None, public=True)


keep: bool = CorrelationIdFilter(default="-").filter(logging.makeLogRecord({}))
version: str = api_errors.__version__
