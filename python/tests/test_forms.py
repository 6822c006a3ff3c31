"""Plain Django forms and formsets: form_error_response and AjaxFormMixin, through the test client."""
from django.test import override_settings

import api_errors
from api_errors.forms import AjaxFormMixin, form_error_response

from .helpers import EnvelopeTestCase
from .models import Order

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
JQUERY_JSON = {"HTTP_ACCEPT": "application/json, text/javascript, */*; q=0.01"}
BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ORDER = {"email": "ada@example.com", "confirm_email": "ada@example.com", "qty": "2", "note": "", "step": "1"}


def lines(*rows, prefix="form", total=None, **extra):
    data = {"%s-TOTAL_FORMS" % prefix: str(len(rows) if total is None else total),
            "%s-INITIAL_FORMS" % prefix: "0"}
    for index, row in enumerate(rows):
        data.update({"%s-%d-%s" % (prefix, index, key): value for key, value in row.items()})
    data.update(extra)
    return data


class FormErrorResponse(EnvelopeTestCase):
    def test_a_modelform_field_errors_by_input_name_and_all_as_form_errors(self):
        data = dict(ORDER, email="nope", qty="0", confirm_email="ada@example.com")
        response = self.client.post("/pages/orders/fn/", data)
        err = self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Please check the order.")
        self.assertEqual(err["errors"], {
            "email": ["Enter a valid email address."],
            "qty": ["Ensure this value is greater than or equal to 1."],
        })

    def test_the_forms_clean_and_the_models_clean_are_all(self):
        data = dict(ORDER, confirm_email="bob@example.com")
        err = self.assertEnvelope(self.client.post("/pages/orders/fn/", data), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"__all__": ["The two e-mail addresses differ."]})
        err = self.assertEnvelope(self.client.post("/pages/orders/fn/", dict(ORDER, qty="20", note="rush")),
                                  400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"__all__": ["Rush orders are limited to 10 items."]})

    def test_a_hidden_fields_error_is_a_form_error_saying_which(self):
        err = self.assertEnvelope(self.client.post("/pages/orders/fn/", dict(ORDER, step="9")), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {
            "__all__": ["(Hidden field step) Ensure this value is less than or equal to 1."]})

    @override_settings(API_ERRORS={"FIELD_CODES": True})
    def test_djangos_codes_in_field_codes(self):
        data = dict(ORDER, email="nope", confirm_email="", qty="")
        err = self.assertEnvelope(self.client.post("/pages/orders/fn/", data), 400, "VALIDATION_ERROR",
                                  extra={"field_codes"})
        self.assertEqual(err["field_codes"], {"email": ["invalid"], "qty": ["required"],
                                              "confirm_email": ["required"]})
        self.assertEqual(list(err["errors"]), list(err["field_codes"]))

    def test_a_formset_names_each_input_with_its_prefix(self):
        data = lines({"sku": "A1", "qty": "1"}, {"sku": "", "qty": "0"}, {"sku": "TOO-LONG-SKU", "qty": "2"},
                     prefix="lines")
        err = self.assertEnvelope(self.client.post("/pages/lines/fn/", data), 422, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {
            "lines-1-sku": ["This field is required."],
            "lines-1-qty": ["Ensure this value is greater than or equal to 1."],
            "lines-2-sku": ["Ensure this value has at most 8 characters (it has 12)."],
        })

    def test_a_formsets_non_form_errors_are_all_and_deleted_forms_are_ignored(self):
        rows = [{"sku": "A%d" % i, "qty": "1"} for i in range(4)] + [{"sku": "", "qty": "0", "DELETE": "on"}]
        err = self.assertEnvelope(self.client.post("/pages/lines/fn/", lines(*rows, prefix="lines")), 422,
                                  "VALIDATION_ERROR")
        self.assertEqual(list(err["errors"]), ["__all__"])
        self.assertEqual(len(err["errors"]["__all__"]), 1)
        self.assertIn("3", err["errors"]["__all__"][0])  # "Please submit at most 3 forms."

    def test_is_exported_by_the_package(self):
        self.assertIs(api_errors.form_error_response, form_error_response)
        self.assertIs(api_errors.AjaxFormMixin, AjaxFormMixin)


class AjaxCreateView(EnvelopeTestCase):
    def test_an_invalid_ajax_post_is_the_400_envelope(self):
        for headers in (XHR, JQUERY_JSON):
            with self.subTest(headers=headers):
                response = self.client.post("/pages/orders/new/", dict(ORDER, email="nope"), **headers)
                err = self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Validation failed")
                self.assertEqual(err["errors"], {"email": ["Enter a valid email address."]})
        self.assertFalse(Order.objects.exists())

    def test_a_valid_ajax_post_saves_and_answers_where_to_go(self):
        response = self.client.post("/pages/orders/new/", ORDER, **XHR)
        self.assertEqual((response.status_code, response.json()), (200, {"redirect": "/pages/orders/done/"}))
        self.assertEqual(Order.objects.get().email, "ada@example.com")

    def test_an_html_post_is_djangos_rerender_and_redirect(self):
        response = self.client.post("/pages/orders/new/", dict(ORDER, email="nope"), **BROWSER)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertIn(b"Enter a valid email address.", response.content)
        self.assertIn(b'name="email"', response.content)
        response = self.client.post("/pages/orders/new/", ORDER, **BROWSER)
        self.assertRedirects(response, "/pages/orders/done/", fetch_redirect_response=False)
        self.assertEqual(Order.objects.count(), 1)


class AjaxFormsetView(EnvelopeTestCase):
    def test_an_invalid_ajax_formset_post_names_the_inputs(self):
        data = lines({"sku": "A1", "qty": "1"}, {"sku": "B2", "qty": "x"})
        err = self.assertEnvelope(self.client.post("/pages/lines/", data, **XHR), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"form-1-qty": ["Enter a whole number."]})

    def test_a_missing_management_form_is_a_form_error(self):
        err = self.assertEnvelope(self.client.post("/pages/lines/", {"form-0-sku": "A"}, **XHR), 400,
                                  "VALIDATION_ERROR")
        self.assertEqual(list(err["errors"]), ["__all__"])

    def test_valid_ajax_and_html_posts(self):
        data = lines({"sku": "A1", "qty": "1"})
        self.assertEqual(self.client.post("/pages/lines/", data, **XHR).json(), {"redirect": "/pages/lines/done/"})
        self.assertRedirects(self.client.post("/pages/lines/", data), "/pages/lines/done/",
                             fetch_redirect_response=False)

    def test_an_invalid_html_post_rerenders_the_formset(self):
        response = self.client.post("/pages/lines/", lines({"sku": "", "qty": "1"}))
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"This field is required.", response.content)
        self.assertIn(b'name="form-0-sku"', response.content)
