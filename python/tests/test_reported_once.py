"""Every server error, whichever path answers it, is reported once: one ``django.request`` record
with the exception (so its traceback) and the correlation id, and one ``got_request_exception``."""
import sys
from contextlib import contextmanager

from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from django.core.signals import got_request_exception
from django.test import SimpleTestCase, override_settings

from api_errors.logging import CorrelationIdFilter

from .helpers import EnvelopeTestCase, records_of
from .shaping import PaymentGatewayDown
from .test_handlers import post_json
from .test_shaping import MAP
from .views import Maintenance

# (how it is answered, the URL, its status, the exception)
SERVER_ERRORS = [
    ("DRF handler: a crash", "/api/raise/crash/", 500, RuntimeError),
    ("DRF handler: a 5xx APIException", "/api/raise/maintenance/", 503, Maintenance),
    ("DRF handler: an EXCEPTION_MAP 5xx", "/api/raise/payment-down/", 503, PaymentGatewayDown),
    ("ExceptionMiddleware: an EXCEPTION_MAP 5xx", "/api/plain/raise/payment-down/", 503, PaymentGatewayDown),
    ("handler500: a plain view's crash", "/api/plain/crash/", 500, RuntimeError),
]


@contextmanager
def reports():
    """(django.request records, got_request_exception calls as (path, active exception type))."""
    signals = []

    def receiver(sender, request, **kwargs):
        signals.append((request.path, sys.exc_info()[0]))

    got_request_exception.connect(receiver)
    try:
        with records_of("django.request", CorrelationIdFilter()) as records, records_of("api_errors") as own:
            yield records, signals, own
    finally:
        got_request_exception.disconnect(receiver)


class ReportedOnce:
    def assertReportedOnce(self, response, records, signals, own, url, status, exc):
        self.assertEqual(response.status_code, status)
        self.assertEqual(signals, [(url, exc)])
        [record] = records
        self.assertEqual((record.levelname, record.status_code, record.exc_info[0]), ("ERROR", status, exc))
        self.assertTrue(record.getMessage().endswith(": " + url), record.getMessage())
        self.assertEqual(record.correlation_id, response["X-Correlation-ID"])
        self.assertEqual(own, [])


@override_settings(API_ERRORS=MAP)
class UnderWsgi(ReportedOnce, EnvelopeTestCase):
    def test_every_server_error_path(self):
        for name, url, status, exc in SERVER_ERRORS:
            with self.subTest(name), reports() as (records, signals, own):
                response = self.answering.get(url, HTTP_X_CORRELATION_ID="once-1")
            self.assertReportedOnce(response, records, signals, own, url, status, exc)
            self.assertEqual(response["X-Correlation-ID"], "once-1")

    @override_settings(DEBUG=True)
    def test_under_debug_too_where_django_shows_its_debug_page_for_a_crash(self):
        for name, url, status, exc in SERVER_ERRORS:
            with self.subTest(name), reports() as (records, signals, own):
                response = self.answering.get(url, HTTP_X_CORRELATION_ID="once-3")
            self.assertReportedOnce(response, records, signals, own, url, status, exc)

    def test_a_bug_in_a_parser(self):
        with reports() as (records, signals, own):
            response = post_json(self.answering, "/api/signed/", {"name": "Ada"})
        self.assertReportedOnce(response, records, signals, own, "/api/signed/", 500, KeyError)


@override_settings(API_ERRORS=MAP)
class UnderAsgi(ReportedOnce, SimpleTestCase):
    async def test_every_server_error_path(self):
        client = self.async_client_class(raise_request_exception=False)
        for name, url, status, exc in SERVER_ERRORS:
            with self.subTest(name), reports() as (records, signals, own):
                response = await client.get(url, headers={"X-Correlation-ID": "once-2"})
            self.assertReportedOnce(response, records, signals, own, url, status, exc)
            self.assertEqual(response["X-Correlation-ID"], "once-2")


class ClientErrorsAreNotServerErrors(EnvelopeTestCase):
    def test_a_csrf_failure_is_logged_once_on_django_security_csrf_and_reports_no_exception(self):
        User.objects.create_user("demo", password="demo")
        client = self.client_class(enforce_csrf_checks=True)
        client.login(username="demo", password="demo")
        for url in ("/api/session/", "/api/plain/csrf/"):
            with self.subTest(url), reports() as (records, signals, own), \
                    records_of("django.security.csrf") as csrf:
                response = client.post(url)
            self.assertEqual((response.status_code, response.json()["error"]["code"]), (403, "CSRF_FAILED"))
            self.assertEqual([record.levelname for record in csrf], ["WARNING"])
            self.assertTrue(csrf[0].getMessage().startswith("Forbidden (CSRF"), csrf[0].getMessage())
            self.assertEqual((records, signals, own), ([], [], []))

    def test_a_suspicious_operation_is_logged_once_alike_in_drf_and_plain_views(self):
        seen = []
        for url in ("/api/raise/suspicious/", "/api/plain/suspicious/"):
            with reports() as (records, signals, own), \
                    records_of("django.security", CorrelationIdFilter()) as security:
                response = self.client.get(url, HTTP_X_CORRELATION_ID="sus-1")
            self.assertEqual((response.status_code, response.json()["error"]["code"]), (400, "BAD_REQUEST"))
            self.assertEqual((records, signals, own), ([], [], []))  # not again on django.request
            seen.append([(r.name, r.levelname, r.getMessage(), r.exc_info and r.exc_info[0], r.status_code,
                          r.request.path, r.correlation_id) for r in security])
        self.assertEqual(seen[0], [("django.security.SuspiciousOperation", "ERROR", "secret host evil.example",
                                    SuspiciousOperation, 400, "/api/raise/suspicious/", "sus-1")])
        self.assertEqual(seen[1], [("django.security.SuspiciousOperation", "ERROR", "secret",
                                    SuspiciousOperation, 400, "/api/plain/suspicious/", "sus-1")])

    def test_a_csrf_failed_a_view_raises_itself_is_answered_and_logged_once(self):
        with reports() as (records, signals, own), records_of("django.security.csrf") as csrf:
            response = self.client.get("/api/raise/csrf-failed-by-hand/")
        self.assertEqual((response.status_code, response.json()["error"]["code"]), (403, "CSRF_FAILED"))
        self.assertEqual(([r.getMessage() for r in records], csrf, signals, own),
                         (["Forbidden: /api/raise/csrf-failed-by-hand/"], [], [], []))
