"""The demo's endpoints through the installed drf-api-errors handler: each kind of DRF error."""
import json
from unittest import mock

from django.test import SimpleTestCase, override_settings
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

from api_errors.handlers import exception_handler
from api_errors.logging import CorrelationIdFilter

from .helpers import HEX32, EnvelopeTestCase

VALID_SIGNUP = {
    "email": "ada@example.com",
    "password": "correct horse",
    "address": {"street": "1 Main St", "city": "Springfield"},
    "items": [{"sku": "A-1", "qty": 2}],
    "tags": [1, 2],
}


def post_json(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


class ValidationErrors(EnvelopeTestCase):
    def test_nested_list_listfield_bodies_kept_exactly(self):
        data = dict(VALID_SIGNUP, email="not-an-email", address={"street": "x"},
                    items=[{"sku": "A", "qty": 1}, {"sku": "", "qty": 0}], tags=[1, "x"])
        err = self.assertEnvelope(post_json(self.client, "/api/signup", data), 400,
                                  "VALIDATION_ERROR", "Validation failed")
        self.assertEqual(err["errors"], {
            "email": ["Enter a valid email address."],
            "address": {"city": ["This field is required."]},
            # DRF 3.18 keys a list's errors by index (LIST_SERIALIZER_ERRORS_AS_DICT); earlier, a list.
            "items": {"1": {"sku": ["This field may not be blank."],
                            "qty": ["Ensure this value is greater than or equal to 1."]}},
            "tags": {"1": ["A valid integer is required."]},
        })

    def test_missing_everything(self):
        err = self.assertEnvelope(post_json(self.client, "/api/signup", {}), 400, "VALIDATION_ERROR")
        self.assertEqual(set(err["errors"]), {"email", "password", "address", "items"})
        self.assertEqual(err["errors"]["address"], ["This field is required."])

    def test_short_password_and_empty_items(self):
        data = dict(VALID_SIGNUP, password="short", items=[])
        err = self.assertEnvelope(post_json(self.client, "/api/signup", data), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {
            "password": ["Ensure this field has at least 8 characters."],
            "items": {"non_field_errors": ["This list may not be empty."]},
        })

    def test_a_root_lists_errors_as_drf_gives_them(self):
        data = [{"sku": "A", "qty": 1}, {"sku": "", "qty": 1}]
        self.assertEnvelope(post_json(self.client, "/t/root-list", data), 400, "VALIDATION_ERROR",
                            "Validation failed", {"1": {"sku": ["This field may not be blank."]}})

    def test_validation_error_with_text_is_a_root_list(self):
        self.assertEnvelope(self.client.get("/t/validation-text"), 400, "VALIDATION_ERROR",
                            "Validation failed", ["Just text."])

    def test_non_field_errors_kept(self):
        response = post_json(self.client, "/t/non-field", {"old": "same", "new": "same"})
        self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Validation failed",
                            {"non_field_errors": ["The new password must differ from the old one."]})

    def test_signup_taken_email_is_a_non_field_error(self):
        data = dict(VALID_SIGNUP, email="bob@taken.example")
        self.assertEnvelope(post_json(self.client, "/api/signup", data), 400, "VALIDATION_ERROR",
                            errors={"non_field_errors": ["This email is already registered."]})

    def test_signup_password_equal_to_email_name(self):
        data = dict(VALID_SIGNUP, email="longname@example.com", password="longname")
        err = self.assertEnvelope(post_json(self.client, "/api/signup", data), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {
            "non_field_errors": ["The password must not be the same as the email name."]})


class OtherApiExceptions(EnvelopeTestCase):
    def test_401_not_authenticated_keeps_www_authenticate(self):
        response = self.client.get("/api/scenario/401")
        self.assertEnvelope(response, 401, "NOT_AUTHENTICATED",
                            "Authentication credentials were not provided.", {})
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="api"')

    def test_401_authentication_failed(self):
        response = self.client.get("/api/scenario/401", HTTP_AUTHORIZATION="Bearer nope")
        self.assertEnvelope(response, 401, "AUTHENTICATION_FAILED", "Invalid token.", {})
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="api"')

    def test_authentication_failed_without_authenticator_becomes_403(self):
        # DRF's own rule: no authenticate_header → 403, the code stays the exception's.
        response = self.client.get("/t/auth-failed")
        self.assertEnvelope(response, 403, "AUTHENTICATION_FAILED", "Token expired.", {})
        self.assertFalse(response.has_header("WWW-Authenticate"))

    def test_403_permission_denied(self):
        self.assertEnvelope(self.client.get("/api/scenario/403"), 403, "PERMISSION_DENIED",
                            "You do not have permission to view these reports.", {})

    def test_403_django_permission_denied(self):
        response = self.client.get("/t/django-403")
        self.assertEnvelope(response, 403, "PERMISSION_DENIED",
                            "You do not have permission to perform this action.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_404_drf_not_found(self):
        self.assertEnvelope(self.client.get("/api/scenario/404"), 404, "NOT_FOUND",
                            "No order with that number.", {})

    def test_404_django_http404(self):
        response = self.client.get("/t/http404")
        self.assertEnvelope(response, 404, "NOT_FOUND", "Not found.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_404_unknown_api_path(self):
        self.assertEnvelope(self.client.post("/api/no/such/thing"), 404, "NOT_FOUND", "Not found.", {})

    def test_405_method_not_allowed(self):
        self.assertEnvelope(self.client.get("/api/signup"), 405, "METHOD_NOT_ALLOWED",
                            'Method "GET" not allowed.', {})

    def test_415_unsupported_media_type(self):
        response = self.client.post("/api/signup", "email=x", content_type="text/plain")
        self.assertEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE",
                            'Unsupported media type "text/plain" in request.', {})

    def test_400_parse_error_from_bad_json_is_a_plain_sentence(self):
        with self.assertLogs("api_errors", "WARNING") as logs:
            response = self.client.post("/api/signup", "{bad json", content_type="application/json")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})
        self.assertIn("JSON parse error", logs.output[0])

    def test_parse_error_default_message(self):
        with self.assertLogs("api_errors", "WARNING"):
            response = self.client.get("/t/parse")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})

    def test_406_not_acceptable(self):
        response = self.client.get("/t/accept", HTTP_ACCEPT="application/xml")
        self.assertEnvelope(response, 406, "NOT_ACCEPTABLE",
                            "Could not satisfy the request Accept header.", {})

    def test_429_throttled_keeps_retry_after(self):
        response = self.client.get("/api/scenario/429")
        err = self.assertEnvelope(response, 429, "THROTTLED",
                                  "Request was throttled. Expected available in 30 seconds.", {},
                                  extra={"retry_after"})
        self.assertEqual((response["Retry-After"], err["retry_after"]), ("30", 30))

    def test_custom_subclass_uses_its_default_code(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/t/maintenance")
        self.assertEnvelope(response, 503, "MAINTENANCE",
                            "Down for maintenance.", {})

    def test_code_given_at_raise_time_wins(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/t/custom-code")
        self.assertEnvelope(response, 500, "QUOTA_EXCEEDED",
                            "Quota exceeded.", {})

    def test_api_exception_with_dict_detail(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/t/dict-detail")
        self.assertEnvelope(response, 500, "ERROR",
                            "A server error occurred.", {"field": ["bad"]})


class UnhandledExceptions(EnvelopeTestCase):
    def test_500_envelope_hides_the_exception_and_logs_it(self):
        with self.assertLogs("django.request", "ERROR") as logs:
            response = self.answering.get("/api/scenario/500", HTTP_X_CORRELATION_ID="req-500")
        err = self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
        self.assertNotIn("secret internals", response.content.decode())
        self.assertEqual(err["correlation_id"], "req-500")
        self.assertEqual(len(logs.records), 1)
        record = logs.records[0]
        CorrelationIdFilter().filter(record)
        self.assertEqual(record.correlation_id, "req-500")
        self.assertIs(record.exc_info[0], RuntimeError)
        self.assertIn("secret internals", logs.output[0])

    def test_500_for_other_exception_types(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/t/key-error")
        self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
        self.assertNotIn("password_hash", response.content.decode())

    def test_500_honours_set_rollback(self):
        with mock.patch("rest_framework.views.set_rollback") as rollback, self.assertLogs("django.request", "ERROR"):
            self.answering.get("/api/scenario/500")
        rollback.assert_called_once_with()

    def test_api_exceptions_roll_back_too(self):
        with mock.patch("rest_framework.views.set_rollback") as rollback:
            self.client.get("/api/scenario/403")
        rollback.assert_called_once_with()


class HandlerCalledDirectly(EnvelopeTestCase):
    """What a team's own code or tests may do: call the handler by hand."""

    def test_without_request_in_context(self):
        response = exception_handler(exceptions.NotFound(), {})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.data["error"]["code"], "NOT_FOUND")
        self.assertRegex(response.data["error"]["correlation_id"], HEX32)
        self.assertEqual(response["X-Correlation-ID"], response.data["error"]["correlation_id"])

    def test_uses_the_request_correlation_id(self):
        request = APIRequestFactory().get("/x")
        request.correlation_id = "abc-123"
        with self.assertLogs("django.request", "ERROR"):
            response = exception_handler(ValueError("boom"), {"request": request})
        self.assertEqual(response.status_code, 500)
        self.assertEqual(response.data["error"]["correlation_id"], "abc-123")
        self.assertNotIn("boom", json.dumps(response.data))


@override_settings(MIDDLEWARE=[])
class WithoutTheMiddleware(EnvelopeTestCase):
    def test_handler_uses_a_safe_client_id_and_sets_the_header(self):
        response = self.client.get("/api/scenario/404", HTTP_X_CORRELATION_ID="client-id")
        err = self.assertEnvelope(response, 404, "NOT_FOUND")
        self.assertEqual(err["correlation_id"], "client-id")
        self.assertEqual(response["X-Correlation-ID"], "client-id")

    def test_handler_replaces_a_hostile_client_id_with_a_fresh_one(self):
        response = self.client.get("/api/scenario/404", HTTP_X_CORRELATION_ID="<b>x</b>")
        err = self.assertEnvelope(response, 404, "NOT_FOUND")
        self.assertRegex(err["correlation_id"], HEX32)

    def test_500_without_middleware(self):
        with self.assertLogs("django.request", "ERROR") as logs:
            response = self.answering.get("/api/scenario/500")
        err = self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.")
        [record] = logs.records
        CorrelationIdFilter().filter(record)  # the filter of the demo's handlers
        self.assertEqual(record.correlation_id, err["correlation_id"])


class HandlerWithoutMiddlewareTests(SimpleTestCase):
    """A view called straight through APIRequestFactory never passes the middleware."""

    def test_a_safe_request_header_is_used_as_the_correlation_id(self):
        from rest_framework.exceptions import NotFound
        from rest_framework.test import APIRequestFactory
        from rest_framework.views import APIView

        class Missing(APIView):
            authentication_classes = []
            permission_classes = []

            def get(self, request):
                raise NotFound()

        factory = APIRequestFactory()
        with self.settings(REST_FRAMEWORK={"EXCEPTION_HANDLER": "api_errors.handlers.exception_handler"}):
            response = Missing.as_view()(factory.get("/x", HTTP_X_CORRELATION_ID="abc-123"))
            hostile = Missing.as_view()(factory.get("/x", HTTP_X_CORRELATION_ID="<script>"))
        self.assertEqual(response.data["error"]["correlation_id"], "abc-123")
        self.assertEqual(response["X-Correlation-ID"], "abc-123")
        self.assertRegex(hostile.data["error"]["correlation_id"], r"^[0-9a-f]{32}$")
