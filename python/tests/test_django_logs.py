"""Django's own log records carry the id: django.request (also under ASGI), django.server, ADMINS mail."""
import http.client
import logging
import threading

from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.test import SimpleTestCase, override_settings
from django.utils.log import AdminEmailHandler

from api_errors.logging import CorrelationIdFilter

from .helpers import EnvelopeTestCase, records_of

FORMAT = "%(levelname)s [%(correlation_id)s] %(name)s: %(message)s"


def ids_and_messages(records):
    return [(record.correlation_id, record.getMessage()) for record in records]


@override_settings(ADMINS=[("Ops", "ops@example.com")])
class AdminsMail(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        handler = AdminEmailHandler()
        handler.addFilter(CorrelationIdFilter())
        handler.setFormatter(logging.Formatter(FORMAT))
        logger = logging.getLogger("django.request")
        logger.addHandler(handler)
        self.addCleanup(logger.removeHandler, handler)

    def test_a_drf_500_mails_once_with_the_traceback_and_the_id(self):
        self.answering.get("/api/raise/crash/", HTTP_X_CORRELATION_ID="mail-1")
        [message] = mail.outbox
        self.assertIn("Internal Server Error: /api/raise/crash/", message.subject)
        self.assertTrue(message.body.startswith(
            "ERROR [mail-1] django.request: Internal Server Error: /api/raise/crash/"), message.body[:200])
        self.assertIn("Traceback (most recent call last):\n  File", message.body)
        self.assertIn("Exception Type: RuntimeError at /api/raise/crash/\nException Value: secret internals",
                      message.body)
        self.assertNotIn("Traceback (most recent call last): None", message.body)

    def test_a_plain_django_500_mails_with_the_id_too(self):
        self.answering.get("/api/plain/crash/", HTTP_X_CORRELATION_ID="mail-2")
        [message] = mail.outbox
        self.assertIn("[mail-2] django.request: Internal Server Error: /api/plain/crash/", message.body)
        self.assertIn("Traceback (most recent call last):\n  File", message.body)


class SyncOnlyMiddleware:
    """A third-party middleware that cannot run async: Django runs what follows it in a thread."""

    sync_capable, async_capable = True, False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)


class UnderAsgi(SimpleTestCase):
    @override_settings(MIDDLEWARE=["tests.test_django_logs.SyncOnlyMiddleware",
                                   "api_errors.middleware.CorrelationIdMiddleware"])
    async def test_also_when_a_sync_only_middleware_comes_first(self):
        with records_of("django.request", CorrelationIdFilter()) as records:
            response = await self.async_client.get("/api/nowhere/", headers={"X-Correlation-ID": "asgi-sync"})
        self.assertEqual(response["X-Correlation-ID"], "asgi-sync")
        self.assertEqual(ids_and_messages(records), [("asgi-sync", "Not Found: /api/nowhere/")])

    async def test_django_request_records_carry_the_id_under_asgi(self):
        with records_of("django.request", CorrelationIdFilter()) as records:
            await self.async_client.get("/api/nowhere/", headers={"X-Correlation-ID": "asgi-404"})
            await self.async_client.get("/api/rt/invalid/", headers={"X-Correlation-ID": "asgi-400"})
        self.assertEqual(ids_and_messages(records), [
            ("asgi-404", "Not Found: /api/nowhere/"), ("asgi-400", "Bad Request: /api/rt/invalid/"),
        ])


class DevelopmentServer(SimpleTestCase):
    """``runserver``'s own server and request handler, on a free port."""

    def test_the_access_line_on_django_server_carries_the_id(self):
        server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler, allow_reuse_address=False)
        server.set_app(WSGIHandler())
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        with records_of("django.server", CorrelationIdFilter()) as records:
            for cid, path in (("dev-1", "/api/rt/ok/"), ("dev-2", "/api/nowhere/")):
                connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
                connection.request("GET", path, headers={"X-Correlation-ID": cid, "Host": "testserver"})
                connection.getresponse().read()
                connection.close()
        self.assertEqual([(r.correlation_id, r.args[0].split()[1]) for r in records],
                         [("dev-1", "/api/rt/ok/"), ("dev-2", "/api/nowhere/")])
