"""A project's FORMATTER shapes every error, whichever path answers it: DRF's handler,
ExceptionMiddleware, the error views, the CSRF failure view, form_error_response and error_response."""
import json
import logging
from contextlib import contextmanager

from django.test import RequestFactory, SimpleTestCase, override_settings

from api_errors import error_response
from api_errors.mapping import mapped_exception

from .helpers import EnvelopeTestCase
from . import shaping
from .shaping import OutOfStock
from .test_forms import ORDER
from .test_handlers import post_json
from .test_shaping import MAP, PROBLEM

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@contextmanager
def quiet():
    """Errors are logged on purpose here; keep them out of the test output."""
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


@override_settings(API_ERRORS=dict(PROBLEM, **MAP))
class ProblemDetailsOnEveryPath(EnvelopeTestCase):
    def assertProblem(self, response, status, code, path):
        self.assertEqual(response.status_code, status, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/problem+json")
        body = response.json()
        self.assertNotIn("error", body)
        self.assertEqual((body["status"], body["code"], body["instance"]), (status, code, path))
        self.assertEqual(body["correlation_id"], response["X-Correlation-ID"])
        self.assertTrue(body["title"] and body["detail"] and body["timestamp"])
        return body

    def test_drf_handler(self):
        self.assertProblem(self.client.get("/api/raise/not-found/"), 404, "NOT_FOUND", "/api/raise/not-found/")
        with self.assertLogs("django.request", "ERROR"):
            self.assertProblem(self.answering.get("/api/raise/payment-down/"), 503, "PAYMENT_DOWN",
                               "/api/raise/payment-down/")

    def test_exception_middleware_for_plain_views(self):
        url = "/api/plain/raise/out-of-stock/"
        self.assertEqual(self.assertProblem(self.client.get(url), 409, "OUT_OF_STOCK", url)["detail"], "Only 2 left.")
        with self.assertLogs("django.request", "ERROR"):
            self.assertProblem(self.answering.get("/api/plain/raise/payment-down/"), 503, "PAYMENT_DOWN",
                               "/api/plain/raise/payment-down/")
        url = "/api/plain/orders/check/"
        body = self.assertProblem(self.client.post(url, {"email": "x", "qty": "1"}), 400, "VALIDATION_ERROR", url)
        self.assertEqual(body["invalid-params"], [{"name": "email", "reason": "Enter a valid email address."}])

    def test_error_views(self):
        self.assertProblem(self.client.get("/api/no/such/"), 404, "NOT_FOUND", "/api/no/such/")
        self.assertProblem(self.client.get("/api/plain/forbidden/"), 403, "PERMISSION_DENIED", "/api/plain/forbidden/")
        with self.assertLogs("django.security.SuspiciousOperation", "ERROR"):
            self.assertProblem(self.client.get("/api/plain/suspicious/"), 400, "BAD_REQUEST", "/api/plain/suspicious/")
        with self.assertLogs("django.request", "ERROR"):
            body = self.assertProblem(self.answering.get("/api/plain/crash/"), 500, "SERVER_ERROR", "/api/plain/crash/")
        self.assertNotIn("secret", str(body))

    @override_settings(DEBUG=True)
    def test_the_json_404_under_debug(self):
        self.assertProblem(self.client.get("/api/no/such/", **XHR), 404, "NOT_FOUND", "/api/no/such/")

    def test_csrf_failure_view(self):
        client = self.client_class(enforce_csrf_checks=True)
        with self.assertLogs("django.security.csrf", "WARNING"):
            self.assertProblem(client.post("/api/plain/csrf/"), 403, "CSRF_FAILED", "/api/plain/csrf/")

    def test_form_error_response_and_ajax_form_mixin(self):
        data = dict(ORDER, email="nope", confirm_email="x@example.com")
        self.assertProblem(self.client.post("/pages/orders/fn/", data), 400, "VALIDATION_ERROR", "/pages/orders/fn/")
        self.assertProblem(self.client.post("/pages/orders/new/", data, **XHR), 400, "VALIDATION_ERROR",
                           "/pages/orders/new/")

    def test_error_response(self):
        response = self.client.get("/api/plain/error-response/")
        self.assertEqual(self.assertProblem(response, 402, "ERROR", "/api/plain/error-response/")["retry_after"], 5)
        self.assertEqual(response["Retry-After"], "5")
        response = post_json(self.client, "/api/people/", {})  # the DRF path, beside it
        self.assertProblem(response, 400, "VALIDATION_ERROR", "/api/people/")


class StatusesHttpDoesNotName(EnvelopeTestCase):
    """nginx's 499, a gateway's 599: a title and a message still, never a crash."""

    @override_settings(API_ERRORS=PROBLEM)
    def test_problem_details_title(self):
        response = error_response(499, "The client went away.", request=RequestFactory().get("/api/x/"))
        self.assertEqual((response.status_code, json.loads(response.content)["title"]), (499, "Client Error"))
        self.assertEqual(json.loads(error_response(599, "Upstream timed out.").content)["title"], "Server Error")

    @override_settings(API_ERRORS={"EXCEPTION_MAP": {"tests.shaping.OutOfStock": {"status": 499}}})
    def test_exception_map_message(self):
        self.assertEqual(str(mapped_exception(OutOfStock()).detail), "Client Error")


@override_settings(API_ERRORS=dict(MAP, FORMATTER="tests.shaping.recording_body"))
class TheFormatterSeesWhatWasRaised(EnvelopeTestCase):
    def test_on_every_path(self):
        cases = [
            ("/api/raise/http404/", "Http404"),             # DRF handler: what the view raised, not DRF's NotFound
            ("/api/raise/out-of-stock/", "OutOfStock"),
            ("/api/raise/suspicious/", "SuspiciousOperation"),
            ("/api/plain/raise/http404/", "Http404"),       # handler404
            ("/api/no/such/", "Resolver404"),
            ("/api/plain/forbidden/", "PermissionDenied"),  # handler403
            ("/api/plain/suspicious/", "SuspiciousOperation"),  # handler400
            ("/api/plain/crash/", "RuntimeError"),          # handler500
            ("/api/plain/raise/out-of-stock/", "OutOfStock"),  # ExceptionMiddleware
            ("/api/plain/raise/django-validation/", "ValidationError"),
            ("/api/plain/error-response/", None),            # error_response: nothing was raised
        ]
        seen = []
        for url, expected in cases:
            shaping.exceptions_seen.clear()
            with quiet():
                self.answering.get(url)
            seen.append((url, shaping.exceptions_seen[:]))
        self.assertEqual(seen, [(url, [expected]) for url, expected in cases])


@override_settings(API_ERRORS=PROBLEM)
class UnderAsgi(SimpleTestCase):
    async def test_error_response_in_a_sync_view_still_gives_the_formatter_its_request(self):
        response = await self.async_client.get("/api/plain/error-response/", headers={"X-Correlation-ID": "asgi-p"})
        body = response.json()
        self.assertEqual((body["instance"], body["correlation_id"]), ("/api/plain/error-response/", "asgi-p"))
