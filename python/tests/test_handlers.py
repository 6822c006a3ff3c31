"""exception_handler: every DRF error and Django's own exceptions, as the envelope."""
import json

from django.contrib.auth.models import User
from django.core.cache import cache

from .helpers import EnvelopeTestCase
from .views import ItemSerializer

PERSON = {"name": "Ada", "email": "ada@example.com", "address": {"city": "London"}, "tags": [1]}


def post_json(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


class ValidationErrors(EnvelopeTestCase):
    def test_nested_and_list_field_errors_are_drf_own_structure(self):
        data = dict(PERSON, email="nope", address={}, tags=[1, "x"])
        err = self.assertEnvelope(post_json(self.client, "/api/people/", data), 400,
                                  "VALIDATION_ERROR", "Validation failed")
        self.assertEqual(err["errors"], {
            "email": ["Enter a valid email address."],
            "address": {"city": ["This field is required."]},
            "tags": {"1": ["A valid integer is required."]},
        })

    def test_non_field_errors_kept(self):
        self.assertEnvelope(post_json(self.client, "/api/people/", dict(PERSON, name="taken")), 400,
                            "VALIDATION_ERROR", errors={"non_field_errors": ["This name is already registered."]})

    def test_a_list_bodys_errors_are_drf_own_shape(self):
        # DRF up to 3.17 gives a list ([{}, {"sku": [...]}]); 3.18 an object keyed by index
        # ({"1": {"sku": [...]}}, LIST_SERIALIZER_ERRORS_AS_DICT): either way, exactly DRF's.
        items = [{"sku": "A"}, {"sku": ""}]
        serializer = ItemSerializer(data=items, many=True)
        self.assertFalse(serializer.is_valid())
        response = post_json(self.client, "/api/items/", items)
        self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Validation failed",
                            json.loads(json.dumps(serializer.errors)))

    def test_validation_error_with_text_is_a_root_list(self):
        self.assertEnvelope(self.client.get("/api/raise/validation-text/"), 400, "VALIDATION_ERROR",
                            "Validation failed", ["Just text."])

    def test_valid_body_is_not_touched(self):
        response = post_json(self.client, "/api/people/", PERSON)
        self.assertEqual((response.status_code, response.json()), (201, {"ok": True}))


class ApiExceptions(EnvelopeTestCase):
    def test_401_keeps_www_authenticate(self):
        response = self.client.get("/api/token/")
        self.assertEnvelope(response, 401, "NOT_AUTHENTICATED",
                            "Authentication credentials were not provided.", {})
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="api"')

    def test_401_authentication_failed(self):
        response = self.client.get("/api/token/", HTTP_AUTHORIZATION="Bearer nope")
        self.assertEnvelope(response, 401, "AUTHENTICATION_FAILED", "Invalid token.", {})
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="api"')

    def test_authentication_failed_without_authenticate_header_is_drf_403(self):
        response = self.client.get("/api/raise/auth-failed/")
        self.assertEnvelope(response, 403, "AUTHENTICATION_FAILED", "Token expired.", {})
        self.assertFalse(response.has_header("WWW-Authenticate"))

    def test_403_permission_denied_keeps_its_message(self):
        self.assertEnvelope(self.client.get("/api/raise/permission/"), 403, "PERMISSION_DENIED",
                            "You may not see these reports.", {})

    def test_404_not_found_keeps_its_message(self):
        self.assertEnvelope(self.client.get("/api/raise/not-found/"), 404, "NOT_FOUND",
                            "No order with that number.", {})

    def test_405_method_not_allowed(self):
        self.assertEnvelope(self.client.get("/api/people/"), 405, "METHOD_NOT_ALLOWED",
                            'Method "GET" not allowed.', {})

    def test_415_unsupported_media_type(self):
        response = self.client.post("/api/people/", "x", content_type="text/plain")
        self.assertEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE",
                            'Unsupported media type "text/plain" in request.', {})

    def test_406_not_acceptable(self):
        self.assertEnvelope(self.client.get("/api/token/", HTTP_ACCEPT="application/xml"), 406,
                            "NOT_ACCEPTABLE", "Could not satisfy the request Accept header.", {})

    def test_custom_code_and_subclass_code(self):
        self.assertEnvelope(self.answering.get("/api/raise/custom-code/"), 500, "QUOTA_EXCEEDED",
                            "Quota exceeded.", {})

    def test_dict_detail_is_kept_as_errors(self):
        self.assertEnvelope(self.answering.get("/api/raise/dict-detail/"), 500, "ERROR",
                            "A server error occurred.", {"field": ["bad"]})


class Throttling(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def test_throttled_keeps_retry_after_and_adds_retry_after_seconds(self):
        response = self.client.get("/api/raise/throttled/")
        err = self.assertEnvelope(response, 429, "THROTTLED",
                                  "Request was throttled. Expected available in 30 seconds.", {},
                                  extra={"retry_after"})
        self.assertEqual(response["Retry-After"], "30")
        self.assertEqual(err["retry_after"], 30)

    def test_real_anon_rate_throttle(self):
        self.assertEqual(self.client.get("/api/throttled/").status_code, 200)
        response = self.client.get("/api/throttled/")
        err = self.assertEnvelope(response, 429, "THROTTLED", extra={"retry_after"})
        self.assertEqual(str(err["retry_after"]), response["Retry-After"])
        self.assertTrue(1 <= err["retry_after"] <= 60, err["retry_after"])

    def test_a_5xx_with_wait_keeps_retry_after_too(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/raise/maintenance/")
        err = self.assertEnvelope(response, 503, "MAINTENANCE", "Down for maintenance.", {},
                                  extra={"retry_after"})
        self.assertEqual((response["Retry-After"], err["retry_after"]), ("120", 120))


class SessionAuthentication(EnvelopeTestCase):
    def test_anonymous_session_is_drf_403_not_authenticated(self):
        response = self.client.get("/api/session/")
        self.assertEnvelope(response, 403, "NOT_AUTHENTICATED",
                            "Authentication credentials were not provided.", {})
        self.assertFalse(response.has_header("WWW-Authenticate"))

    def test_logged_in_post_without_csrf_token_is_csrf_failed(self):
        User.objects.create_user("demo", password="demo")
        client = self.client_class(enforce_csrf_checks=True)
        client.login(username="demo", password="demo")
        self.assertEqual(client.get("/api/session/").json(), {"user": "demo"})
        with self.assertLogs("django.security.csrf", "WARNING") as logs:
            response = client.post("/api/session/", HTTP_ORIGIN="https://evil.example")
        self.assertEnvelope(response, 403, "CSRF_FAILED", "CSRF verification failed. Request aborted.", {})
        reason = logs.records[0].args[0]  # Django 4.0+: "Origin checking failed - https://evil.example ..."
        self.assertIn("Forbidden (%s)" % reason, logs.output[0])
        self.assertNotIn(reason, response.content.decode())
        self.assertNotIn("evil", response.content.decode())
        with self.settings(DEBUG=True), self.assertLogs("django.security.csrf", "WARNING"):
            response = client.post("/api/session/")
        self.assertEnvelope(response, 403, "CSRF_FAILED", "CSRF Failed: CSRF cookie not set.", {})


class DjangoExceptions(EnvelopeTestCase):
    """Django's exceptions say nothing of what the view passed them."""

    def test_http404_uses_not_founds_default_message(self):
        response = self.client.get("/api/raise/http404/")
        self.assertEnvelope(response, 404, "NOT_FOUND", "Not found.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_permission_denied_uses_the_default_message(self):
        response = self.client.get("/api/raise/django-403/")
        self.assertEnvelope(response, 403, "PERMISSION_DENIED",
                            "You do not have permission to perform this action.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_suspicious_operation_is_a_400_and_logged_as_django_does(self):
        with self.assertLogs("django.security.SuspiciousOperation", "ERROR") as logs:
            response = self.client.get("/api/raise/suspicious/")
        self.assertEnvelope(response, 400, "BAD_REQUEST", "The request could not be processed.", {})
        self.assertNotIn("secret", response.content.decode())
        self.assertIn("secret host", logs.output[0])

    def test_request_data_too_big_is_a_400_too_large(self):
        with self.assertLogs("django.security.RequestDataTooBig", "ERROR"):
            response = self.client.get("/api/raise/too-big/")
        self.assertEnvelope(response, 400, "REQUEST_TOO_LARGE", "The request body is too large.", {})


class ParseErrors(EnvelopeTestCase):
    def test_bad_json_says_a_plain_sentence_and_logs_the_detail(self):
        with self.assertLogs("api_errors", "WARNING") as logs:
            response = self.client.post("/api/people/", "{bad json", content_type="application/json")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})
        self.assertNotIn("JSON", response.json()["error"]["message"])
        self.assertIn("JSON parse error", logs.output[0])
        self.assertIn(response["X-Correlation-ID"], logs.output[0])

    def test_a_raised_parse_error_hides_its_detail(self):
        with self.assertLogs("api_errors", "WARNING"):
            response = self.client.get("/api/raise/parse/")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})
        self.assertNotIn("secret", response.content.decode())
