"""The drf-spectacular schema class: each operation's error statuses from its view, the request
serializer's writable fields, the formatter's shape; valid OpenAPI, and real answers validate."""
import json
import unittest
import warnings

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from .helpers import EnvelopeTestCase
from .test_handlers import post_json

try:
    import jsonschema
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema
except ImportError:  # drf-spectacular is optional; it brings jsonschema with it
    SchemaGenerator = None


def generate_schema():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)  # drf-spectacular's own check against the OpenAPI 3 specification
    return schema


def validate(schema, response_schema, body):
    """Validate ``body`` against an operation's response schema, its $refs read from ``schema``."""
    document = dict(response_schema, components=schema["components"])
    jsonschema.validate(body, document)


@unittest.skipIf(SchemaGenerator is None or not settings.HAS_SPECTACULAR, "drf-spectacular is not installed")
class Schema(EnvelopeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schema = generate_schema()

    def statuses(self, path, method):
        return sorted(status for status in self.schema["paths"][path][method]["responses"] if status >= "400")

    def response_schema(self, path, method, status, media="application/json"):
        response = self.schema["paths"][path][method]["responses"][status]
        self.assertIn("X-Correlation-ID", response["headers"])
        return response["content"][media]["schema"]

    def test_statuses_follow_authentication_permissions_throttles_lookups_and_bodies(self):
        self.assertEqual(self.statuses("/api/items/", "post"), ["400", "406", "415", "500"])
        self.assertEqual(self.statuses("/api/token/", "get"), ["401", "403", "406", "500"])
        self.assertEqual(self.statuses("/api/session/", "get"), ["403", "406", "500"])
        self.assertEqual(self.statuses("/api/throttled/", "get"), ["403", "406", "429", "500"])
        self.assertEqual(self.statuses("/api/orders/", "get"), ["403", "406", "500"])
        self.assertEqual(self.statuses("/api/orders/{id}/", "get"), ["403", "404", "406", "500"])
        self.assertEqual(self.statuses("/api/orders/{id}/", "put"), ["400", "403", "404", "406", "415", "500"])
        self.assertEqual(self.statuses("/api/orders/{id}/", "delete"), ["403", "404", "406", "500"])

    def test_headers_of_401_and_429(self):
        responses = self.schema["paths"]
        self.assertIn("WWW-Authenticate", responses["/api/token/"]["get"]["responses"]["401"]["headers"])
        self.assertIn("Retry-After", responses["/api/throttled/"]["get"]["responses"]["429"]["headers"])

    def errors_properties(self, path, method):
        ref = self.response_schema(path, method, "400")["$ref"]
        component = self.schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        return list(component["properties"]["error"]["properties"]["errors"]["anyOf"][0]["properties"])

    def test_the_400_names_the_request_serializers_writable_fields_only(self):
        self.assertEqual(self.errors_properties("/api/people/", "post"),
                         ["name", "email", "address", "tags", "non_field_errors"])
        self.assertEqual(self.errors_properties("/api/orders/", "post"), ["email", "qty", "note", "non_field_errors"])

    def test_real_error_responses_validate_against_the_schema(self):
        cache.clear()
        data = {"name": "x" * 60, "email": "nope", "address": {}, "tags": [1, "x"]}
        cases = [
            ("/api/people/", "post", "400", post_json(self.client, "/api/people/", data)),
            ("/api/people/", "post", "400", self.client.post("/api/people/", "{", content_type="application/json")),
            ("/api/orders/", "post", "400", post_json(self.client, "/api/orders/", {"id": 5, "qty": "x"})),
            ("/api/orders/", "post", "415", self.client.post("/api/orders/", "x", content_type="text/plain")),
            ("/api/orders/{id}/", "get", "404", self.client.get("/api/orders/99/")),
            ("/api/orders/", "get", "406", self.client.get("/api/orders/", HTTP_ACCEPT="application/xml")),
            ("/api/session/", "get", "403", self.client.get("/api/session/")),
            ("/api/token/", "get", "401", self.client.get("/api/token/")),
            ("/api/raise/{name}/", "get", "500", self.answering.get("/api/raise/crash/")),
        ]
        self.client.get("/api/throttled/")
        cases.append(("/api/throttled/", "get", "429", self.client.get("/api/throttled/")))
        for path, method, status, response in cases:
            with self.subTest(path=path, status=status):
                self.assertEqual(str(response.status_code), status)
                validate(self.schema, self.response_schema(path, method, status), json.loads(response.content))

    def test_the_schema_rejects_a_body_that_is_not_the_envelope(self):
        with self.assertRaises(jsonschema.ValidationError):
            validate(self.schema, self.response_schema("/api/token/", "get", "401"), {"detail": "Nope."})


@unittest.skipIf(SchemaGenerator is None or not settings.HAS_SPECTACULAR, "drf-spectacular is not installed")
@override_settings(API_ERRORS={"FORMATTER": "api_errors.formatters.ProblemDetailsFormatter"})
class SchemaOfAFormatter(EnvelopeTestCase):
    def test_the_formatters_media_type_and_schema(self):
        schema = generate_schema()
        response = schema["paths"]["/api/people/"]["post"]["responses"]["400"]
        self.assertEqual(list(response["content"]), ["application/problem+json"])
        body = post_json(self.client, "/api/people/", {"email": "nope"}).json()
        validate(schema, response["content"]["application/problem+json"]["schema"], body)
        with self.assertRaises(jsonschema.ValidationError):
            validate(schema, response["content"]["application/problem+json"]["schema"], {"error": {}})
