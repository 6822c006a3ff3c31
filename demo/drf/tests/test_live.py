"""Against a real threaded server: dropped connections, concurrency, serve.py."""
import http.client
import json
import re
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.test import SimpleTestCase

DRF_DIR = Path(__file__).resolve().parent.parent


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class LiveServer(SimpleTestCase):
    """The same server class as runserver and serve.py (threaded wsgiref), on a free port."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.httpd = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        cls.httpd.set_app(get_wsgi_application())
        cls.port = cls.httpd.server_address[1]
        cls.thread = threading.Thread(target=cls.httpd.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.httpd.shutdown()
        cls.httpd.server_close()
        cls.thread.join(5)
        super().tearDownClass()

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def get(self, path, headers=None):
        conn = self.connect()
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def test_network_scenario_closes_without_a_response(self):
        for _ in range(3):
            conn = self.connect()
            conn.request("GET", "/api/scenario/network")
            with self.assertRaises((http.client.RemoteDisconnected, ConnectionResetError)):
                conn.getresponse()
            conn.close()
        # The server is still fine afterwards.
        response, body = self.get("/api/scenario/ok")
        self.assertEqual((response.status, json.loads(body)), (200, {"ok": True}))

    def test_envelope_over_the_wire(self):
        response, body = self.get("/api/scenario/429", {"X-Correlation-ID": "live-1"})
        self.assertEqual(response.status, 429)
        self.assertEqual(response.getheader("Retry-After"), "30")
        self.assertEqual(response.getheader("X-Correlation-ID"), "live-1")
        self.assertEqual(json.loads(body)["error"]["correlation_id"], "live-1")

    def test_requests_are_served_concurrently(self):
        results = {}

        def slow():
            results["slow"] = self.get("/api/scenario/slow?ms=1500")[0].status

        thread = threading.Thread(target=slow)
        started = time.monotonic()
        thread.start()
        time.sleep(0.2)
        response, _ = self.get("/api/scenario/ok")
        fast_done = time.monotonic() - started
        thread.join(10)
        self.assertEqual(response.status, 200)
        self.assertLess(fast_done, 1.2)
        self.assertEqual(results["slow"], 200)
        self.assertGreaterEqual(time.monotonic() - started, 1.5)


class ServeScript(unittest.TestCase):
    def test_serve_py_prints_its_url_and_answers(self):
        proc = subprocess.Popen(
            [sys.executable, str(DRF_DIR / "serve.py"), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        try:
            line = proc.stdout.readline()
            match = re.fullmatch(r"jquery-api-errors DRF demo: http://127\.0\.0\.1:(\d+)/\n", line)
            self.assertIsNotNone(match, line)
            conn = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=10)
            conn.request("GET", "/api/scenario/403")
            response = conn.getresponse()
            body = json.loads(response.read())
            conn.close()
            self.assertEqual(response.status, 403)
            self.assertEqual(body["error"]["code"], "PERMISSION_DENIED")
            self.assertEqual(response.getheader("Content-Security-Policy"),
                             "default-src 'self'; script-src 'self'; style-src 'self'")
        finally:
            proc.terminate()
            self.assertEqual(proc.wait(10), 0)
            proc.stdout.close()
