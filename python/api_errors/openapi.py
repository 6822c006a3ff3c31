"""drf-spectacular: the envelope in the error responses of every operation of your schema.

A postprocessing hook (drf-spectacular's documented ``POSTPROCESSING_HOOKS`` setting)::

    SPECTACULAR_SETTINGS = {
        "POSTPROCESSING_HOOKS": [
            "drf_spectacular.hooks.postprocess_schema_enums",
            "api_errors.openapi.add_error_responses",
        ],
    }

Writes (POST, PUT, PATCH) get a 400 whose ``errors`` names the request body's fields; every
operation gets 401, 403, 404, 429 and 500. Responses an operation documents itself are kept.
"""
from typing import Any, Dict

from rest_framework.settings import api_settings as drf_settings

from .settings import api_settings

WRITE_METHODS = ("post", "put", "patch")
STATUS_TEXT = {
    "400": "The request was invalid: field errors are in error.errors.",
    "401": "Not authenticated.",
    "403": "Not allowed, not authenticated (session authentication), or a CSRF failure.",
    "404": "Not found.",
    "429": "Throttled: wait error.retry_after seconds (also the Retry-After header).",
    "500": "A server error. Quote error.correlation_id to support.",
}
_REF = "#/components/schemas/"

FIELD_ERRORS = {
    "description": "DRF's messages for one field: a list, or nested like the field itself.",
    "anyOf": [
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "object"}},
        {"type": "object"},
    ],
}


def error_schema(errors_schema=None):
    """The JSON schema of ``{"error": {...}}``."""
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
                "errors": errors_schema or {
                    "description": "DRF's validation errors by field; {} for other errors.",
                    "anyOf": [{"type": "object"}, {"type": "array"}],
                },
                "timestamp": {"type": "string", "format": "date-time"},
                "correlation_id": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$",
                                   "description": "Also in the response header and the logs."},
                "retry_after": {"type": "integer", "minimum": 0,
                                "description": "Seconds to wait before trying again."},
                "field_codes": {"description": "DRF's error codes, shaped like errors."},
            },
        }},
    }


def _validation_schema(name, body_schema):
    """The 400 envelope of an operation whose request body is the component ``name``."""
    fields = list(body_schema.get("properties", {})) + [drf_settings.NON_FIELD_ERRORS_KEY]
    errors = {
        "description": "DRF's validation errors by field ({} for an unreadable body).",
        "anyOf": [
            {"type": "object", "properties": {field: FIELD_ERRORS for field in fields}},
            {"type": "array"},
        ],
    }
    return error_schema(errors)


def _request_component(operation):
    for media in operation.get("requestBody", {}).get("content", {}).values():
        ref = media.get("schema", {}).get("$ref", "")
        if ref.startswith(_REF):
            return ref[len(_REF):]
    return None


def _response(status, ref):
    header = api_settings.RESPONSE_HEADER
    headers = {header: {"schema": {"type": "string"}, "description": "The correlation id."}}
    if status == "429":
        headers["Retry-After"] = {"schema": {"type": "integer"}, "description": "Seconds to wait."}
    return {
        "description": STATUS_TEXT[status],
        "headers": headers,
        "content": {"application/json": {"schema": {"$ref": _REF + ref}}},
    }


def add_error_responses(result: Dict[str, Any], generator: Any = None, request: Any = None,
                        public: Any = None, **kwargs: Any) -> Dict[str, Any]:
    """Add the error responses to every operation of ``result`` (the schema) and return it."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ApiErrorEnvelope", error_schema())
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            statuses = ["401", "403", "404", "429", "500"]
            if method in WRITE_METHODS:
                statuses.insert(0, "400")
            for status in statuses:
                if status in responses:
                    continue
                ref = "ApiErrorEnvelope"
                component = _request_component(operation) if status == "400" else None
                if component is not None and component in schemas:
                    ref = component + "ValidationErrorEnvelope"
                    schemas.setdefault(ref, _validation_schema(component, schemas[component]))
                responses[status] = _response(status, ref)
    return result
