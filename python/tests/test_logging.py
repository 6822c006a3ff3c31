"""CorrelationIdFilter: every record of a request carries its correlation id."""
import logging
import logging.config

from django.test import SimpleTestCase, override_settings

from api_errors.logging import CorrelationIdFilter

from .helpers import EnvelopeTestCase, records_of


class InARequest(EnvelopeTestCase):
    @override_settings(API_ERRORS={"LOG_REQUESTS": True})
    def test_records_of_the_middleware_the_view_and_django_carry_the_id(self):
        with_id = CorrelationIdFilter()
        with records_of("api_errors", with_id) as own, records_of("django.request", with_id) as django:
            response = self.client.get("/api/log/", HTTP_X_CORRELATION_ID="log-1")
            self.answering.get("/api/raise/crash/", HTTP_X_CORRELATION_ID="log-2")
            self.client.get("/api/nowhere/", HTTP_X_CORRELATION_ID="log-3")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(lines(own), [
            ("log-1", "GET /api/log/"), ("log-1", "inside the view"),
            ("log-2", "GET /api/raise/crash/"), ("log-3", "GET /api/nowhere/"),
        ])
        # Django logs these after the middleware has returned.
        self.assertEqual(lines(django), [
            ("log-1", "Conflict: /api/log/"), ("log-2", "Internal Server Error: /api/raise/crash/"),
            ("log-3", "Not Found: /api/nowhere/"),
        ])

    def test_a_server_errors_log_line_formats_with_the_id(self):
        stream = LinesStream()
        app_logger = logging.getLogger("api_errors.tests.app")
        self.addCleanup(setattr, app_logger, "handlers", list(app_logger.handlers))
        self.addCleanup(setattr, app_logger, "propagate", app_logger.propagate)
        logging.config.dictConfig({
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {"correlation_id": {"()": "api_errors.logging.CorrelationIdFilter"}},
            "formatters": {"plain": {"format": "%(levelname)s [%(correlation_id)s] %(name)s: %(message)s"}},
            "handlers": {"capture": {"class": "logging.StreamHandler", "stream": stream,
                                     "filters": ["correlation_id"], "formatter": "plain"}},
            "loggers": {"api_errors.tests.app": {"handlers": ["capture"], "level": "INFO", "propagate": False}},
        })
        self.client.get("/api/log/", HTTP_X_CORRELATION_ID="log-2")
        logging.getLogger("api_errors.tests.app").warning("outside a request")
        self.assertEqual(stream.lines, [
            "WARNING [log-2] api_errors.tests.app: inside the view",
            "WARNING [-] api_errors.tests.app: outside a request",
        ])


class Unit(SimpleTestCase):
    def test_keeps_an_id_the_record_already_has_and_takes_a_default(self):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
        record.correlation_id = "given"
        self.assertTrue(CorrelationIdFilter().filter(record))
        self.assertEqual(record.correlation_id, "given")
        other = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
        CorrelationIdFilter(default="none").filter(other)
        self.assertEqual(other.correlation_id, "none")

    def test_a_django_request_record_outside_a_request_takes_its_requests_id(self):
        # Django's django.request records carry the request; the handler gave it its id.
        request = type("Request", (), {"correlation_id": "from-the-handler"})()
        record = logging.makeLogRecord({"name": "django.request", "msg": "Internal Server Error", "request": request})
        CorrelationIdFilter().filter(record)
        self.assertEqual(record.correlation_id, "from-the-handler")


class LinesStream:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.extend(line for line in text.splitlines() if line)

    def flush(self):
        pass


def lines(records):
    return [(r.correlation_id, r.getMessage().split(" correlation_id")[0]) for r in records]
