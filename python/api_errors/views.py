"""Django's error views, as the envelope for paths under ``API_PREFIX`` and HTML elsewhere.

In the root URLconf::

    handler400 = "api_errors.views.handler400"
    handler403 = "api_errors.views.handler403"
    handler404 = "api_errors.views.handler404"
    handler500 = "api_errors.views.handler500"

and ``CSRF_FAILURE_VIEW = "api_errors.views.csrf_failure"`` in settings. They run where DRF's
handler does not: a URL no route matches, an exception in a plain Django view or a middleware.
"""
from typing import Optional

from django.http import HttpRequest, HttpResponse
from django.views import csrf, defaults
from rest_framework import exceptions

from .handlers import BadRequest
from .responses import error_response
from .settings import api_settings


def is_api_request(request: HttpRequest) -> bool:
    prefix = api_settings.API_PREFIX
    if not prefix:
        return False
    return request.path.startswith(tuple(prefix) if isinstance(prefix, (list, tuple)) else prefix)


def handler400(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    if is_api_request(request):
        return error_response(400, BadRequest.default_detail, code="BAD_REQUEST", request=request)
    return defaults.bad_request(request, exception)  # type: ignore[arg-type]


def handler403(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    if is_api_request(request):
        return error_response(403, exceptions.PermissionDenied.default_detail,
                              code="PERMISSION_DENIED", request=request)
    return defaults.permission_denied(request, exception)  # type: ignore[arg-type]


def handler404(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    # Never the exception's text: Django's resolver puts the URL patterns it tried there.
    if is_api_request(request):
        return error_response(404, exceptions.NotFound.default_detail, code="NOT_FOUND", request=request)
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return error_response(500, api_settings.SERVER_ERROR_MESSAGE, code="SERVER_ERROR", request=request)
    return defaults.server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF check failed: the same message and code as DRF's own CSRF failure."""
    if is_api_request(request):
        return error_response(403, "CSRF Failed: %s" % reason, code="CSRF_FAILED", request=request)
    return csrf.csrf_failure(request, reason)
