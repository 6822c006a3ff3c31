"""handler400/403/404/500 and csrf_failure: the envelope under API_PREFIX, Django's HTML elsewhere."""
import sys

from django.core.signals import got_request_exception

from .helpers import EnvelopeTestCase


class UnderTheApiPrefix(EnvelopeTestCase):
    def test_a_url_no_route_matches_is_the_404_envelope(self):
        response = self.client.post("/api/no/such/thing/")
        self.assertEnvelope(response, 404, "NOT_FOUND", "Not found.", {})
        self.assertNotIn("api/raise", response.content.decode())  # the tried patterns stay hidden

    def test_a_crash_in_a_plain_django_view_is_the_500_envelope_and_django_reports_it(self):
        seen = []

        def receiver(sender, request, **kwargs):
            seen.append(sys.exc_info()[0])

        got_request_exception.connect(receiver)
        self.addCleanup(got_request_exception.disconnect, receiver)
        with self.assertLogs("django.request", "ERROR") as logs:
            response = self.answering.get("/api/plain/crash/", HTTP_X_CORRELATION_ID="plain-500")
        err = self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
        self.assertEqual(err["correlation_id"], "plain-500")
        self.assertNotIn("secret", response.content.decode())
        self.assertEqual(seen, [RuntimeError])
        self.assertIs(logs.records[0].exc_info[0], RuntimeError)

    def test_suspicious_operation_in_a_plain_view_is_the_400_envelope(self):
        with self.assertLogs("django.security", "ERROR"):
            response = self.client.get("/api/plain/suspicious/")
        self.assertEnvelope(response, 400, "BAD_REQUEST", "The request could not be processed.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_permission_denied_in_a_plain_view_is_the_403_envelope(self):
        response = self.client.get("/api/plain/forbidden/")
        self.assertEnvelope(response, 403, "PERMISSION_DENIED",
                            "You do not have permission to perform this action.", {})
        self.assertNotIn("secret", response.content.decode())

    def test_django_csrf_failure_is_the_403_envelope(self):
        client = self.client_class(enforce_csrf_checks=True)
        with self.assertLogs("django.security.csrf", "WARNING") as logs:
            response = client.post("/api/plain/csrf/", HTTP_ORIGIN="https://evil.example")
        self.assertEnvelope(response, 403, "CSRF_FAILED", "CSRF verification failed. Request aborted.", {})
        self.assertNotIn("evil", response.content.decode())
        reason = logs.records[0].args[0]
        self.assertTrue(reason)
        self.assertNotIn(reason, response.content.decode())

    def test_django_csrf_failure_says_its_reason_only_under_debug(self):
        client = self.client_class(enforce_csrf_checks=True)
        with self.settings(DEBUG=True), self.assertLogs("django.security.csrf", "WARNING"):
            response = client.post("/api/plain/csrf/")
        self.assertEnvelope(response, 403, "CSRF_FAILED", "CSRF Failed: CSRF cookie not set.", {})


class Elsewhere(EnvelopeTestCase):
    def test_404_is_django_html(self):
        response = self.client.get("/no/such/page/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertIn(b"Not Found", response.content)

    def test_500_is_django_html(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/pages/crash/")
        self.assertEqual(response.status_code, 500)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertNotIn(b"secret", response.content)

    def test_csrf_failure_is_djangos_html_page(self):
        response = self.client_class(enforce_csrf_checks=True).post("/pages/csrf/")
        self.assertEqual(response.status_code, 403)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertIn(b"CSRF verification failed", response.content)
