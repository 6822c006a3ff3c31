"""Under real servers: uvicorn (ASGI) and gunicorn (WSGI, threads), each in a subprocess.

Concurrency: ten async views sleeping 0.5 s at once take about 0.5 s, with and without the
middleware (one at a time would be 5 s). Load: a few thousand requests from many threads; every
response's header equals its body's id, and every log line of a request has that request's id.
"""
import json
import os
import re
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from unittest import skipUnless

from django.test import SimpleTestCase

from api_errors.integrations import installed

from .servers import get, running

LOAD_REQUESTS = int(os.environ.get("API_ERRORS_LOAD_REQUESTS", "2000"))
SLEEP = 0.5
SERVERS = [kind for kind in ("uvicorn", "gunicorn") if installed(kind)]
REQUEST_OF_LINE = re.compile(r"n=(\d+)\b|/echo/(\d+)/")


def concurrent_sleeps(port, count=10):
    """Wall time of ``count`` simultaneous requests to the async sleeping view, and their ids."""
    get(port, "/api/rt/sleep/?s=0")  # the first request builds the middleware chain
    barrier = threading.Barrier(count + 1)

    def one(n):
        barrier.wait()
        status, headers, body = get(port, "/api/rt/sleep/?s=%s" % SLEEP, {"X-Correlation-ID": "c-%d" % n})
        return headers.get("X-Correlation-ID"), json.loads(body).get("correlation_id")

    with ThreadPoolExecutor(count) as pool:
        futures = [pool.submit(one, n) for n in range(count)]
        barrier.wait()
        started = time.monotonic()
        answers = [future.result() for future in futures]
        return time.monotonic() - started, answers


def load(port, total, threads=16):
    """Sends ``total`` requests to /api/rt/echo/<n>/ from ``threads`` connections; n -> (status, header, body id)."""
    import http.client

    results = {}

    def worker(numbers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in numbers:
            headers = {"X-Correlation-ID": "client-%d" % n} if n % 3 == 0 else {}
            status, answer_headers, body = get(port, "/api/rt/echo/%d/" % n, headers, connection)
            data = json.loads(body)
            results[n] = (status, answer_headers.get("X-Correlation-ID"),
                          data["correlation_id"] if status == 200 else data["error"]["correlation_id"])
        connection.close()

    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(worker, range(start, total, threads)) for start in range(threads)]:
            future.result()
    return results


def log_lines(log_file):
    """(id, logger, request number) of each log line that names a request of the load."""
    lines = []
    for line in log_file.read_text().splitlines():
        parts = line.split("\t", 2)
        match = REQUEST_OF_LINE.search(parts[2]) if len(parts) == 3 else None
        if match:
            lines.append((parts[0], parts[1], int(match.group(1) or match.group(2))))
    return lines


@skipUnless(SERVERS, "neither uvicorn nor gunicorn is installed")
class RealServers(SimpleTestCase):
    def test_ten_concurrent_async_views_run_at_once_with_the_middleware_as_without(self):
        for kind in SERVERS:
            totals = {}
            for without in (False, True):
                with self.subTest(kind=kind, without=without), running(kind, without=without) as (port, _):
                    totals[without], answers = concurrent_sleeps(port)
                    if not without:
                        self.assertEqual(answers, [("c-%d" % n,) * 2 for n in range(10)])
            # One at a time would take 10 x 0.5 s; at once about 0.5 s, whatever the machine.
            self.assertLess(totals[False], 3 * SLEEP, (kind, totals))
            self.assertLess(totals[True], 3 * SLEEP, (kind, totals))

    def test_under_load_no_id_crosses_requests_in_responses_or_log_lines(self):
        for kind in SERVERS:
            with self.subTest(kind=kind), running(kind) as (port, log_file):
                results = load(port, LOAD_REQUESTS)
                time.sleep(0.2)  # the last access lines
                lines = log_lines(log_file)
            self.assertEqual(len(results), LOAD_REQUESTS)
            expected_status = {0: 200, 1: 400, 2: 404, 3: 500}
            for n, (status, header_id, body_id) in results.items():
                self.assertEqual((status, header_id), (expected_status[n % 4], body_id), n)
                if n % 3 == 0:
                    self.assertEqual(header_id, "client-%d" % n)
            self.assertEqual(len({body_id for _, _, body_id in results.values()}), LOAD_REQUESTS)
            loggers_of = defaultdict(set)
            for cid, logger, n in lines:
                self.assertEqual(cid, results[n][2], (kind, logger, n))
                loggers_of[n].add(logger)
            for n in results:
                expected = {"api_errors.tests.app", "%s.access" % kind}
                if n % 4:
                    expected.add("django.request")
                self.assertEqual(loggers_of[n], expected, (kind, n))
