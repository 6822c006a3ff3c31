"""Which exceptions become which errors, beyond DRF's own: the project's ``EXCEPTION_MAP``, Django's
``ValidationError`` and the ``SHOULD_NOT_HANDLE`` hook. Shared by the DRF handler and the middleware
that answers for plain Django views."""
import re

from django.core import exceptions as django_exceptions
from django.utils.module_loading import import_string
from rest_framework import exceptions
from rest_framework.fields import get_error_detail

from .formatters import status_phrase
from .settings import api_settings

NON_FIELD_ERRORS = django_exceptions.NON_FIELD_ERRORS  # "__all__"


def _resolve(target):
    return import_string(target) if isinstance(target, str) else target


def should_not_handle(exc, request):
    """True when the project's ``SHOULD_NOT_HANDLE`` hook wants ``exc`` left to DRF and Django."""
    hook = api_settings.SHOULD_NOT_HANDLE
    return bool(hook) and bool(_resolve(hook)(exc, request))


def _code_from_name(cls):
    """``OutOfStock`` -> ``OUT_OF_STOCK``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", cls.__name__).upper()


class MappedError(exceptions.APIException):
    """A project exception named in ``EXCEPTION_MAP``, with the status and code given there."""

    def __init__(self, exc, status, code, message):
        self.status_code = status
        super().__init__(message, code)
        self.original = exc


def mapped_exception(exc):
    """``exc`` as a ``MappedError`` when ``EXCEPTION_MAP`` names its class (or a base), else None.

    An entry is ``{"status": 409, "code": "OUT_OF_STOCK", "message": "..."}`` or ``(409, "OUT_OF_STOCK")``.
    Without a message, a 4xx says the exception's own text (the project raised it for the client)
    or the status's phrase; a 5xx always says ``SERVER_ERROR_MESSAGE``.
    """
    for target, entry in (api_settings.EXCEPTION_MAP or {}).items():
        cls = _resolve(target)
        if not isinstance(exc, cls):
            continue
        if not isinstance(entry, dict):
            entry = dict(zip(("status", "code", "message"), entry))
        status = int(entry.get("status", 400))
        message = entry.get("message")
        if status >= 500:
            message = message or api_settings.SERVER_ERROR_MESSAGE
        elif not message:
            message = str(exc) or status_phrase(status)
        return MappedError(exc, status, str(entry.get("code") or _code_from_name(cls)).lower(), message)
    return None


def django_validation_errors(exc, non_field_key=NON_FIELD_ERRORS):
    """Django's ``ValidationError`` as DRF's ``{field: [ErrorDetail]}`` (the codes kept, in order),
    its errors of no field (``NON_FIELD_ERRORS``, or a bare message) under ``non_field_key``."""
    detail = get_error_detail(exc)
    if not isinstance(detail, dict):
        detail = {NON_FIELD_ERRORS: detail}
    return {(non_field_key if key == NON_FIELD_ERRORS else key): value for key, value in detail.items()}
