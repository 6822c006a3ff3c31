"""The demo project: /api/signup, the scenarios, CSP and the static routes."""
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, override_settings

from .helpers import EnvelopeTestCase
from .test_handler import VALID_SIGNUP, post_json

CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
XSS = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><svg onload=alert(1)>',
       "javascript:alert(1)")


class Signup(EnvelopeTestCase):
    def test_valid_json_is_201(self):
        response = post_json(self.client, "/api/signup", VALID_SIGNUP)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {"ok": True})

    def test_tags_are_optional(self):
        data = {k: v for k, v in VALID_SIGNUP.items() if k != "tags"}
        self.assertEqual(post_json(self.client, "/api/signup", data).status_code, 201)

    def test_form_encoded_valid(self):
        form = {"email": "ada@example.com", "password": "correct horse",
                "address.street": "1 Main St", "address.city": "Springfield",
                "items[0]sku": "A-1", "items[0]qty": "2"}
        response = self.client.post("/api/signup", form)
        self.assertEqual(response.status_code, 201, response.content)

    def test_form_encoded_invalid(self):
        response = self.client.post("/api/signup", {"email": "nope", "password": "x"})
        err = self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Validation failed")
        self.assertEqual(err["errors"]["email"], ["Enter a valid email address."])
        self.assertEqual(err["errors"]["password"], ["Ensure this field has at least 8 characters."])


class Scenarios(EnvelopeTestCase):
    def test_ok(self):
        response = self.client.get("/api/scenario/ok")
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True}))

    def test_500_html(self):
        response = self.client.get("/api/scenario/500-html")
        self.assertEqual(response.status_code, 500)
        self.assertEqual(response["Content-Type"], "text/html")
        self.assertEqual(response.content, b"<h1>Server Error (500)</h1>")

    def test_502_empty_body(self):
        response = self.client.get("/api/scenario/502")
        self.assertEqual((response.status_code, response.content), (502, b""))

    def test_slow(self):
        response = self.client.get("/api/scenario/slow?ms=20")
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True}))

    def test_slow_bad_ms_is_a_validation_error(self):
        self.assertEnvelope(self.client.get("/api/scenario/slow?ms=abc"), 400, "VALIDATION_ERROR",
                            errors={"ms": ["A valid integer is required."]})

    def test_xss_payloads_everywhere_but_single_line_headers(self):
        response = self.client.get("/api/scenario/xss")
        self.assertEqual(response.status_code, 400)
        err = response.json()["error"]
        self.assertEqual(err["status"], 400)
        self.assertIn(XSS[0], err["message"])
        self.assertIn(XSS[1], err["correlation_id"])
        flat = json.dumps(err["errors"])
        for payload in XSS:
            self.assertIn(json.dumps(payload)[1:-1], flat)
        self.assertIn(XSS[2], err["errors"])  # a field name holding markup
        for name, value in response.items():
            self.assertNotIn("\n", value, name)
            self.assertNotIn("<", value, name)

    def test_network_without_a_socket_says_so(self):
        # The Django test client has no socket; the live-server test drops a real one.
        response = self.client.get("/api/scenario/network")
        self.assertEqual(response.status_code, 501)


class SecurityHeaders(EnvelopeTestCase):
    def test_csp_on_pages_api_and_404s(self):
        for url in ("/", "/api/scenario/ok", "/api/scenario/403", "/api/scenario/500-html",
                    "/node_modules/jquery/dist/jquery.js", "/no-such-page.html"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["Content-Security-Policy"], CSP)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")


@override_settings(ROOT_URLCONF="demo_project.urls")
class StaticFiles(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        (root / "public").mkdir()
        (root / "public" / "legacy.html").write_text("<!doctype html><title>legacy</title>")
        (root / "public" / "legacy.js").write_text("console.log(1)")
        (root / "public" / ".secret").write_text("no")
        (root / "dist").mkdir()
        (root / "dist" / "api-errors.js").write_text("var ApiErrors = {};")
        (root / "dist" / "api-errors.css").write_text(".x{}")
        (root / "dist" / "api-errors.js.map").write_text("{}")
        (root / "outside.txt").write_text("outside")
        cls.dirs = override_settings(PUBLIC_DIR=root / "public", DIST_DIR=root / "dist")
        cls.dirs.enable()

    @classmethod
    def tearDownClass(cls):
        cls.dirs.disable()
        cls.tmp.cleanup()
        super().tearDownClass()

    def get_text(self, url):
        response = self.client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response, body.decode()

    def test_pages_and_their_assets(self):
        cases = {
            "/legacy.html": ("text/html; charset=utf-8", "<title>legacy</title>"),
            "/demo/legacy.html": ("text/html; charset=utf-8", "<title>legacy</title>"),
            "/legacy.js": ("application/javascript; charset=utf-8", "console.log(1)"),
            "/dist/api-errors.js": ("application/javascript; charset=utf-8", "ApiErrors"),
            "/dist/api-errors.css": ("text/css; charset=utf-8", ".x{}"),
            "/dist/api-errors.js.map": ("application/json; charset=utf-8", "{}"),
        }
        for url, (ctype, text) in cases.items():
            with self.subTest(url=url):
                response, body = self.get_text(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], ctype)
                self.assertIn(text, body)
                self.assertEqual(response["Content-Security-Policy"], CSP)

    def test_node_modules_and_vendor(self):
        for url in ("/node_modules/jquery/dist/jquery.js", "/vendor/jquery/dist/jquery.js",
                    "/vendor/jquery/jquery.js", "/node_modules/backbone/backbone.js",
                    "/node_modules/underscore/underscore-min.js"):
            with self.subTest(url=url):
                response, body = self.get_text(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], "application/javascript; charset=utf-8")
                self.assertGreater(len(body), 1000)
        response = self.client.get("/node_modules/jquery/dist/jquery.min.map")
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")

    def test_traversal_and_hidden_files_are_404(self):
        for url in ("/dist/../outside.txt", "/dist/%2e%2e/outside.txt", "/demo/../outside.txt",
                    "/dist/..%2foutside.txt", "/node_modules/../package.json", "/../outside.txt",
                    "/dist//etc/passwd", "/dist/%2fetc/passwd", "/.secret", "/demo/.secret",
                    "/node_modules/.bin/tsc", "/dist/", "/dist/nope.js", "/nope.html",
                    "/dist/a%00b.js", "/dist/..\\outside.txt"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"outside", response.content)

    def test_read_only(self):
        response = self.client.post("/dist/api-errors.js")
        self.assertEqual(response.status_code, 405)
        response = self.client.head("/dist/api-errors.js")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Length"], str(len("var ApiErrors = {};")))

    def test_index_links_both_pages(self):
        response, body = self.get_text("/")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertIn('href="/legacy.html"', body)
        self.assertIn('href="/backbone.html"', body)
        self.assertNotIn("<script>", body)

    def test_real_index_is_served_when_present(self):
        real = settings.REPO_DIR / "demo" / "public" / "index.html"
        if not real.is_file():
            self.skipTest("demo/public/index.html not written yet")
        with override_settings(PUBLIC_DIR=real.parent):
            response, body = self.get_text("/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(body, real.read_text())
        self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")
