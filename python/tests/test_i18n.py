"""Messages follow the request's language, as DRF's do (LocaleMiddleware and Accept-Language)."""
import json

from django.conf import settings
from django.test import override_settings
from django.utils import translation
from rest_framework.exceptions import NotFound

from .helpers import EnvelopeTestCase

WITH_LOCALE = settings.MIDDLEWARE[:2] + ["django.middleware.locale.LocaleMiddleware"] + settings.MIDDLEWARE[2:]


@override_settings(MIDDLEWARE=WITH_LOCALE, LANGUAGES=[("en", "English"), ("fr", "French")])
class AcceptLanguage(EnvelopeTestCase):
    def test_drf_messages_and_ours_in_french(self):
        french = {"HTTP_ACCEPT_LANGUAGE": "fr"}
        with translation.override("fr"):
            not_found = str(NotFound.default_detail)  # DRF's own catalog: "Pas trouvé." / "Non trouvé."
        self.assertNotEqual(not_found, "Not found.")
        self.assertEnvelope(self.client.get("/api/raise/http404/", **french), 404, "NOT_FOUND", not_found)
        response = self.client.post("/api/people/", json.dumps({}), content_type="application/json", **french)
        self.assertEnvelope(response, 400, "VALIDATION_ERROR", "La validation a échoué")
        with self.assertLogs("api_errors", "WARNING"):
            response = self.client.post("/api/people/", "{", content_type="application/json", **french)
        self.assertEnvelope(response, 400, "PARSE_ERROR", "Le corps de la requête n'a pas pu être lu.")
        with self.assertLogs("django.request", "ERROR"):
            response = self.answering.get("/api/raise/crash/", **french)
        self.assertEnvelope(response, 500, "SERVER_ERROR", "Une erreur du serveur est survenue.")
        response = self.client.get("/api/nowhere/", **french)
        self.assertEnvelope(response, 404, "NOT_FOUND", not_found)

    def test_english_without_the_header(self):
        self.assertEnvelope(self.client.get("/api/raise/http404/"), 404, "NOT_FOUND", "Not found.")
        self.assertEnvelope(self.client.post("/api/people/", "{}", content_type="application/json"),
                            400, "VALIDATION_ERROR", "Validation failed")
