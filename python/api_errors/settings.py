"""The ``API_ERRORS`` setting: one dict in settings.py, read through ``api_settings`` with defaults.

``api_settings.FIELD_CODES`` and the like read the project's value or the default; the cache is
dropped on Django's ``setting_changed`` signal, so ``override_settings(API_ERRORS=...)`` works in
tests. Keys may be written in upper or lower case.

The dict is validated once, when the app is ready: an unknown key or a value of the wrong type is
reported by ``manage.py check`` (``api_errors.E001``-``E003``) and otherwise ignored, so a typo
never turns into a 500 at the first request: the default is used instead.
"""
import difflib
from typing import Any, Callable, Dict, List, Optional, Tuple

from django.conf import settings
from django.core import checks
from django.core.signals import setting_changed
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

DEFAULTS: Dict[str, Any] = {
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


def _is_prefix(value: Any) -> bool:
    if value is None or isinstance(value, str):
        return True
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def _is_code(value: Any) -> bool:
    return callable(value) or (isinstance(value, str) and bool(value))


# The integrations INTEGRATIONS may name (api_errors.integrations has one module for each).
INTEGRATION_NAMES = ("sentry", "opentelemetry", "celery")
# Keys that take code: a callable (or a class), or the dotted path to one, imported at start-up.
CODE_KEYS = ("VALIDATE_ID", "GENERATE_ID", "FORMATTER", "SHOULD_NOT_HANDLE")

# A key whose value is not simply of its default's type says what it takes here: a description
# for the check's message and a test. Every other key takes a value of its default's type (text:
# a string or a lazy translation; None as the default: anything).
VALUE_RULES: Dict[str, Tuple[str, Callable[[Any], bool]]] = {
    "API_PREFIX": ("a string, a list or tuple of strings, or None", _is_prefix),
    "VALIDATE_ID": ("a callable or its dotted path", _is_code),
    "GENERATE_ID": ("a callable or its dotted path", _is_code),
    "FORMATTER": ("None, a callable or class, or its dotted path", lambda value: value is None or _is_code(value)),
    "SHOULD_NOT_HANDLE": ("None, a callable or its dotted path", lambda value: value is None or _is_code(value)),
    "EXPOSE_HEADER": ('"cors", True or False', lambda value: value in ("cors", True, False)),
    "INTEGRATIONS": ("a list or tuple of %s" % ", ".join(map(repr, INTEGRATION_NAMES)),
                     lambda value: isinstance(value, (list, tuple)) and all(item in INTEGRATION_NAMES for item in value)),
}


def _unimportable(key: Any, path: str) -> Optional[checks.CheckMessage]:
    """An E004 when the dotted path ``path`` does not import (checked once, at start-up)."""
    try:
        import_string(path)
    except ImportError as error:
        return checks.Error(
            "API_ERRORS[%r] names %r, which cannot be imported: %s" % (key, path, error),
            hint="Give the full dotted path of a module-level callable or class. Until then the "
                 "default, %r, is used." % (DEFAULTS[str(key).upper()],),
            id="api_errors.E004",
        )
    return None


def _rule_for(name: str) -> Optional[Tuple[str, Callable[[Any], bool]]]:
    if name in VALUE_RULES:
        return VALUE_RULES[name]
    default = DEFAULTS[name]
    if default is None:
        return None
    if isinstance(default, bool):
        return "True or False", lambda value: isinstance(value, bool)
    if isinstance(default, (str, Promise)):
        return "a string", lambda value: isinstance(value, (str, Promise))
    if isinstance(default, (int, float)):
        numbers = (int, float) if isinstance(default, float) else (int,)
        return "a number", lambda value: isinstance(value, numbers) and not isinstance(value, bool)
    kind = type(default)
    return "a %s" % kind.__name__, lambda value: isinstance(value, kind)


def _unknown_key(key: Any) -> checks.CheckMessage:
    name = str(key).upper()
    close = difflib.get_close_matches(name, DEFAULTS, n=1)
    hint = ("Did you mean %r? " % close[0]) if close else ""
    hint += "The keys are: %s. The key is ignored until then." % ", ".join(sorted(DEFAULTS))
    return checks.Error("API_ERRORS has no setting %r." % key, hint=hint, id="api_errors.E002")


def validate(given: Any) -> Tuple[Dict[str, Any], List[checks.CheckMessage]]:
    """The values to use (the defaults where ``given`` is wrong) and what is wrong with it."""
    values = dict(DEFAULTS)
    if given is None:
        return values, []
    if not isinstance(given, dict):
        return values, [checks.Error(
            "API_ERRORS must be a dict, not %s." % type(given).__name__,
            hint='Write it as API_ERRORS = {"API_PREFIX": "/api/"}; the defaults are used until then.',
            id="api_errors.E001",
        )]
    problems = []
    for key, value in given.items():
        name = str(key).upper()
        if name not in DEFAULTS:
            problems.append(_unknown_key(key))
            continue
        rule = _rule_for(name)
        if rule is not None and not rule[1](value):
            problems.append(checks.Error(
                "API_ERRORS[%r] must be %s, not %r." % (key, rule[0], value),
                hint="Until then the default, %r, is used." % (DEFAULTS[name],),
                id="api_errors.E003",
            ))
            continue
        if name in CODE_KEYS and isinstance(value, str):
            problem = _unimportable(key, value)
            if problem is not None:
                problems.append(problem)
                continue
        values[name] = value
    return values, problems


class APIErrorsSettings:
    """Attribute access to ``settings.API_ERRORS`` over ``DEFAULTS``."""

    def __init__(self) -> None:
        self._cache: Optional[Dict[str, Any]] = None
        self._problems: List[checks.CheckMessage] = []

    def load(self) -> Dict[str, Any]:
        """Reads and validates ``API_ERRORS`` once (again after ``reload``); returns the values."""
        if self._cache is None:
            self._cache, self._problems = validate(getattr(settings, "API_ERRORS", None))
        return self._cache

    @property
    def problems(self) -> List[checks.CheckMessage]:
        """What is wrong with ``API_ERRORS``, as system check messages."""
        self.load()
        return list(self._problems)

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(name)
        return self.load()[name]

    def reload(self) -> None:
        self._cache = None
        self._problems = []


api_settings = APIErrorsSettings()


def _reload(*, setting: str, **kwargs: Any) -> None:
    if setting == "API_ERRORS":
        api_settings.reload()


setting_changed.connect(_reload)
