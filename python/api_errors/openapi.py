"""drf-spectacular: each operation documents the errors it can answer, in the formatter's shape.

Set the schema class (or mix ``ErrorResponsesMixin`` into your own ``AutoSchema`` subclass)::

    REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "api_errors.openapi.AutoSchema"

The statuses come from the view: 400 and 415 with a request body (POST, PUT, PATCH), 401 when the first
authenticator sends a ``WWW-Authenticate`` challenge, 403 with permission classes other than
``AllowAny`` or an authenticator that fails with a 403, 404 with a path parameter, 406 (content
negotiation), 429 with throttles, and 500. Responses an operation documents itself are kept.
"""
import warnings
from typing import Any, Dict

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent, force_instance
from rest_framework.permissions import AllowAny
from rest_framework.settings import api_settings as drf_settings

from .formatters import EnvelopeFormatter, content_type, get_formatter
from .settings import api_settings

STATUS_TEXT = {
    "400": "The request was invalid: its field errors, or an unreadable body.",
    "401": "Not authenticated (see the WWW-Authenticate header).",
    "403": "Not allowed, not authenticated (no challenge), or a CSRF failure.",
    "404": "Not found.",
    "406": "No representation matches the Accept header.",
    "415": "The request body's media type is not accepted.",
    "429": "Throttled: wait Retry-After seconds.",
    "500": "A server error. Quote the correlation id to support.",
}
_REF = "#/components/schemas/"

FIELD_ERRORS = {
    "description": "The messages for one field: a list, or nested like the field itself.",
    "anyOf": [
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "object"}},
        {"type": "object"},
    ],
}
ANY_ERRORS = {
    "description": "The validation errors by field; {} for other errors.",
    "anyOf": [{"type": "object"}, {"type": "array"}],
}


def error_schema(errors_schema=None):
    """The JSON schema of the envelope, ``{"error": {...}}`` (``EnvelopeFormatter``'s)."""
    return EnvelopeFormatter().schema(errors_schema or ANY_ERRORS)


def body_schema(errors_schema=None):
    """The formatter's schema (the envelope's by default), or any object if it has none."""
    schema = getattr(get_formatter(), "schema", None)
    return schema(errors_schema or ANY_ERRORS) if schema is not None else {"type": "object"}


def _writable_fields(serializer):
    serializer = force_instance(serializer)
    serializer = getattr(serializer, "child", serializer)  # many=True
    fields = getattr(serializer, "fields", None)
    if fields is None:
        return None
    return [name for name, field in fields.items() if not field.read_only]


class ErrorResponsesMixin:
    """Adds the error responses to each operation drf-spectacular's ``AutoSchema`` makes."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation:
            responses = operation.setdefault("responses", {})
            for status in self.get_error_statuses(path, operation):
                if status not in responses:
                    responses[status] = self._error_response(status, operation)
        return operation

    def get_error_statuses(self, path, operation):
        """The statuses this operation can answer with an error, as strings."""
        view, request = self.view, getattr(self.view, "request", None)
        # A write reads a body even when no serializer documents it (an APIView's request.data).
        has_body = "requestBody" in operation or self.method in ("POST", "PUT", "PATCH")
        authenticators = view.get_authenticators()
        challenges = [bool(auth.authenticate_header(request)) for auth in authenticators]
        denying = [p for p in view.get_permissions() if not isinstance(p, AllowAny)]
        statuses = {
            "400": has_body,
            "401": bool(challenges) and challenges[0],
            "403": bool(denying) or not all(challenges),
            "404": "{" in path,
            "406": True,
            "415": has_body,
            "429": bool(view.get_throttles()),
            "500": True,
        }
        return [status for status, applies in statuses.items() if applies]

    def _component(self, name, schema):
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.registry.register_on_missing(component)
        return component.ref

    def _error_response(self, status, operation):
        ref = None
        if status == "400":
            fields = _writable_fields(self.get_request_serializer())
            name = _request_component(operation)
            if fields is not None and name:
                fields.append(drf_settings.NON_FIELD_ERRORS_KEY)
                errors = {
                    "description": "The validation errors by field ({} for an unreadable body).",
                    "anyOf": [{"type": "object", "properties": {field: FIELD_ERRORS for field in fields}},
                              {"type": "array"}],
                }
                ref = self._component(name + "ValidationErrorEnvelope", body_schema(errors))
        ref = ref or self._component("ApiErrorEnvelope", body_schema())
        headers = {api_settings.RESPONSE_HEADER: {"schema": {"type": "string"}, "description": "The correlation id."}}
        if status == "429":
            headers["Retry-After"] = {"schema": {"type": "integer"}, "description": "Seconds to wait."}
        if status == "401":
            headers["WWW-Authenticate"] = {"schema": {"type": "string"}, "description": "The challenge."}
        return {
            "description": STATUS_TEXT[status],
            "headers": headers,
            "content": {content_type(get_formatter()): {"schema": ref}},
        }


def _request_component(operation):
    for media in operation.get("requestBody", {}).get("content", {}).values():
        ref = media.get("schema", {}).get("$ref", "")
        if ref.startswith(_REF):
            return ref[len(_REF):]
    return None


class AutoSchema(ErrorResponsesMixin, SpectacularAutoSchema):
    """drf-spectacular's ``AutoSchema`` with each operation's error responses."""


def add_error_responses(result: Dict[str, Any], generator: Any = None, request: Any = None,
                        public: Any = None, **kwargs: Any) -> Dict[str, Any]:
    """Formerly a postprocessing hook; the schema class now documents each operation's errors."""
    warnings.warn("api_errors.openapi.add_error_responses does nothing: set DEFAULT_SCHEMA_CLASS to "
                  "api_errors.openapi.AutoSchema instead.", DeprecationWarning, stacklevel=2)
    return result
