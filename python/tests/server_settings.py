"""Settings for the real-server tests and the bench: the test project, logging to a file.

``API_ERRORS_LOG_FILE``: where every record goes, one line each: ``<id>\\t<logger>\\t<message>``.
``API_ERRORS_WITHOUT=1``: the same project without the middleware and the handler (DRF's own).
"""
import os

from .settings import *  # noqa: F401,F403
from .settings import MIDDLEWARE, REST_FRAMEWORK

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

if os.environ.get("API_ERRORS_WITHOUT") == "1":
    MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("api_errors.")]
    REST_FRAMEWORK = {key: value for key, value in REST_FRAMEWORK.items() if key != "EXCEPTION_HANDLER"}

_LOG_FILE = os.environ.get("API_ERRORS_LOG_FILE")
_HANDLERS = ["file"] if _LOG_FILE else ["null"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"correlation_id": {"()": "api_errors.logging.CorrelationIdFilter"}},
    "formatters": {"line": {"format": "%(correlation_id)s\t%(name)s\t%(message)s"}},
    "handlers": {
        "null": {"class": "logging.NullHandler"},
        **({"file": {"class": "logging.FileHandler", "filename": _LOG_FILE, "filters": ["correlation_id"],
                     "formatter": "line"}} if _LOG_FILE else {}),
    },
    "root": {"handlers": _HANDLERS, "level": "INFO"},
    "loggers": {
        # The servers' own access lines, which they write while the request is still current.
        name: {"handlers": _HANDLERS, "level": "INFO", "propagate": False}
        for name in ("uvicorn.access", "gunicorn.access", "uvicorn.error", "gunicorn.error")
    },
}
