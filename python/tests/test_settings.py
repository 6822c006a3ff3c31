"""API_ERRORS: each setting has a default, is read from settings.py and follows override_settings."""
from django.core.cache import cache
from django.test import SimpleTestCase, override_settings

from api_errors.settings import DEFAULTS, api_settings

from .helpers import HEX32, EnvelopeTestCase, records_of
from .test_handlers import PERSON, post_json


class Defaults(SimpleTestCase):
    def test_defaults(self):
        with override_settings(API_ERRORS={}):
            self.assertEqual({name: getattr(api_settings, name) for name in DEFAULTS}, {
                "VALIDATION_MESSAGE": "Validation failed",
                "SERVER_ERROR_MESSAGE": "A server error occurred.",
                "PARSE_ERROR_MESSAGE": "The request body could not be read.",
                "RERAISE_IN_DEBUG": True,
                "REQUEST_HEADER": "X-Correlation-ID",
                "RESPONSE_HEADER": "X-Correlation-ID",
                "API_PREFIX": "/api/",
                "FIELD_CODES": False,
                "LOG_REQUESTS": False,
                "TRUST_REQUEST_HEADER": True,
                "VALIDATE_ID": "api_errors.correlation.is_safe_correlation_id",
                "GENERATE_ID": "api_errors.correlation.new_correlation_id",
                "EXPOSE_HEADER": "cors",
                "TRACE_ID_AS_CORRELATION_ID": False,
                "INTEGRATIONS": ("sentry", "opentelemetry", "celery"),
                "FORMATTER": None,
                "EXCEPTION_MAP": {},
                "SHOULD_NOT_HANDLE": None,
            })

    def test_keys_may_be_lower_case(self):
        with override_settings(API_ERRORS={"field_codes": True}):
            self.assertIs(api_settings.FIELD_CODES, True)


class EachSetting(EnvelopeTestCase):
    @override_settings(API_ERRORS={"VALIDATION_MESSAGE": "Please correct the marked fields."})
    def test_validation_message(self):
        self.assertEnvelope(post_json(self.client, "/api/people/", {}), 400, "VALIDATION_ERROR",
                            "Please correct the marked fields.")

    @override_settings(API_ERRORS={"SERVER_ERROR_MESSAGE": "Sorry, that failed."})
    def test_server_error_message(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/raise/crash/")
        self.assertEnvelope(response, 500, "SERVER_ERROR", "Sorry, that failed.")

    @override_settings(API_ERRORS={"PARSE_ERROR_MESSAGE": "Unreadable."})
    def test_parse_error_message(self):
        with self.assertLogs("api_errors", "WARNING"):
            response = self.client.post("/api/people/", "{", content_type="application/json")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "Unreadable.")

    @override_settings(API_ERRORS={"REQUEST_HEADER": "X-Request-ID", "RESPONSE_HEADER": "X-Request-ID"})
    def test_header_names(self):
        response = self.client.get("/api/raise/not-found/", HTTP_X_REQUEST_ID="req-9",
                                   HTTP_X_CORRELATION_ID="ignored")
        self.assertEqual(response["X-Request-ID"], "req-9")
        self.assertFalse(response.has_header("X-Correlation-ID"))
        self.assertEqual(response.json()["error"]["correlation_id"], "req-9")

    @override_settings(API_ERRORS={"API_PREFIX": "/v2/"})
    def test_api_prefix(self):
        response = self.client.get("/api/nowhere/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(response["Content-Type"].startswith("text/html"))

    @override_settings(API_ERRORS={"FIELD_CODES": True})
    def test_field_codes(self):
        data = dict(PERSON, email="nope", address={}, name="x" * 51, tags=[1, "x"])
        err = self.assertEnvelope(post_json(self.client, "/api/people/", data), 400, "VALIDATION_ERROR",
                                  extra={"field_codes"})
        self.assertEqual(err["field_codes"], {
            "name": ["max_length"], "email": ["invalid"], "address": {"city": ["required"]},
            "tags": {"1": ["invalid"]},
        })
        self.assertEqual(err["errors"]["email"], ["Enter a valid email address."])

    @override_settings(API_ERRORS={"FIELD_CODES": True})
    def test_field_codes_only_where_there_are_field_errors(self):
        cache.clear()
        self.assertEnvelope(self.client.get("/api/raise/not-found/"), 404, "NOT_FOUND")

    def test_log_requests(self):
        for enabled, expected in ((True, 1), (False, 0)):
            with override_settings(API_ERRORS={"LOG_REQUESTS": enabled}), records_of("api_errors") as records:
                response = self.client.get("/api/session/")
            self.assertEqual(len([r for r in records if "correlation_id=" in r.getMessage()]), expected)
            self.assertRegex(response["X-Correlation-ID"], HEX32)
