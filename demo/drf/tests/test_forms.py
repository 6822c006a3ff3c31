"""The plain Django page: a ModelForm answering Django's own error JSON (`form.errors.get_json_data()`),
a formset answering the package's envelope (`form_error_response`), a FormView with `AjaxFormMixin`;
their plain HTML posts are Django's (the page again with its errorlists, or a redirect)."""
import re

from django.contrib.auth.models import User
from django.test import TestCase

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def order(lines, **extra):
    """A formset POST: the management form and one sku/qty pair per line."""
    data = {"form-TOTAL_FORMS": str(len(lines)), "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}
    for index, (sku, qty) in enumerate(lines):
        data["form-%d-sku" % index] = sku
        data["form-%d-qty" % index] = qty
    data.update(extra)
    return data


class FormsPage(TestCase):
    def setUp(self):
        super().setUp()
        User.objects.create_user("demo", password="demo")
        self.browser = self.client_class(enforce_csrf_checks=True)

    def token(self):
        page = self.browser.get("/forms/")
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)

    def test_the_page_renders_both_forms_with_djangos_templates_and_a_csrf_token(self):
        html = self.browser.get("/forms/").content.decode()
        for name in ("username", "email", "form-0-sku", "form-2-qty", "form-TOTAL_FORMS"):
            self.assertIn('name="%s"' % name, html)
        self.assertIn('id="id_form-1-qty"', html)
        self.assertIn("csrftoken", self.browser.cookies)

    def test_an_invalid_ajax_post_answers_djangos_own_json_with_the_codes(self):
        response = self.browser.post("/forms/account/", {"csrfmiddlewaretoken": self.token(),
                                                         "username": "demo", "email": "not-an-email"}, **AJAX)
        self.assertEqual((response.status_code, response["Content-Type"]), (400, "application/json"))
        self.assertEqual(response.json(), {
            "username": [{"message": "A user with that username already exists.", "code": "unique"}],
            "email": [{"message": "Enter a valid email address.", "code": "invalid"}],
        })

    def test_a_form_level_error_is_under___all__(self):
        response = self.browser.post("/forms/account/", {"csrfmiddlewaretoken": self.token(),
                                                         "username": "ada", "email": "ada@example.com"}, **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {"__all__": [
            {"message": "Choose a username that is not your email address.", "code": "username_is_email"}]})

    def test_a_valid_post_creates_the_user(self):
        response = self.browser.post("/forms/account/", {"csrfmiddlewaretoken": self.token(),
                                                         "username": "grace", "email": "g@example.com"}, **AJAX)
        self.assertEqual((response.status_code, response.json()), (201, {"ok": True, "username": "grace"}))
        self.assertTrue(User.objects.filter(username="grace").exists())

    def test_a_plain_html_post_renders_the_page_again_with_djangos_errorlists(self):
        response = self.browser.post("/forms/account/", {"csrfmiddlewaretoken": self.token(),
                                                         "username": "", "email": "x"})
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        self.assertEqual(len(re.findall(r'<ul class="errorlist"', html)), 2)
        self.assertIn("<li>This field is required.</li>", html)
        self.assertIn("<li>Enter a valid email address.</li>", html)

    def envelope(self, response):
        """The package's envelope: its `errors`, after checking the rest of it."""
        self.assertEqual((response.status_code, response["Content-Type"]), (400, "application/json"))
        error = response.json()["error"]
        self.assertEqual((error["code"], error["message"], error["status"]), ("VALIDATION_ERROR", "Validation failed", 400))
        self.assertEqual(error["correlation_id"], response["X-Correlation-ID"])
        return error["errors"]

    def test_formset_errors_are_the_envelope_keyed_by_the_inputs_names(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "2"), ("B-200", "0"), ("", "1")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual(self.envelope(response), {
            "form-1-qty": ["Ensure this value is greater than or equal to 1."],
            "form-2-sku": ["This field is required."],
        })

    def test_the_formsets_own_errors_are_under___all__(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "1"), ("A-100", "2")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual(self.envelope(response), {"__all__": ["Each product can be on one line only."]})

    def test_a_plain_html_post_of_the_formset_renders_djangos_errorlists(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "1"), ("A-100", "0")], csrfmiddlewaretoken=self.token()))
        self.assertEqual((response.status_code, response["Content-Type"]), (400, "text/html; charset=utf-8"))
        html = response.content.decode()
        self.assertIn("<li>Ensure this value is greater than or equal to 1.</li>", html)
        self.assertNotIn('"error"', html)

    def test_a_valid_order(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "1"), ("B-200", "2"), ("", "")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True, "lines": 2}))

    def test_without_the_csrf_token_nothing_is_saved(self):
        response = self.browser.post("/forms/account/", {"username": "eve", "email": "e@example.com"}, **AJAX)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(User.objects.filter(username="eve").exists())


class NewsletterForm(TestCase):
    """A Django FormView with AjaxFormMixin: the envelope or `{"redirect"}` for AJAX, Django's own otherwise."""

    def setUp(self):
        super().setUp()
        self.browser = self.client_class(enforce_csrf_checks=True)
        page = self.browser.get("/forms/").content.decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post(self, data, **extra):
        return self.browser.post("/forms/newsletter/", dict(data, csrfmiddlewaretoken=self.token), **extra)

    def test_the_page_renders_it_with_its_prefix(self):
        html = self.browser.get("/forms/").content.decode()
        for name in ("newsletter-email", "newsletter-weekly", "newsletter-releases"):
            self.assertIn('name="%s"' % name, html)
        self.assertNotIn("You are subscribed.", html)

    def test_an_invalid_ajax_post_answers_the_envelope_with_the_inputs_names(self):
        response = self.post({"newsletter-email": "nope", "newsletter-weekly": "on"}, **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["code"], "VALIDATION_ERROR")
        self.assertEqual(response.json()["error"]["errors"], {"newsletter-email": ["Enter a valid email address."]})

    def test_the_forms_clean_error_is_under___all__(self):
        response = self.post({"newsletter-email": "ada@example.com"}, **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"], {"__all__": ["Choose at least one newsletter."]})

    def test_a_json_accept_is_answered_like_ajax(self):
        response = self.post({"newsletter-email": "ada@example.com"}, HTTP_ACCEPT="application/json")
        self.assertEqual((response.status_code, response.json()["error"]["errors"]),
                         (400, {"__all__": ["Choose at least one newsletter."]}))

    def test_a_valid_ajax_post_answers_where_to_go_not_a_302(self):
        response = self.post({"newsletter-email": "ada@example.com", "newsletter-releases": "on"}, **AJAX)
        self.assertEqual((response.status_code, response.json()), (200, {"redirect": "/forms/?subscribed=1"}))
        page = self.browser.get(response.json()["redirect"]).content.decode()
        self.assertIn("You are subscribed.", page)

    def test_a_plain_post_is_djangos_the_form_again_then_the_redirect(self):
        response = self.post({"newsletter-email": "nope"})
        self.assertEqual((response.status_code, response["Content-Type"]), (200, "text/html; charset=utf-8"))
        html = response.content.decode()
        self.assertIn('<ul class="errorlist nonfield"><li>Choose at least one newsletter.</li></ul>', html)
        self.assertIn("<li>Enter a valid email address.</li>", html)
        self.assertIn('value="nope"', html)
        response = self.post({"newsletter-email": "ada@example.com", "newsletter-weekly": "on"})
        self.assertRedirects(response, "/forms/?subscribed=1")

    def test_a_get_is_not_allowed(self):
        self.assertEqual(self.browser.get("/forms/newsletter/").status_code, 405)
