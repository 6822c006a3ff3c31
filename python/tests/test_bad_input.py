"""Hostile bodies: a 10 MB or a 10,000-level body is a 400 envelope, never a 500."""
import json

from django.test import override_settings

from rest_framework import VERSION

from .helpers import EnvelopeTestCase, records_of

DRF_VERSION = tuple(int(part) for part in VERSION.split(".")[:2])

TEN_MB = 10 * 1024 * 1024


class HugeAndDeepBodies(EnvelopeTestCase):
    def assertUnreadable(self, response):
        self.assertEnvelope(response, 400, "PARSE_ERROR", "The request body could not be read.", {})

    def test_10000_levels_of_json_arrays(self):
        with self.assertLogs("api_errors", "WARNING") as logs:
            response = self.answering.post("/api/body/", "[" * 10_000 + "]" * 10_000,
                                           content_type="application/json")
        self.assertUnreadable(response)
        self.assertIn("RecursionError", logs.output[0])

    def test_10000_levels_of_json_objects(self):
        body = '{"a":' * 10_000 + "1" + "}" * 10_000
        with self.assertLogs("api_errors", "WARNING"):
            response = self.answering.post("/api/body/", body, content_type="application/json")
        self.assertUnreadable(response)

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=None)
    def test_10_mb_of_broken_json(self):
        with self.assertLogs("api_errors", "WARNING") as logs:
            response = self.answering.post("/api/body/", "{" + "x" * TEN_MB, content_type="application/json")
        self.assertUnreadable(response)
        self.assertLess(len("".join(logs.output)), 5000)  # the log keeps a bounded excerpt

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=None)
    def test_10_mb_json_string_reaches_the_serializer(self):
        body = json.dumps({"name": "a" * TEN_MB, "email": "x", "address": {"city": "c"}})
        err = self.assertEnvelope(self.answering.post("/api/people/", body, content_type="application/json"),
                                  400, "VALIDATION_ERROR")
        self.assertEqual(err["errors"]["name"], ["Ensure this field has no more than 50 characters."])

    def test_10_mb_json_over_the_upload_limit_is_never_a_500(self):
        # DRF 3.18 reads a JSON body through request.body, so Django's DATA_UPLOAD_MAX_MEMORY_SIZE
        # (2.5 MB) applies: 400 REQUEST_TOO_LARGE. Earlier DRF streams it to the parser.
        body = json.dumps({"name": "a" * TEN_MB, "email": "x", "address": {"city": "c"}})
        with records_of("django.security.RequestDataTooBig") as records:
            response = self.answering.post("/api/people/", body, content_type="application/json")
        if DRF_VERSION >= (3, 18):
            self.assertEnvelope(response, 400, "REQUEST_TOO_LARGE", "The request body is too large.", {})
            self.assertEqual(len(records), 1)
        else:
            self.assertEnvelope(response, 400, "VALIDATION_ERROR")

    def test_10_mb_multipart_form_is_too_large(self):
        with self.assertLogs("django.security.RequestDataTooBig", "ERROR"):
            response = self.answering.post("/api/body/", {"name": "a" * TEN_MB})
        self.assertEnvelope(response, 400, "REQUEST_TOO_LARGE", "The request body is too large.", {})

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=100)
    def test_too_many_form_fields(self):
        with self.assertLogs("django.security.TooManyFieldsSent", "ERROR"):
            response = self.answering.post("/api/body/", {"f%d" % i: "1" for i in range(500)})
        self.assertEnvelope(response, 400, "REQUEST_TOO_LARGE", "The request body is too large.", {})

    def test_binary_garbage_as_json(self):
        with self.assertLogs("api_errors", "WARNING"):
            response = self.answering.post("/api/body/", b"\xff\xfe\x00garbage", content_type="application/json")
        self.assertUnreadable(response)
