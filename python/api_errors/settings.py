"""The ``API_ERRORS`` setting: one dict in settings.py, read through ``api_settings`` with defaults.

``api_settings.FIELD_CODES`` and the like read the project's value or the default; the cache is
dropped on Django's ``setting_changed`` signal, so ``override_settings(API_ERRORS=...)`` works in
tests. Keys may be written in upper or lower case; an unknown key is a configuration error.
"""
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # The envelope's message for a validation error (the field messages are in ``errors``).
    "VALIDATION_MESSAGE": _("Validation failed"),
    # The message of every unhandled exception; its text only ever goes to the log.
    "SERVER_ERROR_MESSAGE": _("A server error occurred."),
    # The message of a body that could not be parsed; the parser's detail goes to the log.
    "PARSE_ERROR_MESSAGE": _("The request body could not be read."),
    # Under DEBUG, let unhandled exceptions through to Django's debug page.
    "RERAISE_IN_DEBUG": True,
    # The request header a client's correlation id is read from.
    "REQUEST_HEADER": "X-Correlation-ID",
    # The response header the correlation id is sent back in.
    "RESPONSE_HEADER": "X-Correlation-ID",
    # Paths under this prefix (a string or a tuple of them) get JSON 400/403/404/500 pages.
    "API_PREFIX": "/api/",
    # Also send DRF's per-field error codes (``required``, ``unique``...) as ``field_codes``.
    "FIELD_CODES": False,
    # Log one INFO line per request (method, path, correlation id) on the ``api_errors`` logger.
    "LOG_REQUESTS": False,
    # Keep a client's id from ``REQUEST_HEADER`` (when ``VALIDATE_ID`` accepts it); False: never.
    "TRUST_REQUEST_HEADER": True,
    # A callable (or its dotted path) taking the client's id and returning True to keep it.
    "VALIDATE_ID": "api_errors.correlation.is_safe_correlation_id",
    # A callable (or its dotted path) taking the request and returning a new id.
    "GENERATE_ID": "api_errors.correlation.new_correlation_id",
    # Name ``RESPONSE_HEADER`` in ``Access-Control-Expose-Headers``: "cors" (on responses that
    # have ``Access-Control-Allow-Origin``), True (on every response) or False (never).
    "EXPOSE_HEADER": "cors",
    # With an active OpenTelemetry span and no trusted client id, its trace id is the id.
    "TRACE_ID_AS_CORRELATION_ID": False,
    # The integrations to use, each only when its library is installed.
    "INTEGRATIONS": ("sentry", "opentelemetry", "celery"),
    # The body's shape: a dotted path to a formatter (see api_errors.formatters); None: the envelope.
    "FORMATTER": None,
    # A project's exceptions as errors: {"shop.errors.OutOfStock": {"status": 409, "code": "OUT_OF_STOCK"}}.
    "EXCEPTION_MAP": {},
    # A dotted path to ``should_not_handle(exc, request) -> bool``: True leaves ``exc`` to DRF and Django.
    "SHOULD_NOT_HANDLE": None,
}


class APIErrorsSettings:
    """Attribute access to ``settings.API_ERRORS`` over ``DEFAULTS``."""

    def __init__(self):
        self._cache = None

    def _load(self):
        given = getattr(settings, "API_ERRORS", None) or {}
        if not isinstance(given, dict):
            raise ImproperlyConfigured("API_ERRORS must be a dict.")
        values = dict(DEFAULTS)
        for key, value in given.items():
            name = str(key).upper()
            if name not in DEFAULTS:
                known = ", ".join(sorted(DEFAULTS))
                raise ImproperlyConfigured("API_ERRORS has no setting %r (known: %s)." % (key, known))
            values[name] = value
        return values

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        if self._cache is None:
            self._cache = self._load()
        return self._cache[name]

    def reload(self):
        self._cache = None


api_settings = APIErrorsSettings()


def _reload(*, setting, **kwargs):
    if setting == "API_ERRORS":
        api_settings.reload()


setting_changed.connect(_reload)
