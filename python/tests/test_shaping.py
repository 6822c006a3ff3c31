"""Shaping: the default envelope unchanged, FORMATTER (RFC 9457 problem details the browser plugin
reads, a plain function), EXCEPTION_MAP and SHOULD_NOT_HANDLE."""
import json
import os
import sys
from pathlib import Path

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.test import override_settings

from .helpers import EnvelopeTestCase
from .test_forms import ORDER, lines
from .test_handlers import PERSON, post_json

PROBLEM = {"FORMATTER": "api_errors.formatters.ProblemDetailsFormatter"}
# The browser plugin's test reads these bodies (test/problem-from-django.test.ts); present in a
# clone, absent where the tests run from a copy beside the installed wheel.
FIXTURE = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "django-problem-details.json"
TIMESTAMP = "2026-11-24T12:00:00+00:00"


class DefaultEnvelope(EnvelopeTestCase):
    def assertExactly(self, response, message, code, status, errors):
        err = response.json()["error"]
        expected = {"error": {"message": message, "code": code, "status": status, "errors": errors,
                              "timestamp": err["timestamp"], "correlation_id": "same-1"}}
        self.assertEqual(response.content, json.dumps(expected, separators=(",", ":")).encode())
        self.assertEqual(response["Content-Type"], "application/json")

    def test_byte_for_byte_from_drf_and_from_a_plain_view(self):
        response = post_json(self.client, "/api/people/", dict(PERSON, email="nope"), HTTP_X_CORRELATION_ID="same-1")
        self.assertExactly(response, "Validation failed", "VALIDATION_ERROR", 400,
                           {"email": ["Enter a valid email address."]})
        response = self.client.get("/api/no/such/", HTTP_X_CORRELATION_ID="same-1")
        self.assertExactly(response, "Not found.", "NOT_FOUND", 404, {})


@override_settings(API_ERRORS=PROBLEM)
class ProblemDetails(EnvelopeTestCase):
    def problem(self, response, status):
        self.assertEqual(response.status_code, status, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/problem+json")
        body = response.json()
        self.assertEqual(body["correlation_id"], response["X-Correlation-ID"])
        return body

    def test_problem_details_from_drf_and_plain_django(self):
        cache.clear()
        cases = [
            ("drf_validation", post_json(self.client, "/api/people/", dict(PERSON, name="taken", email="nope",
                                                                             address={}), HTTP_X_CORRELATION_ID="problem-1")),
            ("drf_not_found", self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="problem-2")),
            ("drf_throttled", self.client.get("/api/raise/throttled/", HTTP_X_CORRELATION_ID="problem-3")),
            ("django_form", self.client.post("/pages/orders/fn/", dict(ORDER, email="nope", confirm_email="x@example.com"),
                                             HTTP_X_CORRELATION_ID="problem-4")),
            ("django_form_errors", self.client.post("/pages/orders/fn/", dict(ORDER, confirm_email="bob@example.com"),
                                                    HTTP_X_CORRELATION_ID="problem-7")),
            ("drf_non_field", post_json(self.client, "/api/people/", dict(PERSON, name="taken"),
                                        HTTP_X_CORRELATION_ID="problem-8")),
            ("django_formset", self.client.post("/pages/lines/", lines({"sku": "", "qty": "1"}),
                                                HTTP_X_REQUESTED_WITH="XMLHttpRequest", HTTP_X_CORRELATION_ID="problem-5")),
            ("django_not_found", self.client.get("/api/no/such/", HTTP_X_CORRELATION_ID="problem-6")),
        ]
        captured = []
        for name, response in cases:
            body = self.problem(response, response.status_code)
            captured.append({"name": name, "status": response.status_code, "content_type": response["Content-Type"],
                             "headers": {"X-Correlation-ID": response["X-Correlation-ID"]},
                             "body": dict(body, timestamp=TIMESTAMP)})
        bodies = {case["name"]: case["body"] for case in captured}
        self.assertEqual(bodies["drf_validation"], {
            "type": "about:blank", "title": "Bad Request", "status": 400, "detail": "Validation failed",
            "instance": "/api/people/",
            "invalid-params": [{"name": "email", "reason": "Enter a valid email address."},
                               {"name": "address.city", "reason": "This field is required."}],
            "code": "VALIDATION_ERROR", "correlation_id": "problem-1", "timestamp": TIMESTAMP,
        })
        self.assertEqual(bodies["drf_throttled"]["retry_after"], 30)
        self.assertEqual(bodies["django_form"]["invalid-params"], [
            {"name": "email", "reason": "Enter a valid email address."}])
        self.assertEqual(bodies["django_formset"]["invalid-params"], [
            {"name": "form-0-sku", "reason": "This field is required."}])
        self.assertEqual((bodies["django_not_found"]["title"], bodies["django_not_found"]["detail"]),
                         ("Not Found", "Not found."))
        self.check_fixture(captured)

    def check_fixture(self, captured):
        document = {"about": "Written by python/tests/test_shaping.py (UPDATE_FIXTURES=1 rewrites it): "
                             "RFC 9457 bodies from ProblemDetailsFormatter.", "cases": captured}
        if not FIXTURE.parent.is_dir():
            return
        if os.environ.get("UPDATE_FIXTURES"):
            FIXTURE.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        self.assertEqual(json.loads(FIXTURE.read_text(encoding="utf-8")), document)

    def test_form_errors_have_no_name_and_a_crash_hides_its_text(self):
        body = self.problem(post_json(self.client, "/api/people/", dict(PERSON, name="taken")), 400)
        self.assertEqual(body["invalid-params"], [{"reason": "This name is already registered."}])
        with self.assertLogs("django.request", "ERROR"):
            body = self.problem(self.answering.get("/api/raise/crash/"), 500)
        self.assertEqual((body["title"], body["detail"], body["code"]),
                         ("Internal Server Error", "A server error occurred.", "SERVER_ERROR"))
        self.assertNotIn("secret", json.dumps(body))


    def test_the_browsable_api_still_says_html(self):
        response = self.client.get("/api/raise/not-found/", HTTP_ACCEPT="text/html")
        self.assertEqual((response.status_code, response["Content-Type"]), (404, "text/html; charset=utf-8"))


class FunctionFormatter(EnvelopeTestCase):
    @override_settings(API_ERRORS={"FORMATTER": "tests.shaping.flat_body"})
    def test_a_plain_function_shapes_every_error(self):
        for response in (self.client.get("/api/raise/not-found/"), self.client.get("/api/no/such/")):
            self.assertEqual(response.json(), {"ok": False, "status": 404, "reason": "NOT_FOUND",
                                               "text": response.json()["text"]})
            self.assertEqual(response["Content-Type"], "application/json")


MAP = {"EXCEPTION_MAP": {
    "tests.shaping.OutOfStock": {"status": 409},
    "tests.shaping.PaymentGatewayDown": (503, "PAYMENT_DOWN"),
}}


@override_settings(API_ERRORS=MAP)
class ExceptionMap(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        self.seen = []

        def receiver(sender, request, **kwargs):
            self.seen.append(sys.exc_info()[0].__name__)

        got_request_exception.connect(receiver)
        self.addCleanup(got_request_exception.disconnect, receiver)

    def test_a_4xx_says_the_exceptions_text_with_a_code_from_its_name(self):
        for url in ("/api/raise/out-of-stock/", "/api/plain/raise/out-of-stock/"):
            with self.subTest(url=url):
                self.assertEnvelope(self.answering.get(url), 409, "OUT_OF_STOCK", "Only 2 left.", {})
        self.assertEqual(self.seen, [])

    def test_a_5xx_hides_its_text_and_is_reported(self):
        for url in ("/api/raise/payment-down/", "/api/plain/raise/payment-down/"):
            with self.subTest(url=url), self.assertLogs("django.request", "ERROR") as logs:
                response = self.answering.get(url)
                self.assertEnvelope(response, 503, "PAYMENT_DOWN", "A server error occurred.", {})
                self.assertNotIn("secret", response.content.decode())
                self.assertIs(logs.records[0].exc_info[0].__name__, "PaymentGatewayDown")
        self.assertEqual(self.seen, ["PaymentGatewayDown", "PaymentGatewayDown"])


@override_settings(API_ERRORS={"SHOULD_NOT_HANDLE": "tests.shaping.leave_legacy_alone"})
class ShouldNotHandle(EnvelopeTestCase):
    def test_a_drf_exception_it_names_keeps_drfs_own_body(self):
        response = self.client.get("/api/raise/legacy-not-found/")
        self.assertEqual((response.status_code, response.json()), (404, {"detail": "No such legacy order."}))

    def test_a_plain_views_crash_it_names_is_djangos_html_500(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/legacy/crash/")
        self.assertEqual(response.status_code, 500)
        self.assertTrue(response["Content-Type"].startswith("text/html"))

    def test_everything_else_is_still_the_envelope(self):
        self.assertEnvelope(self.client.get("/api/raise/not-found/"), 404, "NOT_FOUND")
