"""The correlation id's settings (trust, validate, generate, expose) and the async middleware."""
import asyncio
import itertools
import threading
import uuid
from unittest import mock, skipUnless

from asgiref.sync import iscoroutinefunction
from django.http import HttpResponse
from django.test import SimpleTestCase, override_settings

from api_errors.middleware import CorrelationIdMiddleware, expose_header

from .helpers import HEX32, EnvelopeTestCase

try:
    import corsheaders  # noqa: F401
    HAS_CORS = True
except ImportError:
    HAS_CORS = False

_numbers = itertools.count(1)


def uuid_only(value):
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def numbered(request):
    return "req-%d" % next(_numbers)


def body_id(response):
    return response.json()["error"]["correlation_id"]


class IdSettings(EnvelopeTestCase):
    @override_settings(API_ERRORS={"TRUST_REQUEST_HEADER": False})
    def test_an_untrusted_header_is_never_used(self):
        response = self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="client-1")
        self.assertRegex(body_id(response), HEX32)
        self.assertRegex(response["X-Correlation-ID"], HEX32)

    @override_settings(API_ERRORS={"VALIDATE_ID": "tests.test_correlation.uuid_only"})
    def test_validate_id_decides_which_client_ids_are_kept(self):
        given = str(uuid.uuid4())
        self.assertEqual(body_id(self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID=given)), given)
        self.assertRegex(body_id(self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="abc")), HEX32)

    @override_settings(API_ERRORS={"GENERATE_ID": "tests.test_correlation.numbered"})
    def test_generate_id_makes_the_new_ones(self):
        response = self.client.get("/api/raise/not-found/")
        self.assertRegex(body_id(response), r"^req-\d+$")
        self.assertEqual(response["X-Correlation-ID"], body_id(response))
        self.assertEqual(body_id(self.client.get("/api/raise/not-found/", HTTP_X_CORRELATION_ID="kept")), "kept")

    def test_a_callable_itself_works_too(self):
        with override_settings(API_ERRORS={"GENERATE_ID": lambda request: "made-here"}):
            self.assertEqual(body_id(self.client.get("/api/raise/not-found/")), "made-here")


@override_settings(MIDDLEWARE=[])
class IdSettingsWithoutTheMiddleware(EnvelopeTestCase):
    """Where the handler or the error views make the id themselves, the same settings decide."""

    URLS = ("/api/raise/not-found/", "/api/no/such/")  # the DRF handler, handler404

    def test_trust_validate_and_generate(self):
        cases = [
            ({"TRUST_REQUEST_HEADER": False, "GENERATE_ID": "tests.test_correlation.numbered"}, "client-1", r"^req-\d+$"),
            ({"VALIDATE_ID": "tests.test_correlation.uuid_only"}, "client-2", HEX32.pattern),
            ({}, "client-3", r"^client-3$"),
        ]
        for api_errors, given, expected in cases:
            for url in self.URLS:
                with self.subTest(api_errors=api_errors, url=url), override_settings(API_ERRORS=api_errors):
                    response = self.client.get(url, HTTP_X_CORRELATION_ID=given)
                    self.assertRegex(body_id(response), expected)
                    self.assertEqual(response["X-Correlation-ID"], body_id(response))


ORIGIN = "https://app.example"


@skipUnless(HAS_CORS, "django-cors-headers is not installed")
@override_settings(
    MIDDLEWARE=["api_errors.middleware.CorrelationIdMiddleware", "corsheaders.middleware.CorsMiddleware"],
    CORS_ALLOWED_ORIGINS=[ORIGIN], CORS_EXPOSE_HEADERS=["X-Other"],
)
class ExposedToCrossOriginPages(EnvelopeTestCase):
    def test_a_cors_response_exposes_the_header_beside_the_projects_own(self):
        response = self.client.get("/api/raise/not-found/", HTTP_ORIGIN=ORIGIN)
        self.assertEqual(response["Access-Control-Allow-Origin"], ORIGIN)
        self.assertEqual(response["Access-Control-Expose-Headers"], "X-Other, X-Correlation-ID")

    def test_a_same_origin_response_is_left_alone(self):
        response = self.client.get("/api/raise/not-found/")
        self.assertFalse(response.has_header("Access-Control-Expose-Headers"))

    @override_settings(API_ERRORS={"EXPOSE_HEADER": False})
    def test_off(self):
        response = self.client.get("/api/raise/not-found/", HTTP_ORIGIN=ORIGIN)
        self.assertEqual(response["Access-Control-Expose-Headers"], "X-Other")


class ExposeHeaderUnit(SimpleTestCase):
    def test_always_and_never_and_names_are_not_repeated(self):
        with override_settings(API_ERRORS={"EXPOSE_HEADER": True}):
            response = HttpResponse()
            expose_header(response, "X-Correlation-ID")
            expose_header(response, "x-correlation-id")
            self.assertEqual(response["Access-Control-Expose-Headers"], "X-Correlation-ID")
        with override_settings(API_ERRORS={"EXPOSE_HEADER": False}):
            response = HttpResponse(headers={"Access-Control-Allow-Origin": "*"})
            expose_header(response, "X-Correlation-ID")
            self.assertFalse(response.has_header("Access-Control-Expose-Headers"))


class AsyncMiddleware(SimpleTestCase):
    def test_it_is_sync_and_async_capable_and_marked_a_coroutine_under_asgi(self):
        async def async_view(request):
            return HttpResponse()

        self.assertTrue(CorrelationIdMiddleware.sync_capable and CorrelationIdMiddleware.async_capable)
        self.assertTrue(iscoroutinefunction(CorrelationIdMiddleware(async_view)))
        self.assertFalse(iscoroutinefunction(CorrelationIdMiddleware(lambda request: HttpResponse())))

    async def test_it_runs_on_the_event_loop_without_a_thread_switch(self):
        threads = []
        start = CorrelationIdMiddleware.start

        def spy(middleware, request, cfg):
            threads.append(threading.get_ident())
            return start(middleware, request, cfg)

        with mock.patch.object(CorrelationIdMiddleware, "start", spy):
            response = await self.async_client.get("/api/rt/sleep/?s=0")
        self.assertEqual(threads, [threading.get_ident()])
        self.assertEqual(response.json()["correlation_id"], response["X-Correlation-ID"])

    async def test_concurrent_async_requests_each_keep_their_own_id(self):
        async def one(n):
            response = await self.async_client.get("/api/rt/sleep/?s=0.05", headers={"X-Correlation-ID": "a-%d" % n})
            return response["X-Correlation-ID"], response.json()["correlation_id"]

        answers = await asyncio.gather(*(one(n) for n in range(10)))
        self.assertEqual(answers, [("a-%d" % n,) * 2 for n in range(10)])


class CurrentRequest(EnvelopeTestCase):
    def test_the_request_is_current_only_while_django_handles_it(self):
        from api_errors.correlation import current_request

        seen = []

        def spy():
            seen.append(current_request())
            return seen[-1]

        with mock.patch("api_errors.responses.current_request", spy):
            response = self.client.get("/api/plain/error-response/")
        self.assertEqual([request.path for request in seen], ["/api/plain/error-response/"])
        self.assertEqual(seen[0].correlation_id, response["X-Correlation-ID"])
        self.assertIsNone(current_request())
