"""Django's error views, as the envelope for paths under ``API_PREFIX`` and HTML elsewhere; and
``ExceptionMiddleware``, which answers what a plain Django view raises as DRF's handler would.

In the root URLconf::

    handler400 = "api_errors.views.handler400"
    handler403 = "api_errors.views.handler403"
    handler404 = "api_errors.views.handler404"
    handler500 = "api_errors.views.handler500"

and ``CSRF_FAILURE_VIEW = "api_errors.views.csrf_failure"`` in settings. They run where DRF's
handler does not: a URL no route matches, an exception in a plain Django view or a middleware.
"""
import sys
from typing import Any, Awaitable, Callable, Optional, Union

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.views import csrf, defaults
from rest_framework import exceptions

from .forms import validation_error_response, wants_json
from .handlers import BadRequest, CsrfFailed, report_server_error
from .mapping import mapped_exception, should_not_handle
from .responses import error_info, respond
from .settings import api_settings


def is_api_request(request: HttpRequest) -> bool:
    """True when the path inside the app (without ``SCRIPT_NAME``) starts with ``API_PREFIX``."""
    prefix = api_settings.API_PREFIX
    if not prefix:
        return False
    prefixes = tuple(prefix) if isinstance(prefix, (list, tuple)) else prefix
    return (getattr(request, "path_info", None) or request.path).startswith(prefixes)


def _ours(request: HttpRequest, exception: Optional[BaseException]) -> bool:
    return is_api_request(request) and not (exception is not None and should_not_handle(exception, request))


def _answer(request: HttpRequest, status: int, message: Any, code: str,
            exception: Optional[BaseException] = None) -> HttpResponse:
    return respond(error_info(status, message, code=code, request=request, exception=exception))


def handler400(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    if _ours(request, exception):
        return _answer(request, 400, BadRequest.default_detail, "BAD_REQUEST", exception)
    return defaults.bad_request(request, exception)  # type: ignore[arg-type]  # None works as well


def handler403(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    if _ours(request, exception):
        return _answer(request, 403, exceptions.PermissionDenied.default_detail, "PERMISSION_DENIED", exception)
    return defaults.permission_denied(request, exception)  # type: ignore[arg-type]  # None works as well


def _not_found(request: HttpRequest, exception: Optional[BaseException] = None) -> HttpResponse:
    # Never the exception's text: Django's resolver puts the URL patterns it tried there.
    return _answer(request, 404, exceptions.NotFound.default_detail, "NOT_FOUND", exception)


def handler404(request: HttpRequest, exception: Optional[Exception] = None) -> HttpResponse:
    if _ours(request, exception):
        return _not_found(request, exception)
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    exception = sys.exc_info()[1]
    if _ours(request, exception):
        return _answer(request, 500, api_settings.SERVER_ERROR_MESSAGE, "SERVER_ERROR", exception)
    return defaults.server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF check failed: the same message and code as DRF's CSRF failure; the reason
    (Django's middleware has logged it) is in the message only under ``DEBUG``."""
    if is_api_request(request):
        message = "CSRF Failed: %s" % reason if settings.DEBUG else CsrfFailed.default_detail
        return _answer(request, 403, message, "CSRF_FAILED")
    return csrf.csrf_failure(request, reason)


class ExceptionMiddleware:
    """For plain Django views under ``API_PREFIX``, and AJAX/JSON requests anywhere: Django's
    ``ValidationError`` is the 400 envelope and ``EXCEPTION_MAP`` applies, as in DRF views. Under
    ``DEBUG``, a 404 of an API path asked for by AJAX/JSON is the JSON 404, not the debug page.

    Not a ``MiddlewareMixin``: under ASGI the mixin runs ``process_response`` in a thread, a
    switch on every request for what only acts on DEBUG's 404s. Django calls ``process_exception``
    itself, as for any middleware.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Union[HttpResponseBase, Awaitable[HttpResponseBase]]]
                 ) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        return self.process_response(request, self.get_response(request))  # type: ignore[arg-type]

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        return self.process_response(request, await self.get_response(request))  # type: ignore[misc]

    def process_exception(self, request: HttpRequest, exception: Exception) -> Optional[HttpResponse]:
        if not (is_api_request(request) or wants_json(request)) or should_not_handle(exception, request):
            return None
        if isinstance(exception, ValidationError):
            return validation_error_response(exception, request=request)
        mapped = mapped_exception(exception)
        if mapped is None:
            return None  # Django's handling: handler404, handler500...
        response = _answer(request, mapped.status_code, mapped.detail, mapped.detail.code, exception)
        if mapped.status_code >= 500:
            report_server_error(exception, request, response)
        return response

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if (settings.DEBUG and response.status_code == 404 and is_api_request(request)
                and response.get("Content-Type", "").startswith("text/html") and wants_json(request)):
            return _not_found(request)
        return response
