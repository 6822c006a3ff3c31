"""What CorrelationIdMiddleware and the exception handler cost a request; run by hand, not in CI.

    cd python && ../.tmp/venv/bin/python bench/drf_bench.py [--quick]

Each comparison is two sides timed in the same process and the same run, in interleaved rounds
(with, without, without, with, ...), so machine load hits both alike; the result is the ratio of
the medians of the rounds. "Without" is the same DRF view without the middleware and with DRF's
own exception handler. Prints Markdown rows for BENCHMARKS.md.
"""
import asyncio
import io
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.server_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.asgi import ASGIHandler  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import override_settings  # noqa: E402
from rest_framework import views as drf_views  # noqa: E402

from tests import views_runtime  # noqa: E402
from tests.servers import get, running  # noqa: E402

QUICK = "--quick" in sys.argv
ROUNDS, PER_ROUND = (7, 200) if QUICK else (21, 500)
# Both of the package's middleware: "without" is the project as if the package were not there.
OURS = ("api_errors.middleware.CorrelationIdMiddleware", "api_errors.views.ExceptionMiddleware")


def handlers(factory):
    """(with, without): the same project's handler with and without the package's middleware."""
    with_ours = factory()
    with override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name not in OURS]):
        without = factory()  # a handler loads its middleware when it is made
    return with_ours, without


def environ(path):
    return {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "testserver",
            "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr}


def timed(run):
    """(CPU seconds, wall seconds) per request of ``run()``, which handles PER_ROUND requests."""
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return (time.process_time() - cpu) / PER_ROUND, (time.perf_counter() - wall) / PER_ROUND


def wsgi_round(handler, path):
    def run():
        for _ in range(PER_ROUND):
            result = handler(environ(path), lambda status, headers, exc_info=None: None)
            b"".join(result)
            result.close()

    return timed(run)


def receiver():
    """An ASGI receive: the empty body, then nothing (the client stays connected)."""
    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if messages:
            return messages.pop()
        await asyncio.Event().wait()

    return receive


def asgi_round(handler, path):
    return timed(lambda: asyncio.run(asgi_requests(handler, path)))


async def asgi_requests(handler, path):
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [(b"host", b"testserver")], "server": ("testserver", 80), "client": ("127.0.0.1", 1)}

    async def send(message):
        pass

    for _ in range(PER_ROUND):
        await handler(scope, receiver(), send)


def interleaved(measure_with, measure_without):
    """((CPU, wall) with, (CPU, wall) without): medians per request over ROUNDS interleaved rounds."""
    sides = {True: [], False: []}
    for number in range(ROUNDS):
        for side in ((True, False) if number % 2 == 0 else (False, True)):
            sides[side].append((measure_with if side else measure_without)())
    return tuple(tuple(statistics.median(values) for values in zip(*sides[side])) for side in (True, False))


class PlainHandler:
    """The DRF views as they are without this package: DRF's own exception handler."""

    def __enter__(self):
        self.saved = views_runtime.InvalidView.get_exception_handler
        return self

    def __exit__(self, *exc):
        views_runtime.InvalidView.get_exception_handler = self.saved


def row(name, pair):
    """A table row from ((CPU, wall) with, (CPU, wall) without), in microseconds."""
    (cpu_with, wall_with), (cpu_without, wall_without) = pair
    return "| %s | %.0f / %.0f µs | %.0f / %.0f µs | **%.3f×** | %.3f× |" % (
        name, cpu_with * 1e6, wall_with * 1e6, cpu_without * 1e6, wall_without * 1e6,
        cpu_with / cpu_without, wall_with / wall_without)


def drf_rows():
    with_ours, without = handlers(WSGIHandler)
    default_handler = lambda self: drf_views.exception_handler  # noqa: E731
    ours_handler = views_runtime.InvalidView.get_exception_handler

    def invalid(handler, plain):
        views_runtime.InvalidView.get_exception_handler = default_handler if plain else ours_handler
        return wsgi_round(handler, "/api/rt/invalid/")

    with override_settings(API_ERRORS={"INTEGRATIONS": []}):
        bare = WSGIHandler()  # the middleware picks its integrations when it is made

    rows = [row("DRF view, success (200), WSGI handler", interleaved(
        lambda: wsgi_round(with_ours, "/api/rt/ok/"), lambda: wsgi_round(without, "/api/rt/ok/")))]
    rows.append(row("the same, `INTEGRATIONS` empty", interleaved(
        lambda: wsgi_round(bare, "/api/rt/ok/"), lambda: wsgi_round(without, "/api/rt/ok/"))))
    with PlainHandler():
        rows.append(row("DRF view, validation error (400), WSGI handler", interleaved(
            lambda: invalid(with_ours, False), lambda: invalid(without, True))))
    asgi_with, asgi_without = handlers(ASGIHandler)
    rows.append(row("async Django view (200), ASGI handler", interleaved(
        lambda: asgi_round(asgi_with, "/api/rt/async-ok/"), lambda: asgi_round(asgi_without, "/api/rt/async-ok/"))))
    return rows


def concurrent_total(port, count, seconds):
    def one(_):
        return get(port, "/api/rt/sleep/?s=%s" % seconds)[0]

    with ThreadPoolExecutor(count) as pool:
        list(pool.map(one, range(count)))  # warm: every worker thread has its connection code loaded
        started = time.perf_counter()
        assert set(pool.map(one, range(count))) == {200}
        return time.perf_counter() - started


def concurrency_rows(seconds=0.5, repeats=3 if QUICK else 5):
    rows = []
    for count in (10,) if QUICK else (10, 50):
        for kind in ("uvicorn", "gunicorn"):
            totals = {}
            for without in (False, True):
                with running(kind, without=without, threads=max(16, count)) as (port, _):
                    totals[without] = statistics.median(
                        concurrent_total(port, count, seconds) for _ in range(repeats))
            rows.append("| %d concurrent async views sleeping %.1f s, %s | %.3f s | %.3f s | **%.3f×** |" % (
                count, seconds, kind, totals[False], totals[True], totals[False] / totals[True]))
    return rows


if __name__ == "__main__":
    print("Django %s, DRF %s, Python %s; %d rounds of %d requests" % (
        django.get_version(), __import__("rest_framework").VERSION, sys.version.split()[0], ROUNDS, PER_ROUND))
    print("| per request (CPU / wall) | with | without | CPU ratio | wall ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for line in drf_rows():
        print(line, flush=True)
    print("\n| concurrency (wall, median of the repeats) | with | without | ratio |\n| --- | ---: | ---: | ---: |")
    for line in concurrency_rows():
        print(line, flush=True)
