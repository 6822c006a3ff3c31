"""The plain Django page: a ModelForm and a formset, their AJAX answers in Django's own error JSON
(`form.errors.get_json_data()`), their plain HTML posts rendered again with Django's errorlists."""
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

    def test_formset_errors_are_keyed_by_the_inputs_names(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "2"), ("B-200", "0"), ("", "1")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {
            "form-1-qty": [{"message": "Ensure this value is greater than or equal to 1.", "code": "min_value"}],
            "form-2-sku": [{"message": "This field is required.", "code": "required"}],
        })

    def test_the_formsets_own_errors_are_under___all__(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "1"), ("A-100", "2")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {"__all__": [
            {"message": "Each product can be on one line only.", "code": "duplicate"}]})

    def test_a_valid_order(self):
        response = self.browser.post("/forms/order/", order(
            [("A-100", "1"), ("B-200", "2"), ("", "")], csrfmiddlewaretoken=self.token()), **AJAX)
        self.assertEqual((response.status_code, response.json()), (200, {"ok": True, "lines": 2}))

    def test_without_the_csrf_token_nothing_is_saved(self):
        response = self.browser.post("/forms/account/", {"username": "eve", "email": "e@example.com"}, **AJAX)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(User.objects.filter(username="eve").exists())
