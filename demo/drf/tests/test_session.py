"""The session-based failures: expired login, @login_required, CSRF both ways, throttling, 503.

Each endpoint answers as a real Django/DRF site does, through drf-api-errors."""
import json
import re

from django.contrib.auth.models import User
from django.core.cache import cache

from .helpers import EnvelopeTestCase


class SignedIn(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        User.objects.create_user("demo", password="demo")

    def sign_in(self, client):
        """Signs in as a browser does: the form's page first, then its POST with the form's token."""
        page = client.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
        response = client.post("/accounts/login/", {"username": "demo", "password": "demo",
                                                    "csrfmiddlewaretoken": token})
        self.assertEqual((response.status_code, response["Location"]), (302, "/"))
        return client

    def csrf_client(self):
        """A client that is checked for CSRF as a browser is (Django's test client is not, by default)."""
        return self.client_class(enforce_csrf_checks=True)


class SessionEndpoint(SignedIn):
    def test_anonymous_or_expired_session_is_drfs_403_not_authenticated(self):
        for cookie in (None, "garbage-or-expired-session"):
            with self.subTest(cookie=cookie):
                if cookie:
                    self.client.cookies["sessionid"] = cookie
                response = self.client.get("/api/session/")
                self.assertEnvelope(response, 403, "NOT_AUTHENTICATED",
                                    "Authentication credentials were not provided.", {})
                self.assertFalse(response.has_header("WWW-Authenticate"))

    def test_signed_in_it_answers_the_user(self):
        response = self.sign_in(self.client).get("/api/session/")
        self.assertEqual((response.status_code, response.json()), (200, {"user": "demo"}))


class LoginRequired(SignedIn):
    def test_redirects_to_the_html_login_page_which_jquery_then_loads(self):
        response = self.client.get("/api/login-required/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/accounts/login/?next=/api/login-required/")
        followed = self.client.get("/api/login-required/", follow=True)
        self.assertEqual(followed.status_code, 200)
        self.assertEqual(followed.request["PATH_INFO"], "/accounts/login/")
        self.assertEqual(followed["Content-Type"], "text/html; charset=utf-8")
        self.assertIn(b"<form", followed.content)

    def test_signed_in_it_is_json(self):
        response = self.sign_in(self.client).get("/api/login-required/")
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True}))

    def test_sign_in_goes_back_to_next_but_never_off_site(self):
        ok = self.client.post("/accounts/login/?next=/api/session/", {"username": "demo", "password": "demo"})
        self.assertEqual(ok["Location"], "/api/session/")
        evil = self.client_class().post("/accounts/login/?next=https://evil.example/",
                                        {"username": "demo", "password": "demo"})
        self.assertEqual(evil["Location"], "/")

    def test_wrong_password_shows_the_form_again(self):
        response = self.client.post("/accounts/login/", {"username": "demo", "password": "nope"})
        self.assertEqual(response.status_code, 400)
        self.assertIn(b"Wrong username or password.", response.content)
        self.assertEqual(self.client.get("/api/session/").status_code, 403)

    def test_sign_in_without_the_forms_token_is_djangos_csrf_page(self):
        client = self.csrf_client()
        client.get("/accounts/login/")
        response = client.post("/accounts/login/", {"username": "demo", "password": "demo"})
        self.assertEqual(response.status_code, 403)
        self.assertIn(b"CSRF verification failed", response.content)
        self.assertEqual(client.get("/api/session/").status_code, 403)

    def test_sign_out_flushes_the_session(self):
        client = self.sign_in(self.csrf_client())
        self.assertEqual(client.get("/api/session/").status_code, 200)
        self.assertEqual(client.get("/accounts/logout/").status_code, 405)
        self.assertEqual(client.post("/accounts/logout/").status_code, 403, "without the token")
        self.assertEqual(client.get("/api/session/").status_code, 200, "still signed in")
        response = client.post("/accounts/logout/", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        self.assertEqual((response.status_code, response["Location"]), (302, "/accounts/login/"))
        self.assertEqual(client.cookies["sessionid"].value, "", "the cookie is deleted")
        self.assertEnvelope(client.get("/api/session/"), 403, "NOT_AUTHENTICATED",
                            "Authentication credentials were not provided.", {})

    def test_the_next_parameter_is_escaped_in_the_page(self):
        response = self.client.get('/accounts/login/?next=/"><script>alert(1)</script>')
        self.assertNotIn(b"<script>", response.content)


class Csrf(SignedIn):
    def test_drf_csrf_failure_for_a_signed_in_session_without_a_token(self):
        client = self.sign_in(self.csrf_client())
        err = self.assertEnvelope(client.post("/api/csrf/", json.dumps({}), content_type="application/json"),
                                  403, "CSRF_FAILED", errors={})
        # The reason (it may quote the request's Origin) is in the message only under DEBUG.
        self.assertEqual(err["message"], "CSRF verification failed. Request aborted.")

    def test_drf_accepts_the_post_with_a_token(self):
        client = self.sign_in(self.csrf_client())
        token = client.cookies["csrftoken"].value   # the one sign-in rotated to
        response = client.post("/api/csrf/", "{}", content_type="application/json", HTTP_X_CSRFTOKEN=token)
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True}))

    def test_django_csrf_failure_is_its_html_403_page(self):
        for client in (self.csrf_client(), self.sign_in(self.csrf_client())):
            response = client.post("/csrf-django/")
            self.assertEqual(response.status_code, 403)
            self.assertTrue(response["Content-Type"].startswith("text/html"))
            self.assertIn(b"CSRF verification failed", response.content)
            self.assertRegex(response["X-Correlation-ID"], r"^[0-9a-f]{32}$")

    def test_django_accepts_the_post_with_a_token(self):
        client = self.sign_in(self.csrf_client())
        response = client.post("/csrf-django/", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        self.assertEqual((response.status_code, response.content), (200, b"CSRF check passed."))

    def test_djangos_csrf_failure_under_api_is_the_envelope(self):
        """The middleware's check on a plain Django view under /api/: CSRF_FAILURE_VIEW answers."""
        client = self.sign_in(self.csrf_client())
        err = self.assertEnvelope(client.post("/api/login-required/"), 403, "CSRF_FAILED", errors={})
        self.assertEqual(err["message"], "CSRF verification failed. Request aborted.")


class Throttled(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def test_a_real_anon_rate_throttle_answers_429_with_retry_after(self):
        self.assertEqual(self.client.get("/api/throttled/").status_code, 200)
        response = self.client.get("/api/throttled/")
        err = self.assertEnvelope(response, 429, "THROTTLED", extra={"retry_after"})
        self.assertRegex(err["message"], r"^Request was throttled\. Expected available in \d+ seconds?\.$")
        self.assertEqual(response["Retry-After"], str(err["retry_after"]))
        self.assertTrue(1 <= err["retry_after"] <= 60)


class Unavailable(EnvelopeTestCase):
    def test_503_envelope_with_retry_after_120(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/unavailable/")
        err = self.assertEnvelope(response, 503, "SERVICE_UNAVAILABLE",
                                  "The service is temporarily unavailable. Try again later.", {},
                                  extra={"retry_after"})
        self.assertEqual((response["Retry-After"], err["retry_after"]), ("120", 120))
