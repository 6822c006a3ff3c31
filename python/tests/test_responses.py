"""error_response: the same envelope from a view that builds its error by hand."""
import json

import api_errors
from api_errors.responses import error_response

from .helpers import HEX32, EnvelopeTestCase


class ErrorResponse(EnvelopeTestCase):
    def test_from_a_drf_view_with_errors_and_a_code(self):
        response = self.client.get("/api/log/", HTTP_X_CORRELATION_ID="hand-1")
        err = self.assertEnvelope(response, 409, "CONFLICT", "Already done.", {"step": ["Done twice."]})
        self.assertEqual(err["correlation_id"], "hand-1")

    def test_from_a_plain_view_with_retry_after(self):
        response = self.client.get("/api/plain/error-response/")
        err = self.assertEnvelope(response, 402, "ERROR", "Payment required.", {}, extra={"retry_after"})
        self.assertEqual((err["retry_after"], response["Retry-After"]), (5, "5"))

    def test_outside_a_request_it_makes_an_id(self):
        response = error_response(400, "Bad.")
        err = json.loads(response.content)["error"]
        self.assertRegex(err["correlation_id"], HEX32)
        self.assertEqual(response["X-Correlation-ID"], err["correlation_id"])
        self.assertEqual((err["message"], err["code"], err["errors"]), ("Bad.", "ERROR", {}))

    def test_is_exported_by_the_package(self):
        self.assertIs(api_errors.error_response, error_response)
