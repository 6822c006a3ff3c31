"""Run by test_integrations: sentry-sdk with a transport that records events, two crashing requests.

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
from django.test import Client  # noqa: E402

django.setup()
client = Client(raise_request_exception=False)
statuses = {}
for cid in ("sentry-1", "sentry-2"):
    statuses[cid] = client.get("/api/raise/crash/", HTTP_X_CORRELATION_ID=cid).status_code
sentry_sdk.capture_exception(ValueError("outside a request"))
sentry_sdk.flush()
print(json.dumps([
    {"tag": (event.get("tags") or {}).get("correlation_id"),
     "exception": event["exception"]["values"][-1]["type"],
     "status": statuses.get((event.get("tags") or {}).get("correlation_id"))}
    for event in events
]))
