import re
from datetime import datetime, timedelta, timezone

from django.test import TestCase, override_settings

HEX32 = re.compile(r"[0-9a-f]{32}")
ENVELOPE_KEYS = {"message", "code", "status", "errors", "timestamp", "correlation_id"}


@override_settings(ROOT_URLCONF="tests.urls")
class EnvelopeTestCase(TestCase):
    def setUp(self):
        super().setUp()
        # drf-api-errors sends got_request_exception for a 5xx, as Django does for its own 500s,
        # and the default test client then re-raises the exception; this one returns the response.
        self.answering = self.client_class(raise_request_exception=False)

    def assertEnvelope(self, response, status, code, message=None, errors=None, extra=()):
        """The body is the envelope, consistent with the status and the header."""
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        self.assertEqual(set(body), {"error"})
        err = body["error"]
        self.assertEqual(set(err), ENVELOPE_KEYS | set(extra))
        self.assertEqual(err["status"], status)
        self.assertEqual(err["code"], code)
        if message is not None:
            self.assertEqual(err["message"], message)
        self.assertIsInstance(err["message"], str)
        self.assertTrue(err["message"])
        if errors is not None:
            self.assertEqual(err["errors"], errors)
        self.assertEqual(err["correlation_id"], response["X-Correlation-ID"])
        stamp = datetime.fromisoformat(err["timestamp"])
        self.assertEqual(stamp.utcoffset(), timedelta(0))
        self.assertTrue(err["timestamp"].endswith("+00:00"))
        self.assertLess(abs(datetime.now(timezone.utc) - stamp), timedelta(seconds=60))
        return err
