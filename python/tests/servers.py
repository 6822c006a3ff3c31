"""Real servers for the tests and the bench: uvicorn (ASGI) and gunicorn (WSGI, threads).

Each runs the test project in a subprocess on 127.0.0.1 and a free port, logging to a file.
"""
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def command(kind, port, threads):
    bind = ["127.0.0.1", str(port)]
    if kind == "uvicorn":
        return [sys.executable, "-m", "uvicorn", "tests.asgi:application", "--host", bind[0], "--port", bind[1],
                "--no-server-header", "--log-level", "warning"]
    return [sys.executable, "-m", "gunicorn", "tests.wsgi:application", "--bind", ":".join(bind),
            "--worker-class", "gthread", "--workers", "1", "--threads", str(threads),
            "--access-logfile", os.devnull, "--log-level", "warning"]


def wait_until_up(process, port, deadline=60.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError("the server exited: %s" % process.stderr.read()[-2000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the server did not start")


@contextmanager
def running(kind, *, without=False, threads=16):
    """Yields (port, log file path) of a started server; stops it after."""
    with tempfile.TemporaryDirectory(prefix="api-errors-%s-" % kind) as folder:
        log_file = Path(folder) / "server.log"
        env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR), DJANGO_SETTINGS_MODULE="tests.server_settings",
                   API_ERRORS_LOG_FILE=str(log_file), API_ERRORS_WITHOUT="1" if without else "0")
        port = free_port()
        process = subprocess.Popen(command(kind, port, threads), cwd=PYTHON_DIR, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_until_up(process, port)
            yield port, log_file
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stderr.close()


def get(port, path, headers=None, connection=None):
    """(status, headers dict, body bytes) of one GET; reuses ``connection`` when given."""
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    if connection is None:
        conn.close()
    return response.status, dict(response.getheaders()), body
