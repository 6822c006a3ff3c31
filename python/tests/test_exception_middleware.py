"""ExceptionMiddleware under ASGI: sync- and async-capable, and no thread switch of its own."""
import threading
from unittest import mock

from asgiref.sync import iscoroutinefunction
from django.http import HttpResponse
from django.test import SimpleTestCase

from api_errors.views import ExceptionMiddleware


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
