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
from http import HTTPStatus
from typing import Any, Dict, Optional

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


def status_phrase(status: int) -> str:
    """``Not Found`` for 404; for a status ``http.HTTPStatus`` does not know (a 499, a 599), its class's."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Client Error" if 400 <= status < 500 else "Server Error" if 500 <= status < 600 else "Error"


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

    def schema(self, errors_schema):
        return {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {
                "type": "object",
                "required": ["message", "code", "status", "errors", "timestamp", "correlation_id"],
                "properties": {
                    "message": {"type": "string", "description": "For a person; never empty."},
                    "code": {"type": "string", "example": "NOT_FOUND",
                             "description": "DRF's error code, upper-cased (VALIDATION_ERROR, ...)."},
                    "status": {"type": "integer", "description": "The HTTP status."},
                    "errors": errors_schema,
                    "timestamp": {"type": "string", "format": "date-time"},
                    "correlation_id": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$",
                                       "description": "Also in the response header and the logs."},
                    "retry_after": {"type": "integer", "minimum": 0,
                                    "description": "Seconds to wait before trying again."},
                    "field_codes": {"description": "The error codes, shaped like errors."},
                },
            }},
        }


_FORM_KEYS = ("__all__", "non_field_errors")


def _invalid_params(errors, path=()):
    """DRF's or Django's field errors as RFC 9457 ``invalid-params``: ``{"name", "reason"}`` each,
    nested fields dotted (``address.city``); errors of no field have no ``name``."""
    if isinstance(errors, dict):
        items = errors.items()
    elif isinstance(errors, list) and any(isinstance(item, (dict, list)) for item in errors):
        items = ((str(index), item) for index, item in enumerate(errors))
    else:
        name = ".".join(path)
        return [dict({"name": name} if name else {}, reason=str(item)) for item in errors or ()]
    params = []
    for key, value in items:
        params += _invalid_params(value, path if key in _FORM_KEYS else path + (str(key),))
    return params


class ProblemDetailsFormatter:
    """RFC 9457 problem details (``application/problem+json``): ``type``, ``title``, ``status``,
    ``detail``, ``instance`` (the request's path), ``invalid-params``, and the envelope's ``code``,
    ``correlation_id``, ``timestamp`` and ``retry_after`` as extension members. ``type`` is
    ``about:blank`` unless a subclass sets ``type_base`` (``type_base + "not-found"``...)."""
    content_type = "application/problem+json"
    type_base = None

    def format(self, error):
        body = {
            "type": self.type_base + error.code.lower().replace("_", "-") if self.type_base else "about:blank",
            "title": status_phrase(error.status),
            "status": error.status,
            "detail": str(error.message),
        }
        if error.request is not None:
            body["instance"] = error.request.path
        params = _invalid_params(error.errors)
        if params:
            body["invalid-params"] = params
        body.update(code=error.code, correlation_id=error.correlation_id,
                    timestamp=error.timestamp.isoformat())
        if error.retry_after is not None:
            body["retry_after"] = error.retry_after
        return body

    def schema(self, errors_schema):
        text = {"type": "string"}
        param = {"type": "object", "required": ["reason"], "properties": {"name": text, "reason": text}}
        return {
            "type": "object",
            "required": ["type", "title", "status", "detail", "code", "correlation_id", "timestamp"],
            "properties": {
                "type": text, "title": text, "status": {"type": "integer"}, "detail": text, "instance": text,
                "invalid-params": {"type": "array", "items": param}, "code": text, "correlation_id": text,
                "timestamp": {"type": "string", "format": "date-time"},
                "retry_after": {"type": "integer", "minimum": 0},
            },
        }


class _FunctionFormatter:
    content_type = JSON

    def __init__(self, function):
        self.format = function


_loaded: Dict[Any, Any] = {}


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
