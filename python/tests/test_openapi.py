"""The drf-spectacular hook: the schema documents the envelope, and real answers validate against it."""
import json
import unittest
import warnings

from django.conf import settings
from django.core.cache import cache

from .helpers import EnvelopeTestCase
from .test_handlers import post_json

try:
    import jsonschema
    from drf_spectacular.generators import SchemaGenerator
except ImportError:  # drf-spectacular is optional; it brings jsonschema with it
    SchemaGenerator = None


def generate_schema():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return SchemaGenerator().get_schema(request=None, public=True)


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

    def response_schema(self, path, method, status):
        response = self.schema["paths"][path][method]["responses"][status]
        self.assertIn("X-Correlation-ID", response["headers"])
        return response["content"]["application/json"]["schema"]

    def test_every_operation_documents_the_error_statuses(self):
        operations = [(path, method, op) for path, item in self.schema["paths"].items()
                      for method, op in item.items()]
        self.assertGreater(len(operations), 5)
        for path, method, operation in operations:
            expected = {"401", "403", "404", "429", "500"} | ({"400"} if method in ("post", "put", "patch") else set())
            with self.subTest(path=path, method=method):
                self.assertLessEqual(expected, set(operation["responses"]))
        self.assertIn("Retry-After", self.schema["paths"]["/api/throttled/"]["get"]["responses"]["429"]["headers"])

    def test_the_400_of_a_write_names_the_serializers_fields(self):
        ref = self.response_schema("/api/people/", "post", "400")["$ref"]
        component = self.schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        errors = component["properties"]["error"]["properties"]["errors"]["anyOf"][0]["properties"]
        self.assertEqual(list(errors), ["name", "email", "address", "tags", "non_field_errors"])

    def test_real_error_responses_validate_against_the_schema(self):
        cache.clear()
        data = {"name": "x" * 60, "email": "nope", "address": {}, "tags": [1, "x"]}
        cases = [
            ("/api/people/", "post", "400", post_json(self.client, "/api/people/", data)),
            ("/api/people/", "post", "400", self.client.post("/api/people/", "{", content_type="application/json")),
            ("/api/session/", "get", "403", self.client.get("/api/session/")),
            ("/api/token/", "get", "401", self.client.get("/api/token/")),
            ("/api/raise/{name}/", "get", "404", self.client.get("/api/raise/http404/")),
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
