"""CorrelationIdMiddleware and get_correlation_id: safe ids kept, anything else replaced."""
import uuid

from django.http import HttpResponse
from django.core.signals import request_finished
from django.test import RequestFactory, SimpleTestCase, override_settings

from api_errors import get_correlation_id
from api_errors.correlation import end
from api_errors.middleware import CorrelationIdMiddleware, current_correlation_id

from .helpers import HEX32, EnvelopeTestCase

HOSTILE = [
    "<script>alert(1)</script>", '"><svg onload=alert(1)>', "x" * 65, "y" * 10_000, "a b",
    "abc\u00e9", "\u65e5\u672c", "id;drop", "", "abc\r\nSet-Cookie: x=1",
]


class OverHttp(EnvelopeTestCase):
    def test_absent_header_gets_a_fresh_id_in_body_and_header(self):
        err = self.assertEnvelope(self.client.get("/api/raise/permission/"), 403, "PERMISSION_DENIED")
        self.assertRegex(err["correlation_id"], HEX32)

    def test_fresh_ids_differ(self):
        first = self.client.get("/api/raise/not-found/")["X-Correlation-ID"]
        self.assertNotEqual(first, self.client.get("/api/raise/not-found/")["X-Correlation-ID"])

    def test_safe_ids_are_kept(self):
        for cid in (str(uuid.uuid4()), "a", "req_1.2-3", "x" * 64):
            with self.subTest(cid=cid):
                response = self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID=cid)
                self.assertEqual(self.assertEnvelope(response, 404, "NOT_FOUND")["correlation_id"], cid)

    @override_settings(API_ERRORS={"LOG_REQUESTS": True})
    def test_hostile_and_oversized_ids_are_replaced_and_never_echoed_or_logged(self):
        for cid in HOSTILE:
            with self.subTest(cid=cid[:20]):
                with self.assertLogs("api_errors", "INFO") as logs:
                    response = self.client.get("/api/raise/permission/", HTTP_X_CORRELATION_ID=cid)
                err = self.assertEnvelope(response, 403, "PERMISSION_DENIED")
                self.assertRegex(err["correlation_id"], HEX32)
                if cid:
                    self.assertNotIn(cid, response.content.decode())
                    self.assertNotIn(cid, "\n".join(logs.output))

    def test_header_on_success_and_on_plain_django_responses(self):
        for url in ("/api/session/", "/api/plain/error-response/", "/nowhere/"):
            response = self.client.get(url, HTTP_X_CORRELATION_ID="trace-7")
            self.assertEqual(response["X-Correlation-ID"], "trace-7", url)


@override_settings(API_ERRORS={"LOG_REQUESTS": True})
class Unit(SimpleTestCase):
    databases = {"default"}  # request_finished closes old database connections

    def setUp(self):
        self.seen = []

        def view(request):
            self.seen.append((request.correlation_id, current_correlation_id()))
            return HttpResponse("ok")

        self.middleware = CorrelationIdMiddleware(view)
        self.factory = RequestFactory()
        # Called without a server, nothing sends request_finished: forget the id after the test.
        self.addCleanup(end)

    def test_sets_the_request_attribute_the_current_id_the_header_and_logs(self):
        request = self.factory.get("/some/path", HTTP_X_CORRELATION_ID="abc-1")
        with self.assertLogs("api_errors", "INFO") as logs:
            response = self.middleware(request)
        self.assertEqual(self.seen, [("abc-1", "abc-1")])
        self.assertEqual(response["X-Correlation-ID"], "abc-1")
        self.assertEqual(get_correlation_id(request), "abc-1")
        self.assertIn("GET /some/path correlation_id=abc-1", logs.output[0])
        # Current until Django has finished with the request: it logs after the middleware.
        self.assertEqual(current_correlation_id(), "abc-1")
        request_finished.send(sender=None)
        self.assertIsNone(current_correlation_id())

    def test_a_newline_in_the_path_is_escaped_in_the_log(self):
        request = self.factory.get("/p%0aFAKE", HTTP_X_CORRELATION_ID="abc\nInjected: 1")
        with self.assertLogs("api_errors", "INFO") as logs:
            response = self.middleware(request)
        self.assertRegex(response["X-Correlation-ID"], HEX32)
        self.assertNotIn("\n", logs.records[0].getMessage())
        self.assertNotIn("Injected", logs.output[0])

    def test_get_correlation_id_without_the_middleware_is_stable(self):
        request = self.factory.get("/")
        first = get_correlation_id(request)
        self.assertRegex(first, HEX32)
        self.assertEqual(get_correlation_id(request), first)
        self.assertRegex(get_correlation_id(None), HEX32)
