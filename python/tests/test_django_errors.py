"""What DRF leaves to Django: a parser's own bug, Django's ValidationError, sub-path deployments,
DEBUG's 404 page, and the smaller corners of DRF's exceptions."""
import sys

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.test import override_settings

from .helpers import EnvelopeTestCase
from .test_handlers import post_json

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


class ExceptionsSeen(EnvelopeTestCase):
    def setUp(self):
        super().setUp()
        self.seen = []

        def receiver(sender, request, **kwargs):
            self.seen.append(sys.exc_info()[0])

        got_request_exception.connect(receiver)
        self.addCleanup(got_request_exception.disconnect, receiver)


class ParserBugs(ExceptionsSeen):
    def test_a_bug_in_a_parser_is_a_500_reported_to_error_trackers(self):
        with self.assertLogs("django.request", "ERROR") as logs:
            response = post_json(self.answering, "/api/signed/", {"name": "Ada"})
        self.assertEnvelope(response, 500, "SERVER_ERROR", "A server error occurred.", {})
        self.assertEqual(self.seen, [KeyError])
        self.assertIs(logs.records[0].exc_info[0], KeyError)

    def test_bad_json_through_the_same_parser_is_still_the_clients_400(self):
        with self.assertLogs("api_errors", "WARNING"):
            response = self.answering.post("/api/signed/", "{bad", content_type="application/json")
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})
        self.assertEqual(self.seen, [])


class DjangoValidationError(ExceptionsSeen):
    def test_full_clean_in_a_drf_view_is_a_400_with_field_and_form_errors(self):
        data = {"email": "nope", "qty": 20, "note": "rush"}
        err = self.assertEnvelope(post_json(self.answering, "/api/orders/check/", data), 400,
                                  "VALIDATION_ERROR", "Validation failed")
        self.assertEqual(err["errors"], {"email": ["Enter a valid email address."],
                                         "non_field_errors": ["Rush orders are limited to 10 items."]})
        self.assertEqual(self.seen, [])

    def test_model_validators_and_codes(self):
        data = {"email": "ada@example.com", "qty": 0, "note": ""}
        with self.settings(API_ERRORS={"FIELD_CODES": True}):
            err = self.assertEnvelope(post_json(self.client, "/api/orders/check/", data), 400,
                                      "VALIDATION_ERROR", extra={"field_codes"})
        self.assertEqual(err["errors"], {"qty": ["Ensure this value is greater than or equal to 1."]})
        self.assertEqual(err["field_codes"], {"qty": ["min_value"]})

    def test_raised_with_a_dict_or_a_message(self):
        err = self.assertEnvelope(self.client.get("/api/raise/django-validation/"), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"email": ["Enter a valid email address."],
                                         "non_field_errors": ["These dates overlap."]})
        err = self.assertEnvelope(self.client.get("/api/raise/django-validation-text/"), 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"non_field_errors": ["Out of range."]})

    def test_in_a_plain_view_under_the_prefix_the_form_errors_are_under_all(self):
        data = {"email": "ada@example.com", "qty": "20", "note": "rush"}
        with self.settings(API_ERRORS={"FIELD_CODES": True}):
            response = self.answering.post("/api/plain/orders/check/", data)
        err = self.assertEnvelope(response, 400, "VALIDATION_ERROR", "Validation failed", extra={"field_codes"})
        self.assertEqual(err["errors"], {"__all__": ["Rush orders are limited to 10 items."]})
        self.assertEqual(err["field_codes"], {"__all__": ["rush_limit"]})
        self.assertEqual(self.seen, [])

    def test_in_a_plain_page_an_ajax_post_gets_the_envelope(self):
        response = self.answering.post("/pages/orders/check/", {"email": "x", "qty": "1"}, **XHR)
        err = self.assertEnvelope(response, 400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"], {"email": ["Enter a valid email address."]})
        self.assertEqual(self.seen, [])

    def test_in_a_plain_page_an_html_post_is_left_to_django(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.post("/pages/orders/check/", {"email": "x", "qty": "1"})
        self.assertEqual(response.status_code, 500)
        self.assertTrue(response["Content-Type"].startswith("text/html"))


class SubPathDeployment(EnvelopeTestCase):
    """The project served under /shop/: SCRIPT_NAME from the server, or FORCE_SCRIPT_NAME."""

    def test_unknown_api_url_under_a_script_name_is_the_envelope(self):
        response = self.client.get("/api/no/such/", SCRIPT_NAME="/shop")
        self.assertEnvelope(response, 404, "NOT_FOUND", "Not found.", {})

    def test_crash_csrf_and_403_under_a_script_name(self):
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/plain/crash/", SCRIPT_NAME="/shop")
        self.assertEnvelope(response, 500, "SERVER_ERROR")
        self.assertEnvelope(self.client.get("/api/plain/forbidden/", SCRIPT_NAME="/shop"), 403, "PERMISSION_DENIED")
        client = self.client_class(enforce_csrf_checks=True)
        with self.assertLogs("django.security.csrf", "WARNING"):
            response = client.post("/api/plain/csrf/", SCRIPT_NAME="/shop")
        self.assertEnvelope(response, 403, "CSRF_FAILED")

    @override_settings(FORCE_SCRIPT_NAME="/shop")
    def test_unknown_api_url_with_force_script_name(self):
        self.assertEnvelope(self.client.get("/api/no/such/"), 404, "NOT_FOUND")

    def test_pages_under_a_script_name_stay_html(self):
        response = self.client.get("/no/such/page/", SCRIPT_NAME="/shop")
        self.assertTrue(response["Content-Type"].startswith("text/html"))


@override_settings(DEBUG=True)
class DebugNotFound(EnvelopeTestCase):
    def test_an_ajax_request_for_an_unknown_api_url_gets_the_json_404(self):
        self.assertEnvelope(self.client.get("/api/no/such/", **XHR), 404, "NOT_FOUND", "Not found.", {})
        response = self.client.get("/api/no/such/", HTTP_ACCEPT="application/json, text/javascript, */*; q=0.01")
        self.assertEnvelope(response, 404, "NOT_FOUND")

    def test_the_browser_still_gets_djangos_debug_page_with_the_patterns_tried(self):
        response = self.client.get("/api/no/such/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
        self.assertEqual(response.status_code, 404)
        self.assertIn(b"api/raise/", response.content)


class SmallerCorners(EnvelopeTestCase):
    def test_a_detail_list_is_read_as_text_never_a_python_repr(self):
        response = self.client.get("/api/raise/detail-list/")
        self.assertEnvelope(response, 403, "PERMISSION_DENIED", "You may not see this order. Ask its owner.", {})
        self.assertNotIn("ErrorDetail", response.content.decode())

    def test_wait_0_sends_retry_after_0_in_the_header_and_the_body(self):
        cache.clear()
        response = self.client.get("/api/raise/wait-zero/")
        err = self.assertEnvelope(response, 429, "THROTTLED", extra={"retry_after"})
        self.assertEqual((err["retry_after"], response["Retry-After"]), (0, "0"))
