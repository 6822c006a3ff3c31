"""Run by test_integrations: sentry-sdk with a transport that records events, a request down each
path that answers a server error (the DRF handler, handler500, EXCEPTION_MAP in DRF and plain views).

Sentry patches Django for the whole process, so this runs in its own. Prints one JSON line.
"""
import json

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.transport import Transport

events = []


class Recording(Transport):
    def capture_envelope(self, envelope):
        for item in envelope.items:
            event = item.get_event()
            if event is not None:
                events.append(event)


# Sentry's default integrations too (logging, dedupe): a crash is still one event, not two.
sentry_sdk.init(dsn="https://key@sentry.invalid/1", transport=Recording, integrations=[DjangoIntegration()])

import django  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

django.setup()
client = Client(raise_request_exception=False)
statuses = {}
REQUESTS = [("sentry-1", "/api/raise/crash/"), ("sentry-2", "/api/raise/crash/"), ("sentry-3", "/api/plain/crash/"),
            ("sentry-4", "/api/raise/payment-down/"), ("sentry-5", "/api/plain/raise/payment-down/")]
with override_settings(API_ERRORS={"EXCEPTION_MAP": {"tests.shaping.PaymentGatewayDown": (503, "PAYMENT_DOWN")}}):
    for cid, url in REQUESTS:
        statuses[cid] = client.get(url, HTTP_X_CORRELATION_ID=cid).status_code
sentry_sdk.capture_exception(ValueError("outside a request"))
sentry_sdk.flush()
print(json.dumps([
    {"tag": (event.get("tags") or {}).get("correlation_id"),
     "exception": event["exception"]["values"][-1]["type"],
     "status": statuses.get((event.get("tags") or {}).get("correlation_id"))}
    for event in events
]))
