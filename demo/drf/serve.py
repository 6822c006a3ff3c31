#!/usr/bin/env python3
"""Serve the jquery-api-errors DRF demo on 127.0.0.1 (threaded, no autoreload).

    npm run demo:drf [-- --port N] [--host 127.0.0.1]
    node scripts/drf-venv.mjs demo/drf/serve.py [--port N]    (the same)

It runs in .tmp/venv, a virtualenv with Django and DRF from PyPI (the newest pair the package's
matrix tests) and drf-api-errors (python/) installed; scripts/drf-venv.mjs makes it on first use. The database is SQLite in
memory, made at start-up with the user demo (password demo).

The port defaults to $PORT, else 8001; --port 0 picks a free one. Prints
"jquery-api-errors DRF demo: http://127.0.0.1:PORT/" once it is listening.
"""
import argparse
import os
import signal
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_project.settings")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8001))
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)

    from demo_project.installed import require_api_errors

    require_api_errors()
    import django
    from django.core.servers.basehttp import (
        ThreadedWSGIServer, WSGIRequestHandler, get_internal_wsgi_application,
    )

    django.setup()
    app = get_internal_wsgi_application()   # demo_project.wsgi, which also prepares the database
    try:
        httpd = ThreadedWSGIServer((args.host, args.port), WSGIRequestHandler, ipv6=":" in args.host)
    except OSError as exc:
        print("jquery-api-errors DRF demo: cannot listen on %s:%d: %s" % (args.host, args.port, exc),
              file=sys.stderr)
        return 1
    httpd.set_app(app)
    port = httpd.server_address[1]
    host = "[%s]" % args.host if ":" in args.host else args.host
    print("jquery-api-errors DRF demo: http://%s:%d/" % (host, port), flush=True)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
