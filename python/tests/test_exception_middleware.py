"""ExceptionMiddleware under ASGI (sync- and async-capable, no thread switch of its own), and on
either side of CorrelationIdMiddleware."""
import threading
from unittest import mock

from asgiref.sync import iscoroutinefunction
from django.http import HttpResponse
from django.test import SimpleTestCase, override_settings

from api_errors.logging import CorrelationIdFilter
from api_errors.views import ExceptionMiddleware

from .helpers import EnvelopeTestCase, records_of
from .shaping import PaymentGatewayDown
from .test_shaping import MAP


class UnderAsgi(SimpleTestCase):
    def test_it_is_sync_and_async_capable_and_marked_a_coroutine_under_asgi(self):
        async def async_view(request):
            return HttpResponse()

        self.assertTrue(ExceptionMiddleware.sync_capable and ExceptionMiddleware.async_capable)
        self.assertTrue(iscoroutinefunction(ExceptionMiddleware(async_view)))
        self.assertFalse(iscoroutinefunction(ExceptionMiddleware(lambda request: HttpResponse())))

    async def test_each_response_passes_it_on_the_event_loop_without_a_thread_switch(self):
        threads = []
        process_response = ExceptionMiddleware.process_response

        def spy(middleware, request, response):
            threads.append(threading.get_ident())
            return process_response(middleware, request, response)

        with mock.patch.object(ExceptionMiddleware, "process_response", spy):
            response = await self.async_client.get("/api/rt/async-ok/")
        self.assertEqual(response.json(), {"ok": True})
        self.assertEqual(threads, [threading.get_ident()])


@override_settings(API_ERRORS=MAP, MIDDLEWARE=["api_errors.views.ExceptionMiddleware",
                                               "api_errors.middleware.CorrelationIdMiddleware"])
class BeforeCorrelationIdMiddleware(EnvelopeTestCase):
    """Django calls process_exception inside every middleware's call, so even listed first (the
    system check warns of it) ExceptionMiddleware answers and reports with the request's id."""

    def test_a_5xx_it_answers_is_logged_with_the_id(self):
        with records_of("django.request", CorrelationIdFilter()) as records:
            response = self.answering.get("/api/plain/raise/payment-down/", HTTP_X_CORRELATION_ID="first-1")
        self.assertEqual(self.assertEnvelope(response, 503, "PAYMENT_DOWN")["correlation_id"], "first-1")
        self.assertEqual([(r.correlation_id, r.exc_info[0]) for r in records], [("first-1", PaymentGatewayDown)])

    @override_settings(DEBUG=True)
    def test_debugs_json_404_has_the_id(self):
        response = self.client.get("/api/no/such/", HTTP_X_REQUESTED_WITH="XMLHttpRequest",
                                   HTTP_X_CORRELATION_ID="first-2")
        self.assertEqual(self.assertEnvelope(response, 404, "NOT_FOUND")["correlation_id"], "first-2")
