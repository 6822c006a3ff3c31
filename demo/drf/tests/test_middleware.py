"""The correlation id on the demo's responses (drf-api-errors' CorrelationIdMiddleware)."""
import uuid

from .helpers import HEX32, EnvelopeTestCase


class CorrelationIdOverHttp(EnvelopeTestCase):
    def test_absent_header_gets_a_fresh_id_in_body_and_header(self):
        err = self.assertEnvelope(self.client.get("/api/scenario/403"), 403, "PERMISSION_DENIED")
        self.assertRegex(err["correlation_id"], HEX32)

    def test_fresh_ids_differ(self):
        a = self.client.get("/api/scenario/ok")["X-Correlation-ID"]
        b = self.client.get("/api/scenario/ok")["X-Correlation-ID"]
        self.assertRegex(a, HEX32)
        self.assertNotEqual(a, b)

    def test_safe_uuid_is_echoed(self):
        cid = str(uuid.uuid4())
        response = self.client.get("/api/scenario/404", HTTP_X_CORRELATION_ID=cid)
        err = self.assertEnvelope(response, 404, "NOT_FOUND")
        self.assertEqual(err["correlation_id"], cid)
        self.assertEqual(response["X-Correlation-ID"], cid)

    def test_safe_id_with_dots_and_underscores_and_64_chars(self):
        for cid in ("a", "req_1.2-3", "x" * 64):
            response = self.client.get("/api/scenario/404", HTTP_X_CORRELATION_ID=cid)
            self.assertEqual(response.json()["error"]["correlation_id"], cid)
            self.assertEqual(response["X-Correlation-ID"], cid)

    def test_hostile_ids_are_replaced(self):
        hostile = [
            "<script>alert(1)</script>",
            '"><svg onload=alert(1)>',
            "x" * 65,
            "y" * 200,
            "a b",
            "abc\u00e9",
            "\u65e5\u672c",
            "id;drop",
            "",
        ]
        for cid in hostile:
            with self.subTest(cid=cid):
                response = self.client.get("/api/scenario/403", HTTP_X_CORRELATION_ID=cid)
                err = self.assertEnvelope(response, 403, "PERMISSION_DENIED")
                self.assertRegex(err["correlation_id"], HEX32)
                self.assertNotEqual(err["correlation_id"], cid)
                self.assertNotIn("<", response.content.decode())

    def test_header_also_on_success_and_non_drf_responses(self):
        for url in ("/api/scenario/ok", "/api/scenario/500-html", "/api/scenario/502", "/"):
            response = self.client.get(url, HTTP_X_CORRELATION_ID="trace-7")
            self.assertEqual(response["X-Correlation-ID"], "trace-7", url)
