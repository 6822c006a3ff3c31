"""The body of every error response is made here, by the formatter ``API_ERRORS["FORMATTER"]`` names.

The handler, the error views and ``error_response`` decide the status, the code, the message and
the field errors; they hand them over as one ``ErrorInfo``, and the formatter shapes the body. The
default, ``EnvelopeFormatter``, writes the envelope::

    {"error": {"message", "code", "status", "errors", "timestamp", "correlation_id"}}

plus ``retry_after`` (seconds) when the client should wait, and ``field_codes`` when the
``FIELD_CODES`` setting is on. A project's formatter is a class (instantiated once, with no
arguments) or a plain function:

- ``format(error: ErrorInfo) -> dict``: the body (a class's method, or the function itself);
- ``content_type`` (a class attribute): the response's media type, ``"application/json"`` if absent;
- ``schema(errors_schema: dict) -> dict`` (optional): the body's JSON schema for the OpenAPI
  document; ``errors_schema`` describes the field errors of one operation.
"""
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional

from django.utils.module_loading import import_string

from .settings import api_settings

JSON = "application/json"


@dataclass
class ErrorInfo:
    """One failure, decided; what a formatter turns into a body."""
    status: int
    code: str
    message: str
    errors: Any = field(default_factory=dict)
    correlation_id: str = ""
    retry_after: Optional[int] = None
    field_codes: Any = None
    request: Any = None  # Django's HttpRequest (or DRF's Request), when there is one
    exception: Optional[BaseException] = None  # what was raised, when something was
    timestamp: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class EnvelopeFormatter:
    """The default: the envelope the browser plugin reads first."""
    content_type = JSON

    def format(self, error):
        body = {
            "message": str(error.message),
            "code": error.code,
            "status": error.status,
            "errors": error.errors if error.errors is not None else {},
            "timestamp": error.timestamp.isoformat(),
            "correlation_id": error.correlation_id,
        }
        if error.retry_after is not None:
            body["retry_after"] = error.retry_after
        if error.field_codes is not None:
            body["field_codes"] = error.field_codes
        return {"error": body}


class _FunctionFormatter:
    content_type = JSON

    def __init__(self, function):
        self.format = function


_loaded = {}


def get_formatter():
    """The formatter instance ``API_ERRORS["FORMATTER"]`` names (``EnvelopeFormatter`` if none)."""
    path = api_settings.FORMATTER
    if not path:
        return _DEFAULT
    if path not in _loaded:
        target = import_string(path) if isinstance(path, str) else path
        if isinstance(target, type):
            target = target()
        _loaded[path] = target if hasattr(target, "format") else _FunctionFormatter(target)
    return _loaded[path]


def content_type(formatter):
    return getattr(formatter, "content_type", None) or JSON


def render(error):
    """``(body, content_type)`` for ``error``, by the configured formatter."""
    formatter = get_formatter()
    return formatter.format(error), content_type(formatter)


_DEFAULT = EnvelopeFormatter()
