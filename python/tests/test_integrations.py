"""The optional integrations: OpenTelemetry and Celery in this process, Sentry and imports in another."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import skipUnless

from django.test import SimpleTestCase, override_settings

from api_errors.integrations import installed
from api_errors.logging import CorrelationIdFilter

from .helpers import HEX32, records_of

PYTHON_DIR = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "scripts"


def run_script(name, *args):
    env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR), DJANGO_SETTINGS_MODULE="tests.settings")
    done = subprocess.run([sys.executable, str(SCRIPTS / name), *args], cwd=PYTHON_DIR, env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


class Imports(SimpleTestCase):
    def test_the_package_imports_none_of_the_integrations_libraries(self):
        self.assertEqual(run_script("imports.py", "present"), {"imported": []})

    def test_without_the_libraries_the_package_and_a_request_work(self):
        answer = run_script("imports.py", "absent")
        self.assertEqual(answer["imported"], [])
        self.assertEqual(answer["status"], 404)
        self.assertRegex(answer["correlation_id"], HEX32)


@skipUnless(installed("sentry_sdk"), "sentry-sdk is not installed")
class Sentry(SimpleTestCase):
    def test_a_server_error_on_each_path_is_one_event_tagged_with_the_correlation_id(self):
        events = run_script("sentry_events.py")
        self.assertEqual(events, [
            {"tag": "sentry-1", "exception": "RuntimeError", "status": 500},
            {"tag": "sentry-2", "exception": "RuntimeError", "status": 500},
            {"tag": "sentry-3", "exception": "RuntimeError", "status": 500},  # handler500
            {"tag": "sentry-4", "exception": "PaymentGatewayDown", "status": 503},
            {"tag": "sentry-5", "exception": "PaymentGatewayDown", "status": 503},  # ExceptionMiddleware
            {"tag": None, "exception": "ValueError", "status": None},  # outside a request
        ])


@skipUnless(installed("opentelemetry.sdk"), "opentelemetry-sdk is not installed")
class OpenTelemetry(SimpleTestCase):
    def setUp(self):
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

        self.exporter = InMemorySpanExporter()
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.tracer = provider.get_tracer("tests")

    def get_in_a_span(self, **headers):
        with self.tracer.start_as_current_span("GET /api/raise/not-found/") as span:
            response = self.client.get("/api/raise/not-found/", **headers)
        [finished] = self.exporter.get_finished_spans()
        self.exporter.clear()
        return response["X-Correlation-ID"], "%032x" % span.get_span_context().trace_id, finished.attributes

    def test_the_id_is_an_attribute_of_the_active_span(self):
        cid, trace_id, attributes = self.get_in_a_span()
        self.assertRegex(cid, HEX32)
        self.assertNotEqual(cid, trace_id)
        self.assertEqual(attributes["correlation_id"], cid)

    @override_settings(API_ERRORS={"TRACE_ID_AS_CORRELATION_ID": True})
    def test_the_trace_id_can_be_the_id_unless_the_client_sent_one(self):
        cid, trace_id, attributes = self.get_in_a_span()
        self.assertEqual((cid, attributes["correlation_id"]), (trace_id, trace_id))
        cid, trace_id, attributes = self.get_in_a_span(HTTP_X_CORRELATION_ID="client-7")
        self.assertEqual((cid, attributes["correlation_id"]), ("client-7", "client-7"))
        self.assertRegex(self.client.get("/api/raise/not-found/")["X-Correlation-ID"], HEX32)  # no span

    @override_settings(API_ERRORS={"INTEGRATIONS": []})
    def test_turned_off(self):
        cid, trace_id, attributes = self.get_in_a_span()
        self.assertNotIn("correlation_id", attributes)


@skipUnless(installed("celery"), "celery is not installed")
class Celery(SimpleTestCase):
    def task_lines(self):
        return records_of("api_errors.tests.task", CorrelationIdFilter())

    def test_an_eager_task_logs_with_the_id_of_the_request_that_sent_it(self):
        with self.task_lines() as records:
            self.client.get("/api/rt/task/?n=1", HTTP_X_CORRELATION_ID="celery-1")
        self.assertEqual([(r.correlation_id, r.getMessage()) for r in records], [("celery-1", "task n=1")])

    def test_a_task_through_a_broker_and_a_worker_thread_carries_the_id_in_its_headers(self):
        from celery.contrib.testing.worker import start_worker

        from .celery_app import app

        app.conf.task_always_eager = False
        self.addCleanup(setattr, app.conf, "task_always_eager", True)
        with start_worker(app, pool="solo", perform_ping_check=False), self.task_lines() as records:
            self.client.get("/api/rt/task/?n=2", HTTP_X_CORRELATION_ID="celery-2")
            self.client.get("/api/rt/task/?n=3", HTTP_X_CORRELATION_ID="celery-3")
            deadline = time.monotonic() + 30
            while len(records) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
        self.assertEqual(sorted((r.correlation_id, r.getMessage()) for r in records),
                         [("celery-2", "task n=2"), ("celery-3", "task n=3")])
