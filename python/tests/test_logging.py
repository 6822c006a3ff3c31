"""CorrelationIdFilter: every record of a request carries its correlation id."""
import logging
import logging.config

from django.test import SimpleTestCase

from api_errors.logging import CorrelationIdFilter

from .helpers import EnvelopeTestCase, records_of


class InARequest(EnvelopeTestCase):
    def test_records_logged_by_the_view_and_the_handler_carry_the_id(self):
        with records_of("api_errors", CorrelationIdFilter()) as records:
            response = self.client.get("/api/log/", HTTP_X_CORRELATION_ID="log-1")
            self.answering.get("/api/raise/crash/", HTTP_X_CORRELATION_ID="log-2")
        self.assertEqual(response.status_code, 409)
        messages = [(r.correlation_id, r.getMessage().split(" correlation_id")[0]) for r in records]
        self.assertEqual(messages, [
            ("log-1", "GET /api/log/"), ("log-1", "inside the view"),
            ("log-2", "GET /api/raise/crash/"), ("log-2", "Server error 500"),
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


class LinesStream:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.extend(line for line in text.splitlines() if line)

    def flush(self):
        pass
