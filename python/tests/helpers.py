"""assertEnvelope: the body is the envelope, consistent with the status and the header."""
import logging
import re
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from django.test import TestCase

HEX32 = re.compile(r"^[0-9a-f]{32}$")
ENVELOPE_KEYS = {"message", "code", "status", "errors", "timestamp", "correlation_id"}


class EnvelopeTestCase(TestCase):
    def setUp(self):
        super().setUp()
        # Like Django for its own 500s, the handler sends got_request_exception for a 5xx, and the
        # default test client then re-raises the exception; this one returns the response.
        self.answering = self.client_class(raise_request_exception=False)

    def assertEnvelope(self, response, status, code, message=None, errors=None, extra=()):
        self.assertEqual(response.status_code, status, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        self.assertEqual(set(body), {"error"})
        err = body["error"]
        self.assertEqual(set(err), ENVELOPE_KEYS | set(extra))
        self.assertEqual((err["status"], err["code"]), (status, code))
        if message is not None:
            self.assertEqual(err["message"], message)
        self.assertIsInstance(err["message"], str)
        self.assertTrue(err["message"])
        if errors is not None:
            self.assertEqual(err["errors"], errors)
        self.assertEqual(err["correlation_id"], response["X-Correlation-ID"])
        stamp = datetime.fromisoformat(err["timestamp"])
        self.assertEqual(stamp.utcoffset(), timedelta(0))
        self.assertLess(abs(datetime.now(timezone.utc) - stamp), timedelta(seconds=60))
        return err


@contextmanager
def records_of(name, *filters):
    """Every record logged on ``name`` (at any level) inside the block, through ``filters``."""
    records = []
    handler = logging.Handler(logging.DEBUG)
    for log_filter in filters:
        handler.addFilter(log_filter)
    handler.emit = records.append
    logger = logging.getLogger(name)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
