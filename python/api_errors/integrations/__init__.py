"""Optional integrations with Sentry, OpenTelemetry and Celery, one module each.

A module here is imported only when ``INTEGRATIONS`` names it and its library is installed, so
``import api_errors`` never imports ``sentry_sdk``, ``opentelemetry`` or ``celery``. A request
integration has ``bind(request, cid)`` (returns an undo callable or None) and may have
``incoming_id(request)`` and ``active()`` (False: not set up, skip it); Celery's connects its
signals once, at start-up.
"""
import importlib
import importlib.util

from ..settings import api_settings

# name in INTEGRATIONS -> (the library's module, ours)
LIBRARIES = {
    "sentry": ("sentry_sdk", "api_errors.integrations.sentry"),
    "opentelemetry": ("opentelemetry.trace", "api_errors.integrations.opentelemetry"),
    "celery": ("celery", "api_errors.integrations.celery"),
}
REQUEST_INTEGRATIONS = ("sentry", "opentelemetry")


def installed(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def enabled(names):
    """Our modules for those of ``names`` that ``INTEGRATIONS`` lists and are installed."""
    wanted = {str(name).lower() for name in api_settings.INTEGRATIONS}
    return [
        importlib.import_module(ours)
        for name, (library, ours) in LIBRARIES.items()
        if name in names and name in wanted and installed(library)
    ]


def request_integrations():
    """The request integrations to use, decided once, when the middleware is made."""
    return [module for module in enabled(REQUEST_INTEGRATIONS)
            if getattr(module, "active", None) is None or module.active()]


def connect_task_integrations():
    """Called from the app's ``ready()``: Celery's signals, when Celery is there."""
    for module in enabled(("celery",)):
        module.connect()
