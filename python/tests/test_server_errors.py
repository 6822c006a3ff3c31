"""exception_handler for crashes and 5xx: hidden text, logs, got_request_exception, DEBUG, direct calls."""
import json
import sys
from unittest import mock

from django.core.signals import got_request_exception
from django.test import override_settings
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

from api_errors.handlers import exception_handler

from api_errors.logging import CorrelationIdFilter

from .helpers import HEX32, EnvelopeTestCase, records_of
from .views import Maintenance


class ServerErrors(EnvelopeTestCase):
    def test_crash_is_a_500_without_its_text_and_logged_once_with_its_traceback(self):
        with records_of("django.request", CorrelationIdFilter()) as records:
            with records_of("api_errors") as own:
                response = self.answering.get("/api/raise/crash/", HTTP_X_CORRELATION_ID="req-500")
        err = self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
        self.assertNotIn("secret", response.content.decode())
        self.assertEqual(err["correlation_id"], "req-500")
        [record] = records
        self.assertEqual(record.getMessage(), "Internal Server Error: /api/raise/crash/")
        self.assertEqual((record.levelname, record.status_code, record.correlation_id), ("ERROR", 500, "req-500"))
        self.assertIs(record.exc_info[0], RuntimeError)
        self.assertEqual(str(record.exc_info[1]), "secret internals")
        self.assertEqual(own, [])

    def test_every_5xx_response_is_logged_once_by_django_request_with_the_exception(self):
        for url, status, phrase, exc in (("/api/raise/crash/", 500, "Internal Server Error", RuntimeError),
                                         ("/api/raise/maintenance/", 503, "Service Unavailable", Maintenance)):
            with self.subTest(url=url), records_of("django.request") as records:
                self.assertEqual(self.answering.get(url).status_code, status)
            self.assertEqual([(r.getMessage(), r.status_code, r.exc_info[0]) for r in records],
                             [("%s: %s" % (phrase, url), status, exc)])

    def test_other_exception_types_and_a_recursion_outside_a_parser(self):
        for name in ("key-error", "recursion"):
            with self.subTest(name=name), self.assertLogs("django.request", "ERROR"):
                response = self.answering.get("/api/raise/%s/" % name)
                self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
                self.assertNotIn("secret", response.content.decode())
                self.assertNotIn("password_hash", response.content.decode())

    def test_got_request_exception_is_sent_for_every_5xx_with_the_exception_active(self):
        seen = []

        def receiver(sender, request, **kwargs):
            seen.append((request.path, sys.exc_info()[0]))

        got_request_exception.connect(receiver)
        self.addCleanup(got_request_exception.disconnect, receiver)
        with self.assertLogs("django.request", "ERROR"):
            self.answering.get("/api/raise/crash/")
            self.answering.get("/api/raise/maintenance/")
        self.client.get("/api/raise/not-found/")
        self.assertEqual(seen, [("/api/raise/crash/", RuntimeError), ("/api/raise/maintenance/", Maintenance)])

    def test_500_rolls_back_like_drf(self):
        with mock.patch("rest_framework.views.set_rollback") as rollback, self.assertLogs("django.request", "ERROR"):
            self.answering.get("/api/raise/crash/")
        rollback.assert_called_once_with()

    @override_settings(DEBUG=True)
    def test_debug_reraises_so_django_shows_its_debug_page(self):
        with self.assertRaisesMessage(RuntimeError, "secret internals"):
            self.client.get("/api/raise/crash/")

    @override_settings(DEBUG=True)
    def test_debug_still_answers_api_exceptions_with_the_envelope(self):
        self.assertEnvelope(self.client.get("/api/raise/not-found/"), 404, "NOT_FOUND")

    @override_settings(DEBUG=True, API_ERRORS={"RERAISE_IN_DEBUG": False})
    def test_debug_with_reraise_off_answers_the_envelope(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/raise/crash/")
        self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})


class CalledDirectly(EnvelopeTestCase):
    """A team's own code or tests may call the handler by hand."""

    def test_without_a_request(self):
        response = exception_handler(exceptions.NotFound(), {})
        self.assertEqual((response.status_code, response.data["error"]["code"]), (404, "NOT_FOUND"))
        self.assertRegex(response.data["error"]["correlation_id"], HEX32)
        self.assertEqual(response["X-Correlation-ID"], response.data["error"]["correlation_id"])

    def test_uses_the_requests_correlation_id(self):
        request = APIRequestFactory().get("/x")
        request.correlation_id = "abc-123"
        with self.assertLogs("django.request", "ERROR"):
            response = exception_handler(ValueError("boom"), {"request": request})
        self.assertEqual(response.status_code, 500)
        self.assertEqual(response.data["error"]["correlation_id"], "abc-123")
        self.assertNotIn("boom", json.dumps(response.data))

    @override_settings(MIDDLEWARE=[])
    def test_without_the_middleware_a_safe_header_is_used_and_a_hostile_one_replaced(self):
        response = self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="client-id")
        self.assertEqual(self.assertEnvelope(response, 404, "NOT_FOUND")["correlation_id"], "client-id")
        response = self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="<b>x</b>")
        self.assertRegex(self.assertEnvelope(response, 404, "NOT_FOUND")["correlation_id"], HEX32)
